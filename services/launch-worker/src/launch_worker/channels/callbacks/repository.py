"""Queries of the provider callbacks. Finding which company a delivery belongs to is the one
cross-tenant read (as the system role); everything else runs in that company's transaction
through TenantScope."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.crypto import pii
from crm_common.models import Contact, Delivery, Suppression
from crm_common.tenancy import TenantScope


@dataclass(frozen=True, slots=True)
class DeliveryRef:
    id: uuid.UUID
    company_id: uuid.UUID
    provider_message_id: str | None


async def find_delivery(
    session: AsyncSession,
    *,
    delivery_id: uuid.UUID | None,
    provider: str,
    provider_message_id: str | None,
) -> DeliveryRef | None:
    """The delivery a callback names (system role: the callback carries no tenant): by its id
    when the provider echoes it, else by the provider's message id."""
    columns = (Delivery.id, Delivery.company_id, Delivery.provider_message_id)
    if delivery_id is not None:
        statement = select(*columns).where(Delivery.id == delivery_id)
    elif provider_message_id:
        statement = (
            select(*columns)
            .where(
                Delivery.provider_message_id == provider_message_id,
                Delivery.provider == provider,
            )
            .limit(1)
        )
    else:
        return None
    row = (await session.execute(statement)).one_or_none()
    return DeliveryRef(row[0], row[1], row[2]) if row else None


@dataclass(frozen=True, slots=True)
class Transitioned:
    campaign_id: uuid.UUID
    contact_id: uuid.UUID
    channel: str


async def transition(
    scope: TenantScope,
    delivery_id: uuid.UUID,
    *,
    to_status: str,
    from_statuses: Collection[str],
    reason: str | None,
    code: str | None,
) -> Transitioned | None:
    """Move a delivery to `to_status` if it is in one of `from_statuses`; None when it was
    not (a replayed or out-of-order callback changes nothing)."""
    values: dict[str, Any] = {"delivery_status": to_status, "updated_at": func.now()}
    if reason is not None:
        values["last_error"] = reason[:2000]
    if code is not None:
        values["error_code"] = code[:100]
    statement = (
        scope.update(
            Delivery, Delivery.id == delivery_id, Delivery.delivery_status.in_(from_statuses)
        )
        .values(**values)
        .returning(Delivery.campaign_id, Delivery.contact_id, Delivery.channel)
    )
    row = (await scope.session.execute(statement)).one_or_none()
    return Transitioned(row[0], row[1], row[2]) if row else None


async def delivery_target(scope: TenantScope, delivery_id: uuid.UUID) -> Transitioned | None:
    statement = scope.select(Delivery, Delivery.id == delivery_id).with_only_columns(
        Delivery.campaign_id, Delivery.contact_id, Delivery.channel
    )
    row = (await scope.session.execute(statement)).one_or_none()
    return Transitioned(row[0], row[1], row[2]) if row else None


async def contact_addresses(
    scope: TenantScope, contact_id: uuid.UUID
) -> tuple[str | None, str | None]:
    """The contact's email and phone, decrypted."""
    statement = scope.select(Contact, Contact.id == contact_id).with_only_columns(
        Contact.id, Contact.email, Contact.phone, Contact.pii_key_version
    )
    row = (await scope.session.execute(statement)).mappings().one_or_none()
    if row is None:
        return None, None
    [plain] = await pii.open_contacts(scope.session, scope.company_id, [dict(row)])
    return plain["email"], plain["phone"]


async def suppress(
    scope: TenantScope,
    *,
    channel: str,
    address: str,
    reason: str,
    source: str,
    contact_id: uuid.UUID,
    campaign_id: uuid.UUID,
) -> bool:
    """Suppress an address on a channel (sealed, matched by its keyed hash); False when it
    already was."""
    cipher = await pii.cipher_for(scope.session, scope.company_id)
    row_id = uuid.uuid4()
    statement = (
        insert(Suppression)
        .values(
            id=row_id,
            company_id=scope.company_id,
            channel=channel,
            **pii.seal_suppression(cipher, row_id, address),
            reason=reason,
            source=source,
            contact_id=contact_id,
            campaign_id=campaign_id,
        )
        .on_conflict_do_nothing()
        .returning(Suppression.id)
    )
    return (await scope.session.execute(statement)).scalar_one_or_none() is not None
