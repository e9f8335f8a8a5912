"""Tracking queries, built through TenantScope in the transaction of the token's company."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert

from crm_common.crypto import pii
from crm_common.models import (
    Campaign,
    CampaignMetric,
    CampaignTestSend,
    Company,
    Contact,
    ContactEvent,
    Delivery,
    MessageLink,
)
from crm_common.models.delivery import METRIC_COUNTERS
from crm_common.tenancy import TenantScope


async def delivery(
    scope: TenantScope, delivery_id: uuid.UUID, contact_id: uuid.UUID, campaign_id: uuid.UUID
) -> Delivery | None:
    """The message, only if it went to that contact for that campaign and the contact was
    not erased since: an erased person's links, pixel and unsubscribe token record nothing
    more about them."""
    statement = scope.select(
        Delivery,
        Delivery.id == delivery_id,
        Delivery.contact_id == contact_id,
        Delivery.campaign_id == campaign_id,
    ).where(
        select(Contact.id)
        .where(
            Contact.id == Delivery.contact_id,
            Contact.company_id == Delivery.company_id,
            Contact.erased_at.is_(None),
        )
        .exists()
    )
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def test_message_link(
    scope: TenantScope,
    test_send_id: uuid.UUID,
    contact_id: uuid.UUID,
    campaign_id: uuid.UUID,
    position: int,
) -> str | None:
    """The link at `position` of a test message, only if it was rendered with that contact (or
    placeholder data: the nil id) for that campaign."""
    statement = scope.select(
        CampaignTestSend,
        CampaignTestSend.id == test_send_id,
        CampaignTestSend.campaign_id == campaign_id,
    ).with_only_columns(CampaignTestSend.contact_id, CampaignTestSend.links)
    row = (await scope.session.execute(statement)).one_or_none()
    if row is None or (row.contact_id or uuid.UUID(int=0)) != contact_id:
        return None
    links = row.links
    if not isinstance(links, list) or not 0 <= position < len(links):
        return None
    url = links[position]
    return url if isinstance(url, str) else None


async def link_url(scope: TenantScope, delivery_id: uuid.UUID, position: int) -> str | None:
    """The URL of a delivered message's link at `position`, if any."""
    statement = scope.select(
        MessageLink, MessageLink.delivery_id == delivery_id, MessageLink.position == position
    ).with_only_columns(MessageLink.url)
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def contact_addresses(
    scope: TenantScope, contact_id: uuid.UUID
) -> tuple[str | None, str | None]:
    """The contact's email and phone (decrypted), its row locked (consent writers lock the
    contact)."""
    statement = (
        scope.select(Contact, Contact.id == contact_id)
        .with_only_columns(Contact.id, Contact.email, Contact.phone, Contact.pii_key_version)
        .with_for_update()
    )
    row = (await scope.session.execute(statement)).mappings().one_or_none()
    if row is None:
        return None, None
    [plain] = await pii.open_contacts(scope.session, scope.company_id, [dict(row)])
    return plain["email"], plain["phone"]


async def company_name(scope: TenantScope) -> str | None:
    """The scope's company name (shown on the unsubscribe page)."""
    # The company row is the tenant itself (not tenant-owned); RLS limits it to itself.
    statement = select(Company.name).where(Company.id == scope.company_id)
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def insert_event(scope: TenantScope, values: dict[str, Any]) -> bool:
    """Insert a contact event unless its id exists; True when inserted."""
    statement = (
        insert(ContactEvent)
        .values(company_id=scope.company_id, **values)
        .on_conflict_do_nothing(index_elements=["company_id", "event_id"])
        .returning(ContactEvent.id)
    )
    return (await scope.session.execute(statement)).scalar_one_or_none() is not None


async def campaign_totals(scope: TenantScope, campaign_id: uuid.UUID) -> dict[str, int] | None:
    """A campaign's counters summed over days and channels; None when it does not exist."""
    exists = scope.count(Campaign, Campaign.id == campaign_id)
    if not (await scope.session.execute(exists)).scalar_one():
        return None
    sums = [func.coalesce(func.sum(getattr(CampaignMetric, name)), 0) for name in METRIC_COUNTERS]
    statement = scope.select(
        CampaignMetric, CampaignMetric.campaign_id == campaign_id
    ).with_only_columns(*sums)
    row = (await scope.session.execute(statement)).one()
    return {name: int(value) for name, value in zip(METRIC_COUNTERS, row, strict=True)}
