"""Fixtures of the governance tests: a pending campaign (budget above the approval threshold)
with a linked email template and a segment, approvers of each role, and helpers to read the
approval state and the outbox."""

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from sqlalchemy import select

from crm_common.models import AuditLog, OutboxEvent

TEMPLATE = {
    "template_name": "Welcome",
    "template_code": "WELCOME",
    "template_type": "email",
    "content_template": "<p>Hello {{ first_name | default('there') }}</p>",
    "default_settings": {"subject": "A"},
}


@pytest.fixture
async def finance(acme, user_for):
    return await user_for(acme, "finance")


@pytest.fixture
async def second_finance(acme, user_for):
    return await user_for(acme, "finance")


@pytest.fixture
async def template(client, admin) -> dict[str, Any]:
    response = await client.post("/api/campaign-templates/", json=TEMPLATE, headers=admin)
    assert response.status_code == 201, response.text
    return response.json()


@pytest.fixture
async def governed(client, admin, create_campaign, funded, template, add_segment):
    """A pending campaign (60,000 USD, above the 50,000 threshold) sending the WELCOME
    template to a German segment."""
    campaign = await create_campaign(admin, total_budget="60000")
    linked = await client.post(
        f"/api/campaigns/{campaign['id']}/templates/",
        json={"template_id": template["id"], "is_primary": True},
        headers=admin,
    )
    assert linked.status_code == 201, linked.text
    await add_segment(admin, campaign["id"])
    assert campaign["approval_status"] == "pending_approval"
    return campaign


@pytest.fixture
def approval_state(client) -> Callable[..., Awaitable[dict[str, Any]]]:
    async def read(headers: dict[str, str], campaign_id: str) -> dict[str, Any]:
        response = await client.get(f"/api/campaigns/{campaign_id}/approval/", headers=headers)
        assert response.status_code == 200, response.text
        return response.json()

    return read


@pytest.fixture
def campaign_of(client) -> Callable[..., Awaitable[dict[str, Any]]]:
    async def read(headers: dict[str, str], campaign_id: str) -> dict[str, Any]:
        response = await client.get(f"/api/campaigns/{campaign_id}/", headers=headers)
        assert response.status_code == 200, response.text
        return response.json()

    return read


@pytest.fixture
def events(db) -> Callable[..., Awaitable[list[dict[str, Any]]]]:
    async def read(event_type: str) -> list[dict[str, Any]]:
        async with db.system_session() as session:
            rows = await session.execute(
                select(OutboxEvent.envelope)
                .where(OutboxEvent.event_type == event_type)
                .order_by(OutboxEvent.created_at)
            )
            return list(rows.scalars())

    return read


@pytest.fixture
def audit_rows(db) -> Callable[..., Awaitable[list[AuditLog]]]:
    async def read(action: str) -> list[AuditLog]:
        async with db.system_session() as session:
            rows = await session.execute(
                select(AuditLog).where(AuditLog.action == action).order_by(AuditLog.occurred_at)
            )
            return list(rows.scalars())

    return read


@pytest.fixture
def launch(client) -> Callable[..., Awaitable[Any]]:
    async def run(headers: dict[str, str], campaign_id: str, key: str) -> Any:
        return await client.post(
            f"/api/campaigns/{campaign_id}/launch/",
            headers={**headers, "Idempotency-Key": key},
        )

    return run
