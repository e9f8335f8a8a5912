"""The canonical encoding the audit chain hashes, identical to what the database computes.

The database renders a row's old and new values as PostgreSQL's `jsonb` text (keys ordered by
length then bytes, `", "` and `": "` separators, numbers exactly as stored) and hashes
length-prefixed fields; `jsonb_text` reproduces that rendering from values parsed with
`parse_json` (numbers as `Decimal`, so nothing is lost), so an export verifies offline.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

GENESIS_HASH = "0" * 64
ROW_FORMAT = "crm-audit-row-v1"
PAYLOAD_FORMAT = "crm-audit-payload-v1"
ANCHOR_FORMAT = "crm-audit-anchor-v1"

_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
}


def parse_json(text: str) -> Any:
    """JSON with every number kept exact (integers as int, the rest as Decimal)."""
    return json.loads(text, parse_float=Decimal)


def _string(value: str) -> str:
    out = []
    for char in value:
        escaped = _ESCAPES.get(char)
        if escaped is not None:
            out.append(escaped)
        elif char < " ":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _number(value: int | float | Decimal) -> str:
    if isinstance(value, int):
        return str(value)
    exact = value if isinstance(value, Decimal) else Decimal(repr(value))
    rendered = format(exact, "f")
    return "0" if rendered in ("-0",) else rendered


def jsonb_text(value: Any) -> str:
    """`value` rendered exactly as PostgreSQL prints the same `jsonb` value."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, int | float | Decimal):
        return _number(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(jsonb_text(item) for item in value) + "]"
    if isinstance(value, dict):
        keys = sorted(value, key=lambda key: (len(key.encode()), key.encode()))
        return "{" + ", ".join(f"{_string(key)}: {jsonb_text(value[key])}" for key in keys) + "}"
    raise TypeError(f"not a JSON value: {type(value).__name__}")


def field(value: str | None) -> str:
    """One field of a hashed record: `-` for NULL, else `<byte length>:<text>`."""
    return "-" if value is None else f"{len(value.encode())}:{value}"


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def timestamp(value: datetime) -> str:
    """A time as the chain encodes it: UTC, microseconds, `Z`."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def payload_digest(old_values: Any, new_values: Any) -> str:
    """The digest of a row's values (a JSON null counts as no value, as in the database)."""
    parts = [None if part is None else jsonb_text(part) for part in (old_values, new_values)]
    return sha256_hex(PAYLOAD_FORMAT + "".join(field(part) for part in parts))


@dataclass(frozen=True)
class ChainRow:
    """One audit row as exported and verified: identifiers as text, times as `timestamp`."""

    id: int
    company_id: str
    chain_seq: int
    chained_at: str
    occurred_at: str
    actor_user_id: str | None
    action: str
    entity_type: str
    entity_id: str
    request_id: str | None
    client_ip: str | None
    user_agent: str | None
    old_values: Any
    new_values: Any
    payload_digest: str
    prev_hash: str
    row_hash: str
    redacted_at: str | None = None
    redaction_request_id: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ChainRow:
        """Built from an export line (unknown keys ignored, missing ones a KeyError)."""
        names = {item.name for item in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in names})

    def to_json(self) -> dict[str, Any]:
        return {item.name: getattr(self, item.name) for item in fields(self)}

    def computed_digest(self) -> str:
        return payload_digest(self.old_values, self.new_values)

    def computed_hash(self, chain_seq: int | None = None) -> str:
        """The row hash its fields give (at `chain_seq` instead of its own, if given)."""
        seq = self.chain_seq if chain_seq is None else chain_seq
        parts = (
            self.company_id,
            str(seq),
            self.chained_at,
            self.occurred_at,
            self.actor_user_id,
            self.action,
            self.entity_type,
            self.entity_id,
            self.request_id,
            self.client_ip,
            self.user_agent,
            self.payload_digest,
            self.prev_hash,
        )
        return sha256_hex(ROW_FORMAT + "".join(field(part) for part in parts))


def anchor_checkpoint(
    company_id: str,
    first_seq: int,
    prev_hash: str,
    pruned_rows: int,
    anchored_at: str,
    previous_checkpoint: str,
) -> str:
    """The checkpoint hash `crm_audit_prune` records for an anchor."""
    parts = (company_id, str(first_seq), prev_hash, str(pruned_rows), anchored_at)
    return sha256_hex(
        ANCHOR_FORMAT + "".join(field(part) for part in (*parts, previous_checkpoint))
    )
