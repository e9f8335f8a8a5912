"""Suppression rules: normalised addresses, one entry per (channel or all, address), links to
the contact when it is known, an audit row (without the address) for every change."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from crm_common.audit import RequestMeta, current_request_meta, record
from crm_common.crypto import pii
from crm_common.masking import mask_address
from crm_common.models import Campaign, Contact, Suppression
from crm_common.pagination import PageParams, make_page, paginate
from crm_common.privacy.consent import ConsentContext, withdraw_for_suppression
from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope
from segment_engine.contacts.errors import PiiFilterDenied
from segment_engine.suppressions import repository as repo
from segment_engine.suppressions.errors import SuppressionNotFound, UnknownReference
from segment_engine.suppressions.schemas import (
    SuppressionCreate,
    SuppressionRead,
    normalize_address,
)


def present(suppression: Suppression, address: str, principal: Principal) -> dict[str, Any]:
    """The API shape of a suppression with its decrypted `address` (masked without
    view_pii)."""
    columns = [column.key for column in Suppression.__table__.columns]
    data = SuppressionRead.model_validate(
        {**{name: getattr(suppression, name) for name in columns}, "address": address}
    ).model_dump()
    if not principal.has(Permission.VIEW_PII):
        data["address"] = mask_address(data["address"])
    return data


async def suppress(
    scope: TenantScope,
    *,
    channel: str | None,
    address: str,
    reason: str,
    source: str,
    contact_id: uuid.UUID | None = None,
    campaign_id: uuid.UUID | None = None,
    actor_user_id: uuid.UUID | None = None,
    meta: RequestMeta | None = None,
) -> tuple[Suppression, bool]:
    """Suppress a normalised address (idempotent); returns the entry and whether it is new.
    The audit row carries `meta` only: public tracking records nothing about the recipient's
    request, an authenticated caller passes the current request's."""
    cipher = await pii.cipher_for(scope.session, scope.company_id)
    address_hash = cipher.hash(address)
    if contact_id is None:
        contact_id = await repo.contact_for_address(scope, channel, address, address_hash)
    row_id = uuid.uuid4()
    new_id = await repo.insert_new(
        scope,
        {
            "id": row_id,
            "channel": channel,
            **pii.seal_suppression(cipher, row_id, address),
            "reason": reason,
            "source": source,
            "contact_id": contact_id,
            "campaign_id": campaign_id,
        },
    )
    entry = await repo.find(scope, channel, address_hash)
    if entry is None:  # inserted and deleted concurrently in between: nothing to return
        raise SuppressionNotFound()
    if new_id is not None:
        await record(
            scope.session,
            company_id=scope.company_id,
            actor_user_id=actor_user_id,
            action="suppression.added",
            entity_type="suppression",
            entity_id=entry.id,
            new_values={
                "channel": channel,
                "reason": reason,
                "source": source,
                "contact_id": str(contact_id) if contact_id else None,
                "campaign_id": str(campaign_id) if campaign_id else None,
            },
            meta=meta or RequestMeta(),
        )
    return entry, new_id is not None


async def add(
    scope: TenantScope, principal: Principal, data: SuppressionCreate
) -> tuple[dict[str, Any], bool]:
    """Add a suppression; the same (channel, address) again returns the existing one."""
    if data.contact_id is not None and not await repo.exists(scope, Contact, data.contact_id):
        raise UnknownReference(details={"fields": {"contact_id": ["no such contact"]}})
    if data.campaign_id is not None and not await repo.exists(scope, Campaign, data.campaign_id):
        raise UnknownReference(details={"fields": {"campaign_id": ["no such campaign"]}})
    entry, created = await suppress(
        scope,
        channel=str(data.channel) if data.channel else None,
        address=data.address,
        reason=str(data.reason),
        source=data.source,
        contact_id=data.contact_id,
        campaign_id=data.campaign_id,
        actor_user_id=principal.user_id,
        meta=current_request_meta(),
    )
    if entry.contact_id is not None:
        # An unsubscribe or a complaint is the contact saying no: consent is withdrawn too.
        await withdraw_for_suppression(
            scope,
            entry.contact_id,
            entry.channel,
            reason=entry.reason,
            source=entry.source,
            context=ConsentContext(
                recorded_at=datetime.now(UTC),
                actor_user_id=principal.user_id,
                meta=current_request_meta(),
            ),
            proof={"suppression_id": str(entry.id)},
        )
    return present(entry, data.address, principal), created


async def read(
    scope: TenantScope, principal: Principal, suppression_id: uuid.UUID
) -> dict[str, Any]:
    """One suppression, its address masked without view_pii."""
    entry = await repo.get(scope, suppression_id)
    if entry is None:
        raise SuppressionNotFound()
    [address] = await _addresses(scope, [entry])
    return present(entry, address, principal)


async def remove(scope: TenantScope, principal: Principal, suppression_id: uuid.UUID) -> None:
    """Lift a suppression (consent withdrawn by an unsubscribe stays withdrawn)."""
    entry = await repo.get(scope, suppression_id)
    if entry is None:
        raise SuppressionNotFound()
    await repo.delete(scope, entry.id)
    await record(
        scope.session,
        company_id=scope.company_id,
        actor_user_id=principal.user_id,
        action="suppression.removed",
        entity_type="suppression",
        entity_id=entry.id,
        old_values={"channel": entry.channel, "reason": entry.reason, "source": entry.source},
    )


async def list_page(
    scope: TenantScope, principal: Principal, filters: repo.SuppressionFilters, params: PageParams
) -> dict[str, Any]:
    """Suppressions, newest first; looking one up by address needs view_pii."""
    echo: dict[str, Any] = {
        key: (str(value) if value is not None else None) for key, value in vars(filters).items()
    }
    if filters.address is not None:
        if not principal.has(Permission.VIEW_PII):
            raise PiiFilterDenied()
        echo["address"] = "***"
        channel = None if filters.channel in (None, repo.ALL_CHANNELS) else filters.channel
        try:
            address = normalize_address(channel, filters.address)
        except ValueError:
            return make_page([], 0, params, echo)
        cipher = await pii.cipher_for(scope.session, scope.company_id)
        filters = repo.SuppressionFilters(
            **{**vars(filters), "address": address, "address_hash": cipher.hash(address)}
        )
    echo.pop("address_hash", None)
    entries, total, applied = await paginate(
        scope.session, repo.list_statement(scope, filters), params, filters=echo
    )
    addresses = await _addresses(scope, entries)
    return make_page(
        [present(e, a, principal) for e, a in zip(entries, addresses, strict=True)],
        total,
        params,
        applied,
    )


async def _addresses(scope: TenantScope, entries: Sequence[Suppression]) -> list[str]:
    """The suppressions' addresses, decrypted in one batch."""
    rows = [{"id": e.id, "address": e.address, "key_version": e.key_version} for e in entries]
    return await pii.open_suppressions(scope.session, scope.company_id, rows)
