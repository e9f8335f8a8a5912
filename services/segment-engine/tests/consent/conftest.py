"""Builders for consent tests: a company with double opt-in for email, and the outbox's
confirmation requests."""

from __future__ import annotations

import uuid
from typing import Any

from httpx import AsyncClient
from sqlalchemy import select, update

from crm_common.db import Database
from crm_common.models import Company, Contact, OutboxEvent
from crm_common.privacy.consent import CONFIRMATION_REQUESTED


async def enable_double_opt_in(db: Database, company_id: uuid.UUID) -> None:
    async with db.system_session() as session:
        company = await session.get(Company, company_id)
        assert company is not None
        await session.execute(
            update(Company)
            .where(Company.id == company_id)
            .values(settings={**company.settings, "double_opt_in_email": True})
        )


async def create_contact(
    client: AsyncClient, headers: dict[str, str], external_id: str = "C1", **fields: Any
) -> str:
    response = await client.post(
        "/api/contacts/",
        json={"external_id": external_id, "email": f"{external_id.lower()}@example.com", **fields},
        headers=headers,
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def confirmation_requests(db: Database) -> list[dict[str, Any]]:
    async with db.system_session() as session:
        rows = await session.execute(
            select(OutboxEvent.envelope).where(OutboxEvent.event_type == CONFIRMATION_REQUESTED)
        )
        return [dict(envelope["data"]) for envelope in rows.scalars()]


async def consented_channels(db: Database, contact_id: str) -> list[str]:
    async with db.system_session() as session:
        found = await session.execute(
            select(Contact.consented_channels).where(Contact.id == uuid.UUID(contact_id))
        )
        return list(found.scalar_one())
