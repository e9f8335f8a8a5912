"""Queries of webhook delivery: queueing across tenants' subscriptions, claiming due
deliveries with a lease (SKIP LOCKED, so workers share the work), and recording attempts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import String, bindparam, or_, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.db import Database
from crm_common.models import (
    WebhookAllowList,
    WebhookDelivery,
    WebhookSubscription,
)
from crm_common.tenancy import TenantScope
from crm_common.webhooks.enums import WebhookDeliveryStatus, WebhookStatus


@dataclass(frozen=True)
class ClaimedDelivery:
    id: uuid.UUID
    company_id: uuid.UUID
    subscription_id: uuid.UUID
    event_id: uuid.UUID
    event_type: str
    body: str
    is_test: bool
    attempt: int
    """The number of the attempt about to be made."""
    url: str
    secret_sealed: str
    previous_secret_sealed: str | None
    previous_secret_expires_at: datetime | None
    allow_entries: tuple[str, ...]


SUBSCRIBED = select(WebhookSubscription.id).where(
    WebhookSubscription.company_id == bindparam("company_id"),
    WebhookSubscription.status == WebhookStatus.ACTIVE,
    bindparam("event_type", type_=String) == WebhookSubscription.event_types.any_(),
)
"""The active subscriptions of a company that want an event type."""


async def subscribed(db: Database, company_id: uuid.UUID, event_type: str) -> list[uuid.UUID]:
    """The active subscriptions of the company that want `event_type`. Asked of every event
    of every company, most of which have none: one round trip outside a transaction
    (`Database.platform_records`), where a tenant transaction would take three."""
    records = await db.platform_records(
        SUBSCRIBED, {"company_id": company_id, "event_type": event_type}
    )
    return [record[0] for record in records]


async def queue(
    scope: TenantScope,
    subscription_ids: list[uuid.UUID],
    event_id: uuid.UUID,
    event_type: str,
    body: str,
    now: datetime,
) -> int:
    """One pending delivery per subscription; an event already queued for one is skipped."""
    if not subscription_ids:
        return 0
    statement = (
        insert(WebhookDelivery)
        .values(
            [
                {
                    "id": uuid.uuid4(),
                    "company_id": scope.company_id,
                    "subscription_id": subscription_id,
                    "event_id": event_id,
                    "event_type": event_type,
                    "body": body,
                    "status": WebhookDeliveryStatus.PENDING.value,
                    "next_attempt_at": now,
                }
                for subscription_id in subscription_ids
            ]
        )
        .on_conflict_do_nothing(index_elements=["subscription_id", "event_id"])
        .returning(WebhookDelivery.id)
    )
    return len((await scope.session.execute(statement)).all())


async def claim_due(
    session: AsyncSession, now: datetime, lease_s: float, limit: int
) -> list[ClaimedDelivery]:
    """Take up to `limit` due deliveries of active subscriptions (test pings whatever the
    status) across companies, leasing them for `lease_s`; a system session."""
    statement = (
        select(WebhookDelivery, WebhookSubscription)
        .join(WebhookSubscription, WebhookSubscription.id == WebhookDelivery.subscription_id)
        .where(
            WebhookDelivery.status == WebhookDeliveryStatus.PENDING,
            WebhookDelivery.next_attempt_at <= now,
            or_(WebhookDelivery.lease_until.is_(None), WebhookDelivery.lease_until < now),
            or_(
                WebhookSubscription.status == WebhookStatus.ACTIVE,
                WebhookDelivery.is_test.is_(True),
            ),
        )
        .order_by(WebhookDelivery.next_attempt_at)
        .limit(limit)
        .with_for_update(of=WebhookDelivery, skip_locked=True)
    )
    rows = (await session.execute(statement)).all()
    if not rows:
        return []
    companies = {delivery.company_id for delivery, _ in rows}
    allow = {
        entry.company_id: tuple(entry.entries)
        for entry in (
            await session.execute(
                select(WebhookAllowList).where(WebhookAllowList.company_id.in_(companies))
            )
        ).scalars()
    }
    await session.execute(
        update(WebhookDelivery)
        .where(WebhookDelivery.id.in_([delivery.id for delivery, _ in rows]))
        .values(lease_until=now + timedelta(seconds=lease_s))
    )
    return [
        ClaimedDelivery(
            id=delivery.id,
            company_id=delivery.company_id,
            subscription_id=subscription.id,
            event_id=delivery.event_id,
            event_type=delivery.event_type,
            body=delivery.body,
            is_test=delivery.is_test,
            attempt=delivery.attempts + 1,
            url=subscription.url,
            secret_sealed=subscription.secret_sealed,
            previous_secret_sealed=subscription.previous_secret_sealed,
            previous_secret_expires_at=subscription.previous_secret_expires_at,
            allow_entries=allow.get(delivery.company_id, ()),
        )
        for delivery, subscription in rows
    ]


async def locked_delivery(scope: TenantScope, delivery_id: uuid.UUID) -> WebhookDelivery | None:
    statement = scope.select(
        WebhookDelivery,
        WebhookDelivery.id == delivery_id,
        WebhookDelivery.status == WebhookDeliveryStatus.PENDING,
    ).with_for_update()
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def locked_subscription(
    scope: TenantScope, subscription_id: uuid.UUID
) -> WebhookSubscription | None:
    return await scope.get(WebhookSubscription, subscription_id, for_update=True)
