"""Suppression queries, built through TenantScope."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal_column
from sqlalchemy.dialects.postgresql import insert

from crm_common.models import Base, Contact, Suppression
from crm_common.tenancy import TenantScope

ALL_CHANNELS = "all"


@dataclass(frozen=True)
class SuppressionFilters:
    channel: str | None = None  # a channel, or "all" for the every-channel entries
    reason: str | None = None
    address: str | None = None
    address_hash: bytes | None = None  # the keyed hash of `address`, what is compared
    contact_id: uuid.UUID | None = None
    campaign_id: uuid.UUID | None = None

    def criteria(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.channel == ALL_CHANNELS:
            found.append(Suppression.channel.is_(None))
        elif self.channel is not None:
            found.append(Suppression.channel == self.channel)
        if self.reason is not None:
            found.append(Suppression.reason == self.reason)
        if self.address_hash is not None:
            found.append(Suppression.address_hash == self.address_hash)
        if self.contact_id is not None:
            found.append(Suppression.contact_id == self.contact_id)
        if self.campaign_id is not None:
            found.append(Suppression.campaign_id == self.campaign_id)
        return found


def list_statement(scope: TenantScope, filters: SuppressionFilters) -> Select[Any]:
    """The suppressions matching `filters`, newest first."""
    return scope.select(Suppression, *filters.criteria()).order_by(
        Suppression.created_at.desc(), Suppression.id.desc()
    )


async def insert_new(scope: TenantScope, values: dict[str, Any]) -> uuid.UUID | None:
    """Insert unless the (channel, address) pair is already suppressed (by the address's
    keyed hash); returns the new id."""
    statement = (
        insert(Suppression)
        .values(company_id=scope.company_id, **values)
        .on_conflict_do_nothing(
            index_elements=[
                Suppression.company_id,
                func.coalesce(Suppression.channel, literal_column("'*'")),
                Suppression.address_hash,
            ]
        )
        .returning(Suppression.id)
    )
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def find(
    scope: TenantScope, channel: str | None, address_hash: bytes | None
) -> Suppression | None:
    """The suppression of an address (by its keyed hash) on a channel (None: every channel),
    if any."""
    channel_match = (
        Suppression.channel.is_(None) if channel is None else Suppression.channel == channel
    )
    statement = scope.select(Suppression, channel_match, Suppression.address_hash == address_hash)
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def get(scope: TenantScope, suppression_id: uuid.UUID) -> Suppression | None:
    """A suppression by id, locked for this transaction."""
    return await scope.get(Suppression, suppression_id, for_update=True)


async def delete(scope: TenantScope, suppression_id: uuid.UUID) -> None:
    """Delete a suppression."""
    await scope.session.execute(scope.delete(Suppression, Suppression.id == suppression_id))


async def contact_for_address(
    scope: TenantScope, channel: str | None, address: str, address_hash: bytes | None
) -> uuid.UUID | None:
    """The contact an email address or phone number belongs to (matched by keyed hash),
    when exactly one does."""
    if "@" in address and channel in (None, "email"):
        match = Contact.email_hash == address_hash
    elif address.startswith("+") and channel in (None, "sms"):
        match = Contact.phone_hash == address_hash
    else:
        return None
    statement = scope.select(Contact, match).with_only_columns(Contact.id).limit(2)
    found = list((await scope.session.execute(statement)).scalars())
    return found[0] if len(found) == 1 else None


async def exists(scope: TenantScope, model: type[Base], ident: uuid.UUID) -> bool:
    """Whether the company has a row of `model` with this id."""
    statement = scope.count(model, model.id == ident)  # type: ignore[attr-defined]
    return bool((await scope.session.execute(statement)).scalar_one())
