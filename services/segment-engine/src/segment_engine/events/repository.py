"""Contact event queries, built through TenantScope."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select
from sqlalchemy.dialects.postgresql import insert

from crm_common.models import Campaign, Contact, ContactEvent
from crm_common.tenancy import TenantScope


async def existing_contact_ids(
    scope: TenantScope, contact_ids: Collection[uuid.UUID]
) -> set[uuid.UUID]:
    """Which of `contact_ids` are contacts of the company."""
    if not contact_ids:
        return set()
    statement = scope.select(Contact, Contact.id.in_(contact_ids)).with_only_columns(Contact.id)
    return set((await scope.session.execute(statement)).scalars())


async def contact_ids_by_external_id(
    scope: TenantScope, external_ids: Collection[str]
) -> dict[str, uuid.UUID]:
    """The company's contact id for each of `external_ids` that exists."""
    if not external_ids:
        return {}
    statement = scope.select(Contact, Contact.external_id.in_(external_ids)).with_only_columns(
        Contact.external_id, Contact.id
    )
    result = await scope.session.execute(statement)
    return {row.external_id: row.id for row in result}


async def existing_campaign_ids(
    scope: TenantScope, campaign_ids: Collection[uuid.UUID]
) -> set[uuid.UUID]:
    """Which of `campaign_ids` are campaigns of the company."""
    if not campaign_ids:
        return set()
    statement = scope.select(Campaign, Campaign.id.in_(campaign_ids)).with_only_columns(Campaign.id)
    return set((await scope.session.execute(statement)).scalars())


async def insert_events(scope: TenantScope, rows: list[dict[str, Any]]) -> set[str]:
    """Insert events whose id is new for the company; returns the event ids inserted."""
    if not rows:
        return set()
    statement = (
        insert(ContactEvent)
        .on_conflict_do_nothing(index_elements=["company_id", "event_id"])
        .returning(ContactEvent.event_id)
    )
    connection = await scope.session.connection()
    result = await connection.execute(
        statement, [{**row, "company_id": scope.company_id} for row in rows]
    )
    return {row[0] for row in result}


@dataclass(frozen=True)
class EventFilters:
    contact_id: uuid.UUID | None = None
    event_type: str | None = None
    campaign_id: uuid.UUID | None = None
    occurred_from: datetime | None = None
    occurred_to: datetime | None = None

    def criteria(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.contact_id is not None:
            found.append(ContactEvent.contact_id == self.contact_id)
        if self.event_type is not None:
            found.append(ContactEvent.event_type == self.event_type)
        if self.campaign_id is not None:
            found.append(ContactEvent.campaign_id == self.campaign_id)
        if self.occurred_from is not None:
            found.append(ContactEvent.occurred_at >= self.occurred_from)
        if self.occurred_to is not None:
            found.append(ContactEvent.occurred_at <= self.occurred_to)
        return found


def list_statement(scope: TenantScope, filters: EventFilters) -> Select[Any]:
    """The events matching `filters`, newest first."""
    return scope.select(ContactEvent, *filters.criteria()).order_by(
        ContactEvent.occurred_at.desc(), ContactEvent.id.desc()
    )
