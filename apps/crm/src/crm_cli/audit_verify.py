"""`crm audit-verify <file>`: check an audit export (GET /api/audit/export/) on its own — no
database needed — and report the first altered, removed, inserted or reordered row.

Exit status: 0 when the chain holds (recorded redactions included), 1 when it does not,
2 when the file is not an audit export."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from crm_common.audit_chain import InvalidExport, Verification, verify_export_file


def add_commands(commands: Any) -> None:
    """Register `audit-verify` on the `crm` command's subparsers."""
    verify = commands.add_parser(
        "audit-verify", help="verify an audit log export (from GET /api/audit/export/)"
    )
    verify.add_argument("file", type=Path, help="the export (JSON lines)")
    verify.add_argument("--json", action="store_true", help="print the full result as JSON")


def describe(result: Verification) -> str:
    """The result in a few lines a person reads."""
    span = f"seq {result.first_seq}..{result.last_seq}" if result.rows else "no rows"
    head = (
        f"{result.rows} rows ({span}) from anchor seq {result.anchor.seq} "
        f"[{result.anchor.source}], {result.redacted_rows} redacted by recorded requests"
    )
    if result.ok:
        return f"OK: the audit chain holds. {head}"
    lines = [f"TAMPERED: {result.problem_count} problem(s). {head}"]
    first = result.first_problem
    if first is not None:
        lines.append(f"first problem: {first.kind} at seq {first.chain_seq}: {first.message}")
    lines.extend(f"  {p.kind} at seq {p.chain_seq}: {p.message}" for p in result.problems[1:])
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    try:
        result = verify_export_file(args.file)
    except (InvalidExport, OSError, UnicodeDecodeError) as exc:
        print(f"not an audit export: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result.to_json(), indent=2) if args.json else describe(result))
    return 0 if result.ok else 1
