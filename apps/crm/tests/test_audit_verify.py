"""`crm audit-verify <file>` checks an audit export without a database: OK for an intact
export, the first tampered row named (exit 1) for an edited one, exit 2 for another file."""

import json
import uuid
from pathlib import Path

import pytest

from crm_cli.main import main
from crm_common.audit import record
from crm_common.audit_chain import export_lines
from crm_common.db import Database
from crm_common.testing.builders import make_company


@pytest.fixture
async def export_file(db: Database, tmp_path: Path) -> Path:
    company = await make_company(db)
    async with db.tenant_session(company.id) as session:
        for number in range(4):
            await record(
                session,
                company_id=company.id,
                actor_user_id=None,
                action="campaign.updated",
                entity_type="campaign",
                entity_id=uuid.uuid4(),
                new_values={"total_budget": f"{number}00.00"},
            )
    async with db.tenant_session(company.id) as session:
        lines = [line async for line in export_lines(session, company.id, None, None)]
    path = tmp_path / "audit.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_an_intact_export_verifies(export_file: Path, capsys) -> None:
    assert main(["audit-verify", str(export_file)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: the audit chain holds. 4 rows (seq 1..4)")


def test_an_edited_row_is_named_with_exit_status_1(export_file: Path, capsys) -> None:
    lines = export_file.read_text().splitlines(keepends=True)
    lines[3] = lines[3].replace('"200.00"', '"999.00"')
    export_file.write_text("".join(lines))
    assert main(["audit-verify", str(export_file)]) == 1
    out = capsys.readouterr().out
    assert "TAMPERED: 1 problem(s)" in out
    assert "first problem: altered at seq 3" in out


def test_a_removed_row_is_named_in_json(export_file: Path, capsys) -> None:
    lines = export_file.read_text().splitlines(keepends=True)
    export_file.write_text("".join(lines[:2] + lines[3:]))
    assert main(["audit-verify", str(export_file), "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["ok"] is False
    assert result["first_problem"]["kind"] == "removed"
    assert result["first_problem"]["chain_seq"] == 2


def test_another_file_is_refused_with_exit_status_2(tmp_path: Path, capsys) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello\n")
    assert main(["audit-verify", str(path)]) == 2
    assert "not an audit export" in capsys.readouterr().err
    assert main(["audit-verify", str(tmp_path / "missing.jsonl")]) == 2
