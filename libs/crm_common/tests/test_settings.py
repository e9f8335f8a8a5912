"""A bad setting stops the process with a message naming the variable."""

import os
import subprocess
import sys

import pytest

from crm_common.settings import SettingsError, load_settings


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DATABASE_URL", "mysql://localhost/x"),
        ("REDIS_URL", "http://localhost"),
        ("CRM_PORT", "not-a-port"),
        ("CRM_PORT", "70000"),
        ("CRM_JWT_SECRET", "short"),
        ("CRM_DB_POOL_SIZE", "0"),
        ("CRM_LOG_LEVEL", "LOUD"),
    ],
)
def test_bad_value_names_the_variable(monkeypatch, variable: str, value: str) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert caught.value.variable == variable
    assert variable in str(caught.value)


def test_production_refuses_the_development_secret(monkeypatch) -> None:
    monkeypatch.setenv("CRM_ENV", "prod")
    monkeypatch.delenv("CRM_JWT_SECRET", raising=False)
    with pytest.raises(SettingsError, match="CRM_JWT_SECRET"):
        load_settings()


def test_process_exits_with_the_variable_in_its_message() -> None:
    env = {**os.environ, "CRM_PORT": "eighty"}
    result = subprocess.run(
        [sys.executable, "-c", "from crm_common.settings import get_settings; get_settings()"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "CRM_PORT" in result.stderr


def test_good_values_are_read(monkeypatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@h/db")
    monkeypatch.setenv("CRM_PORT", "9000")
    settings = load_settings()
    assert settings.port == 9000
    assert settings.async_database_url == "postgresql+asyncpg://u@h/db"
