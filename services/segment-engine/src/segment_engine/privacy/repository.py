"""Queries of the data-subject rights feature, all through the tenant scope."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, inspect, select, text
from sqlalchemy.dialects.postgresql import insert

from crm_common.models import (
    Base,
    Campaign,
    Contact,
    DataSubjectRequest,
    LegalHold,
    RetentionPolicy,
)
from crm_common.tenancy import TenantScope


def row_dict(obj: Any) -> dict[str, Any]:
    """Every mapped column of an ORM object, by column name."""
    mapper = inspect(obj).mapper
    return {attr.columns[0].name: getattr(obj, attr.key) for attr in mapper.column_attrs}


async def contact_for_update(scope: TenantScope, contact_id: uuid.UUID) -> Contact | None:
    statement = (
        scope.select(Contact, Contact.id == contact_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def campaign_exists(scope: TenantScope, campaign_id: uuid.UUID) -> bool:
    found = await scope.session.scalar(
        select(Campaign.id).where(
            Campaign.company_id == scope.company_id, Campaign.id == campaign_id
        )
    )
    return found is not None


def active_hold_criteria(
    scope: TenantScope, *, contact_id: uuid.UUID | None = None, campaign_id: uuid.UUID | None = None
) -> list[ColumnElement[bool]]:
    criteria: list[ColumnElement[bool]] = [LegalHold.released_at.is_(None)]
    if contact_id is not None:
        criteria.append(LegalHold.contact_id == contact_id)
    if campaign_id is not None:
        criteria.append(LegalHold.campaign_id == campaign_id)
    return criteria


async def active_hold(
    scope: TenantScope, *, contact_id: uuid.UUID | None = None, campaign_id: uuid.UUID | None = None
) -> LegalHold | None:
    statement = scope.select(
        LegalHold, *active_hold_criteria(scope, contact_id=contact_id, campaign_id=campaign_id)
    )
    return (await scope.session.execute(statement)).scalars().first()


async def hold_for_update(scope: TenantScope, hold_id: uuid.UUID) -> LegalHold | None:
    return await scope.get(LegalHold, hold_id, for_update=True)


def holds_statement(scope: TenantScope, active: bool | None) -> Select[Any]:
    statement = scope.select(LegalHold)
    if active is True:
        statement = statement.where(LegalHold.released_at.is_(None))
    elif active is False:
        statement = statement.where(LegalHold.released_at.is_not(None))
    return statement.order_by(LegalHold.placed_at.desc(), LegalHold.id)


def requests_statement(
    scope: TenantScope, contact_id: uuid.UUID | None, kind: str | None
) -> Select[Any]:
    statement = scope.select(DataSubjectRequest)
    if contact_id is not None:
        statement = statement.where(DataSubjectRequest.contact_id == contact_id)
    if kind is not None:
        statement = statement.where(DataSubjectRequest.kind == kind)
    return statement.order_by(DataSubjectRequest.requested_at.desc(), DataSubjectRequest.id)


async def policies(scope: TenantScope) -> dict[str, int]:
    rows = await scope.session.execute(
        select(RetentionPolicy.data_class, RetentionPolicy.retain_days).where(
            RetentionPolicy.company_id == scope.company_id
        )
    )
    return dict(rows.all())


async def set_policy(
    scope: TenantScope, data_class: str, days: int | None, user_id: uuid.UUID | None
) -> None:
    if days is None:
        await scope.session.execute(
            scope.delete(RetentionPolicy, RetentionPolicy.data_class == data_class)
        )
        return
    statement = insert(RetentionPolicy).values(
        company_id=scope.company_id,
        data_class=data_class,
        retain_days=days,
        updated_by_user_id=user_id,
    )
    await scope.session.execute(
        statement.on_conflict_do_update(
            index_elements=[RetentionPolicy.company_id, RetentionPolicy.data_class],
            set_={
                "retain_days": statement.excluded.retain_days,
                "updated_by_user_id": statement.excluded.updated_by_user_id,
                "updated_at": func.now(),
            },
        )
    )


async def rows_of(
    scope: TenantScope, model: type[Base], *criteria: ColumnElement[bool], order: Any = None
) -> list[dict[str, Any]]:
    """Every row of a tenant table matching `criteria`, as column dicts."""
    statement = scope.select(model, *criteria)
    if order is not None:
        statement = statement.order_by(order)
    return [row_dict(obj) for obj in await scope.all(statement)]


async def pseudonymise_consent_ledger(scope: TenantScope, contact_id: uuid.UUID) -> int:
    """Strip the proof (IP, user agent, form) from the contact's consent ledger entries
    through the ledger's own function (the ledger is append-only); a database without the
    ledger has no entries to strip."""
    present = await scope.session.scalar(
        text("SELECT to_regprocedure('crm_consent_ledger_pseudonymise(uuid, uuid)') IS NOT NULL")
    )
    if not present:
        return 0
    count = await scope.session.scalar(
        text("SELECT crm_consent_ledger_pseudonymise(:company, :contact)"),
        {"company": scope.company_id, "contact": contact_id},
    )
    return int(count or 0)


async def updatable_tables(scope: TenantScope) -> set[str]:
    """The tables of the public schema this connection's role may UPDATE."""
    rows = await scope.session.scalars(
        text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
            "AND has_table_privilege(format('%I.%I', schemaname, tablename), 'UPDATE')"
        )
    )
    return set(rows)


async def now(scope: TenantScope) -> datetime:
    """The transaction's time (what `now()` stamps rows with)."""
    value = await scope.session.scalar(select(func.now()))
    assert value is not None
    return value  # type: ignore[no-any-return]


async def redact_audit(
    scope: TenantScope,
    request_id: uuid.UUID,
    contact_id: uuid.UUID,
    values: Sequence[str],
    actor_user_id: uuid.UUID | None,
) -> int:
    """Redact the contact's personal values from the company's audit chain through the
    chain's own function (the log is append-only; the chain stays verifiable)."""
    count = await scope.session.scalar(
        text("SELECT crm_audit_redact(:company, :request, :contact, :values, :reason, :actor)"),
        {
            "company": scope.company_id,
            "request": request_id,
            "contact": contact_id,
            "values": list(values),
            "reason": "data-subject erasure",
            "actor": actor_user_id,
        },
    )
    return int(count or 0)
