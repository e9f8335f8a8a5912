"""The signing secrets `crm run` keeps in its data directory outside production."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest

from crm_cli import local_secrets
from crm_common.settings import DEV_SECRET, SettingsError


@pytest.fixture
def environ(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The process environment of a development install on a data directory of its own, with
    no secret set (`install` reads the settings from the real environment)."""
    for name in (*local_secrets.SIGNING, *local_secrets.SEALING, "CRM_ENV"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CRM_DATA_DIR", str(tmp_path / "data"))
    return {"CRM_DATA_DIR": str(tmp_path / "data")}


def test_first_start_makes_random_secrets_only_its_owner_reads(
    environ: dict[str, str], tmp_path: Path
) -> None:
    path = local_secrets.install(environ)

    assert path == (tmp_path / "data" / "secrets.json").resolve()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    stored = json.loads(path.read_text())
    assert environ["CRM_JWT_SECRET"] == stored["jwt_secret"]
    assert environ["CRM_TRACKING_SECRET"] == stored["tracking_secret"]
    assert len({environ["CRM_JWT_SECRET"], environ["CRM_TRACKING_SECRET"], DEV_SECRET}) == 3
    assert len(environ["CRM_JWT_SECRET"]) >= 32
    # What was sealed with keys derived from the development JWT secret still opens.
    assert environ["CRM_MFA_ENCRYPTION_KEY"] == DEV_SECRET
    assert environ["CRM_WEBHOOK_ENCRYPTION_KEY"] == DEV_SECRET


def test_later_starts_read_the_same_secrets_and_other_data_dirs_get_others(
    environ: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    local_secrets.install(environ)
    again: dict[str, str] = {}
    local_secrets.install(again)
    assert again["CRM_JWT_SECRET"] == environ["CRM_JWT_SECRET"]
    assert again["CRM_TRACKING_SECRET"] == environ["CRM_TRACKING_SECRET"]

    monkeypatch.setenv("CRM_DATA_DIR", str(tmp_path / "elsewhere"))
    other: dict[str, str] = {}
    local_secrets.install(other)
    assert other["CRM_JWT_SECRET"] != environ["CRM_JWT_SECRET"]


def test_a_secret_set_in_the_environment_wins(environ: dict[str, str]) -> None:
    environ["CRM_JWT_SECRET"] = "j" * 40
    environ["CRM_WEBHOOK_ENCRYPTION_KEY"] = "w" * 40
    local_secrets.install(environ)

    assert environ["CRM_JWT_SECRET"] == "j" * 40
    assert environ["CRM_TRACKING_SECRET"] != "j" * 40
    # The sealing keys follow the JWT secret that was set, as they always have.
    assert "CRM_MFA_ENCRYPTION_KEY" not in environ
    assert environ["CRM_WEBHOOK_ENCRYPTION_KEY"] == "w" * 40

    both = {"CRM_JWT_SECRET": "j" * 40, "CRM_TRACKING_SECRET": "t" * 40}
    assert local_secrets.install(both) is None
    assert both == {"CRM_JWT_SECRET": "j" * 40, "CRM_TRACKING_SECRET": "t" * 40}


def test_production_is_left_to_its_own_settings(
    environ: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CRM_ENV", "prod")
    monkeypatch.setenv("CRM_JWT_SECRET", "p" * 40)
    monkeypatch.setenv("CRM_TRACKING_SECRET", "q" * 40)
    monkeypatch.setenv("CRM_KEK", "ZGV2LWNsdXN0ZXItb25seS1rZWstMDEyMzQ1Njc4OWE=")
    prod: dict[str, str] = {}

    assert local_secrets.install(prod) is None
    assert prod == {}
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize(
    "content",
    ["not json", "[]", '{"jwt_secret": "short", "tracking_secret": "short"}', '{"jwt_secret": 1}'],
)
def test_a_damaged_file_is_a_configuration_error_naming_it(
    environ: dict[str, str], tmp_path: Path, content: str
) -> None:
    path = tmp_path / "data" / "secrets.json"
    path.parent.mkdir()
    path.write_text(content)

    with pytest.raises(SettingsError, match="secrets.json does not hold the signing secrets"):
        local_secrets.install(environ)
    assert "CRM_JWT_SECRET" not in environ


def test_processes_starting_at_once_agree_on_one_file(tmp_path: Path) -> None:
    path = tmp_path / "data" / "secrets.json"
    results: list[dict[str, str]] = []
    start = threading.Barrier(8)

    def make() -> None:
        start.wait()
        results.append(local_secrets.load_or_create(path))

    threads = [threading.Thread(target=make) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(results) == 8
    assert all(result == results[0] for result in results)
    assert os.listdir(path.parent) == ["secrets.json"]  # no draft left behind


def test_links_in_messages_point_at_the_port_the_all_in_one_listens_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from argparse import Namespace

    from crm_cli.main import install_public_url

    # The function sets the process environment: here, a copy of it dropped afterwards.
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in ("CRM_PUBLIC_BASE_URL", "CRM_ENV", "CRM_HOST", "CRM_PORT")
    }
    monkeypatch.setattr(os, "environ", environ)
    install_public_url(Namespace(service=None, host=None, port=8822))
    assert os.environ["CRM_PUBLIC_BASE_URL"] == "http://127.0.0.1:8822"

    os.environ["CRM_PUBLIC_BASE_URL"] = "https://crm.example.com"
    install_public_url(Namespace(service=None, host="0.0.0.0", port=9000))
    assert os.environ["CRM_PUBLIC_BASE_URL"] == "https://crm.example.com"

    del os.environ["CRM_PUBLIC_BASE_URL"]
    install_public_url(Namespace(service="campaign-api", host=None, port=8001))
    assert "CRM_PUBLIC_BASE_URL" not in os.environ  # a single service is not what links reach
