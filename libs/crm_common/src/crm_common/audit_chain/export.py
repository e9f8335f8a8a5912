"""The export of a company's audit chain for a period, as JSON lines, and reading one back.

Lines, in order: a `header` (company, period, the stretch's first and last sequence numbers
and the `anchor` — the hash just before the first row — so the period verifies on its own),
one `row` per audit row in chain order, one `attestation` per later `audit.redacted` row
recording a redaction of a row in the period, and an `end` line (row count, last seq and
hash). Every line is rendered like PostgreSQL's jsonb text, numbers exact.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.audit_chain import store
from crm_common.audit_chain.canonical import ChainRow, jsonb_text, parse_json, timestamp
from crm_common.audit_chain.verify import Anchor, Problem, Verification, verify_chain

EXPORT_FORMAT = "crm-audit-export-v1"


class InvalidExport(ValueError):
    """The file is not an audit export (or not one this version reads)."""


def _line(data: dict[str, Any]) -> str:
    return jsonb_text(data) + "\n"


async def export_lines(
    session: AsyncSession,
    company_id: uuid.UUID,
    start: datetime | None,
    end: datetime | None,
) -> AsyncIterator[str]:
    """The export of the rows chained in [start, end), line by line."""
    bounds = await store.period_bounds(session, company_id, start, end)
    header: dict[str, Any] = {
        "type": "header",
        "format": EXPORT_FORMAT,
        "company_id": str(company_id),
        "from": timestamp(start) if start else None,
        "to": timestamp(end) if end else None,
        "exported_at": timestamp(datetime.now(UTC)),
    }
    if bounds is None:
        latest = await store.head(session, company_id)
        anchor = (
            Anchor(latest[0], latest[1], "row")
            if latest is not None
            else await store.anchor_before(session, company_id, 1)
        )
        yield _line({**header, "first_seq": None, "last_seq": None, "anchor": _anchor(anchor)})
        yield _line({"type": "end", "rows": 0, "last_seq": anchor.seq, "last_hash": anchor.hash})
        return
    first, last = bounds
    anchor = await store.anchor_before(session, company_id, first)
    yield _line({**header, "first_seq": first, "last_seq": last, "anchor": _anchor(anchor)})
    count, last_hash = 0, anchor.hash
    async for row in store.chain_rows(session, company_id, first, last):
        count += 1
        last_hash = row.row_hash
        yield _line({"type": "row", **row.to_json()})
    for attestation in await store.attestations(session, company_id, first, last):
        yield _line({"type": "attestation", **attestation.to_json()})
    yield _line({"type": "end", "rows": count, "last_seq": last, "last_hash": last_hash})


def _anchor(anchor: Anchor) -> dict[str, Any]:
    return {"seq": anchor.seq, "hash": anchor.hash, "source": anchor.source}


@dataclass
class ParsedExport:
    header: dict[str, Any]
    rows: list[ChainRow] = field(default_factory=list)
    attestations: list[ChainRow] = field(default_factory=list)
    end: dict[str, Any] | None = None
    malformed: list[Problem] = field(default_factory=list)


def parse_export(lines: Iterable[str]) -> ParsedExport:
    """Read an export; a line that is not JSON or not a row becomes a problem, not an error."""
    parsed: ParsedExport | None = None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = parse_json(line)
        except ValueError as exc:
            if parsed is None:
                raise InvalidExport(f"line {number} is not JSON") from exc
            parsed.malformed.append(Problem("altered", None, None, f"line {number} is not JSON"))
            continue
        kind = data.get("type") if isinstance(data, dict) else None
        if parsed is None:
            if kind != "header" or data.get("format") != EXPORT_FORMAT:
                raise InvalidExport(f"the first line is not a {EXPORT_FORMAT} header")
            parsed = ParsedExport(header=data)
            continue
        try:
            if kind == "row":
                parsed.rows.append(ChainRow.from_json(data))
            elif kind == "attestation":
                parsed.attestations.append(ChainRow.from_json(data))
            elif kind == "end":
                parsed.end = data
            else:
                raise InvalidExport(f"unknown line type {kind!r}")
        except (TypeError, KeyError, InvalidExport) as exc:
            parsed.malformed.append(Problem("altered", None, None, f"line {number}: {exc}"))
    if parsed is None:
        raise InvalidExport("the file is empty")
    return parsed


def verify_export(lines: Iterable[str]) -> Verification:
    """Verify an export on its own: from its anchor through its rows to its end line."""
    parsed = parse_export(lines)
    anchor_data = parsed.header.get("anchor") or {}
    try:
        anchor = Anchor(
            int(anchor_data["seq"]), str(anchor_data["hash"]), str(anchor_data.get("source", ""))
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidExport("the header has no anchor") from exc
    expected_last = (
        (int(parsed.end["last_seq"]), str(parsed.end["last_hash"])) if parsed.end else None
    )
    result = verify_chain(
        parsed.rows, anchor, attestations=parsed.attestations, expected_last=expected_last
    )
    for problem in parsed.malformed:
        result.report(problem)
    if parsed.end is None:
        result.report(
            Problem("truncated", None, None, "the export has no end line: it was cut short")
        )
    return result


def verify_export_file(path: Path) -> Verification:
    """`verify_export` of a file."""
    with path.open(encoding="utf-8") as lines:
        return verify_export(lines)
