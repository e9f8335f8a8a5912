"""The tamper-evident audit log: each company's audit rows form a SHA-256 hash chain,
assigned by the database at insert; exports per period verify on their own; retention prunes
whole prefixes behind a recorded anchor; erasure redacts personal data in a way the verifier
tells apart from tampering. See docs/audit-chain.md."""

from crm_common.audit_chain.canonical import GENESIS_HASH, ChainRow, jsonb_text, payload_digest
from crm_common.audit_chain.export import (
    EXPORT_FORMAT,
    InvalidExport,
    export_lines,
    parse_export,
    verify_export,
    verify_export_file,
)
from crm_common.audit_chain.store import (
    TenantMismatch,
    anchor_before,
    chain_rows,
    prune_before,
    redact_contact,
    verify_stored,
)
from crm_common.audit_chain.verify import Anchor, Problem, Verification, verify_chain

__all__ = [
    "EXPORT_FORMAT",
    "GENESIS_HASH",
    "Anchor",
    "ChainRow",
    "InvalidExport",
    "Problem",
    "TenantMismatch",
    "Verification",
    "anchor_before",
    "chain_rows",
    "export_lines",
    "jsonb_text",
    "parse_export",
    "payload_digest",
    "prune_before",
    "redact_contact",
    "verify_chain",
    "verify_export",
    "verify_export_file",
    "verify_stored",
]
