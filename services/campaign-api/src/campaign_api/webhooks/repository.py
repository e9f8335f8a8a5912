"""Queries of webhooks, all through the tenant scope."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, func
from sqlalchemy.dialects.postgresql import insert

from crm_common.models import (
    WebhookAllowList,
    WebhookAttempt,
    WebhookDelivery,
    WebhookSubscription,
)
from crm_common.pagination import PageParams, paginate
from crm_common.tenancy import TenantScope


async def get(
    scope: TenantScope, webhook_id: uuid.UUID, *, for_update: bool = False
) -> WebhookSubscription | None:
    return await scope.get(WebhookSubscription, webhook_id, for_update=for_update)


def list_statement(scope: TenantScope, status: str | None) -> Select[Any]:
    criteria = [WebhookSubscription.status == status] if status else []
    return scope.select(WebhookSubscription, *criteria).order_by(
        WebhookSubscription.created_at, WebhookSubscription.id
    )


async def page(
    scope: TenantScope, statement: Select[Any], params: PageParams
) -> tuple[Sequence[Any], int]:
    rows, total, _ = await paginate(scope.session, statement, params)
    return rows, total


def add(scope: TenantScope, row: Any) -> Any:
    return scope.add(row)


async def delete(scope: TenantScope, row: WebhookSubscription) -> None:
    await scope.session.delete(row)
    await scope.session.flush()


def deliveries_statement(
    scope: TenantScope, webhook_id: uuid.UUID, status: str | None, event_type: str | None
) -> Select[Any]:
    criteria = [WebhookDelivery.subscription_id == webhook_id]
    if status:
        criteria.append(WebhookDelivery.status == status)
    if event_type:
        criteria.append(WebhookDelivery.event_type == event_type)
    return scope.select(WebhookDelivery, *criteria).order_by(
        WebhookDelivery.created_at.desc(), WebhookDelivery.id
    )


async def attempts_of(
    scope: TenantScope, delivery_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[WebhookAttempt]]:
    found: dict[uuid.UUID, list[WebhookAttempt]] = {delivery_id: [] for delivery_id in delivery_ids}
    if not delivery_ids:
        return found
    statement = scope.select(WebhookAttempt, WebhookAttempt.delivery_id.in_(delivery_ids)).order_by(
        WebhookAttempt.delivery_id, WebhookAttempt.attempt
    )
    for attempt in await scope.all(statement):
        found[attempt.delivery_id].append(attempt)
    return found


async def allow_list(scope: TenantScope, *, for_update: bool = False) -> WebhookAllowList | None:
    statement = scope.select(WebhookAllowList)
    if for_update:
        statement = statement.with_for_update()
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def save_allow_list(
    scope: TenantScope, entries: list[str], user_id: uuid.UUID
) -> WebhookAllowList:
    """Replace the company's allow-list (one row per company, created on first save)."""
    statement = (
        insert(WebhookAllowList)
        .values(company_id=scope.company_id, entries=entries, updated_by_user_id=user_id)
        .on_conflict_do_update(
            index_elements=[WebhookAllowList.company_id],
            set_={"entries": entries, "updated_by_user_id": user_id, "updated_at": func.now()},
        )
        .returning(WebhookAllowList)
        .execution_options(populate_existing=True)
    )
    return (await scope.session.execute(statement)).scalar_one()
