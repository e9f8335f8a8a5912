"""A first real tenant: `crm create-tenant` and `crm create-user` make users who can sign in;
demo data is refused in production."""

import base64
import os
import re
import subprocess
import sys

import pytest
from httpx import AsyncClient
from sqlalchemy import func, select

from campaign_api.main import create_app
from crm_cli.tenants import TenantError, create_tenant, create_user, slug_for
from crm_common.models import AuditLog, Company, User
from crm_common.security.permissions import RoleName
from crm_common.testing.client import app_client

PASSWORD = "a-long-enough-password"
SECRETS = {
    "CRM_JWT_SECRET": "j" * 40,
    "CRM_TRACKING_SECRET": "t" * 40,
    "CRM_KEK": base64.b64encode(b"k" * 32).decode(),
}


@pytest.fixture
async def client(db, settings, resources):
    async with app_client(create_app(settings, resources)) as http:
        yield http


async def _sign_in(client: AsyncClient, email: str, password: str) -> dict:
    response = await client.post("/api/auth/token", data={"username": email, "password": password})
    assert response.status_code == 200, response.text
    token = response.json()["access_token"]
    me = await client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200, me.text
    return me.json()


def _crm(*args: str, database_url: str, extra: dict[str, str] | None = None):
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("CRM_ENV", "REDIS_URL")},
        "DATABASE_URL": database_url,
        "CRM_LOG_JSON": "false",
        **(extra or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "crm_cli.main", *args],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


async def test_create_tenant_command_prints_a_password_that_signs_in(client, database_url) -> None:
    result = _crm(
        "create-tenant",
        "--name",
        "Initech Europe",
        "--admin-email",
        "Ops@Initech.example",
        database_url=database_url,
    )
    assert result.returncode == 0, result.stderr
    password = re.search(r"^password: (\S+)$", result.stdout, re.MULTILINE)
    assert password is not None, result.stdout
    assert "initech-europe" in result.stdout
    me = await _sign_in(client, "ops@initech.example", password.group(1))
    assert me["email"] == "ops@initech.example"
    assert "admin" in me["roles"]


async def test_create_user_command_adds_a_user_with_roles(client, db, database_url) -> None:
    await create_tenant(db, name="Initech", admin_email="admin@initech.example", password=PASSWORD)
    result = _crm(
        "create-user",
        "--tenant",
        "initech",
        "--email",
        "max@initech.example",
        "--role",
        "marketing_manager",
        "--role",
        "finance",
        database_url=database_url,
    )
    assert result.returncode == 0, result.stderr
    password = re.search(r"^password: (\S+)$", result.stdout, re.MULTILINE)
    assert password is not None
    me = await _sign_in(client, "max@initech.example", password.group(1))
    assert sorted(me["roles"]) == ["finance", "marketing_manager"]


async def test_a_tenant_and_its_admin_are_created_together_and_audited(client, db) -> None:
    created = await create_tenant(
        db, name="Umbrella Corp", admin_email="boss@umbrella.example", password=PASSWORD
    )
    me = await _sign_in(client, "boss@umbrella.example", PASSWORD)
    assert me["company"]["id"] == str(created.company_id)
    async with db.system_session() as session:
        company = await session.get(Company, created.company_id)
        actions = (
            await session.execute(
                select(AuditLog.action).where(AuditLog.company_id == created.company_id)
            )
        ).scalars()
        assert company is not None
        assert company.slug == "umbrella-corp"
        assert company.settings["campaign_code_prefix"] == "UMBREL"
        assert {"company.created", "user.created"} <= set(actions)


async def test_a_taken_slug_or_email_is_refused_and_nothing_is_written(db) -> None:
    await create_tenant(db, name="Initech", admin_email="admin@initech.example", password=PASSWORD)
    with pytest.raises(TenantError, match="slug"):
        await create_tenant(
            db, name="Initech", admin_email="other@initech.example", password=PASSWORD
        )
    with pytest.raises(TenantError, match="already exists"):
        await create_tenant(
            db, name="Initrode", admin_email="ADMIN@initech.example", password=PASSWORD
        )
    async with db.system_session() as session:
        companies = (await session.execute(select(func.count()).select_from(Company))).scalar()
        users = (await session.execute(select(func.count()).select_from(User))).scalar()
    assert (companies, users) == (1, 1)


async def test_weak_passwords_bad_emails_and_unknown_tenants_are_refused(db) -> None:
    with pytest.raises(TenantError, match="12"):
        await create_tenant(db, name="Short", admin_email="a@short.example", password="short")
    with pytest.raises(TenantError, match="email"):
        await create_tenant(db, name="Mail", admin_email="not-an-address", password=PASSWORD)
    with pytest.raises(TenantError, match="no company"):
        await create_user(
            db,
            tenant="nobody",
            email="x@nobody.example",
            roles=(RoleName.SALES,),
            password=PASSWORD,
        )


def test_slugs_come_from_names() -> None:
    assert slug_for("  Initech Europe GmbH ") == "initech-europe-gmbh"
    with pytest.raises(TenantError):
        slug_for("***")


async def test_seed_demo_is_refused_in_production(db, database_url) -> None:
    result = _crm("seed-demo", database_url=database_url, extra={"CRM_ENV": "prod", **SECRETS})
    assert result.returncode == 2
    assert "CRM_ENV=prod" in result.stderr
    assert "create-tenant" in result.stderr
    async with db.system_session() as session:
        companies = (await session.execute(select(func.count()).select_from(Company))).scalar()
    assert companies == 0
