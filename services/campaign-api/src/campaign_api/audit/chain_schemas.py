"""Bodies of the company audit log: its rows with their chain fields, and a verification."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import ConfigDict

from campaign_api.audit.schemas import AUDIT_EXAMPLE, AuditEntry
from crm_common.schemas import Schema

CHAIN_EXAMPLE: dict[str, Any] = {
    **AUDIT_EXAMPLE,
    "chain_seq": 1041,
    "chained_at": "2026-03-01T09:45:00.012345Z",
    "payload_digest": "5d41402abc4b2a76b9719d911017c5925d41402abc4b2a76b9719d911017c592",
    "prev_hash": "9e107d9d372bb6826bd81d3542a419d69e107d9d372bb6826bd81d3542a419d6",
    "row_hash": "e4d909c290d0fb1ca068ffaddf22cbd0e4d909c290d0fb1ca068ffaddf22cbd0",
    "redacted_at": None,
    "redaction_request_id": None,
}


class AuditLogEntry(AuditEntry):
    """One audit row and its place in the company's hash chain."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [CHAIN_EXAMPLE]})

    chain_seq: int
    chained_at: datetime
    payload_digest: str
    prev_hash: str
    row_hash: str
    redacted_at: datetime | None
    redaction_request_id: uuid.UUID | None


class AuditLogPage(Schema):
    """One page of the company's audit log, newest first."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"items": [CHAIN_EXAMPLE], "total": 1, "page": 1, "page_size": 50, "filters": {}}
            ]
        }
    )

    items: list[AuditLogEntry]
    total: int
    page: int
    page_size: int
    filters: dict[str, Any]


class ChainAnchor(Schema):
    """The chain position just before the first verified row."""

    seq: int
    hash: str
    source: str


class ChainProblem(Schema):
    """A row where the chain does not hold: what happened (altered, removed, inserted,
    reordered, broken_link, unrecorded_redaction, truncated) and where."""

    kind: str
    chain_seq: int | None
    row_id: int | None
    message: str


class AuditVerification(Schema):
    """Whether the company's audit chain (or a period of it) is intact."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "ok": False,
                    "rows": 120,
                    "redacted_rows": 2,
                    "first_seq": 1,
                    "last_seq": 120,
                    "last_hash": CHAIN_EXAMPLE["row_hash"],
                    "anchor": {"seq": 0, "hash": "0" * 64, "source": "genesis"},
                    "problem_count": 1,
                    "first_problem": {
                        "kind": "altered",
                        "chain_seq": 57,
                        "row_id": 981,
                        "message": "row 981 (seq 57) was altered: its values do not match "
                        "their digest",
                    },
                    "problems": [],
                }
            ]
        }
    )

    ok: bool
    rows: int
    redacted_rows: int
    first_seq: int | None
    last_seq: int | None
    last_hash: str | None
    anchor: ChainAnchor
    problem_count: int
    first_problem: ChainProblem | None
    problems: list[ChainProblem]
