"""Conversion, attribution and rate queries, every one scoped through TenantScope."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Numeric, cast, func, select
from sqlalchemy.dialects.postgresql import insert

from crm_common.models import (
    AttributionSettings,
    CampaignMetric,
    Conversion,
    ConversionAttribution,
    ExchangeRate,
)
from crm_common.tenancy import TenantScope

A = ConversionAttribution


@dataclass(frozen=True)
class Credited:
    """A campaign's attributed conversions and revenue under each model."""

    first_conversions: int
    first_revenue: Decimal
    last_conversions: int
    last_revenue: Decimal
    linear_conversions: Decimal
    linear_revenue: Decimal


async def credited(scope: TenantScope, campaign_id: uuid.UUID) -> Credited:
    """Sums of the campaign's attribution rows under the three models (one statement)."""
    share = cast(A.touches, Numeric) / A.total_touches
    statement = (
        scope.select(A, A.campaign_id == campaign_id)
        .join(Conversion, Conversion.id == A.conversion_id)
        .with_only_columns(
            func.count().filter(A.is_first_touch),
            func.coalesce(func.sum(Conversion.amount_base).filter(A.is_first_touch), 0),
            func.count().filter(A.is_last_touch),
            func.coalesce(func.sum(Conversion.amount_base).filter(A.is_last_touch), 0),
            func.coalesce(func.sum(share), 0),
            func.coalesce(func.sum(Conversion.amount_base * share), 0),
        )
    )
    row = (await scope.session.execute(statement)).one()
    return Credited(
        int(row[0]), Decimal(row[1]), int(row[2]), Decimal(row[3]), Decimal(row[4]), Decimal(row[5])
    )


async def delivery_totals(scope: TenantScope, campaign_id: uuid.UUID) -> tuple[int, int]:
    """(clicks, delivered) summed over the campaign's daily metrics."""
    m = CampaignMetric
    statement = scope.select(m, m.campaign_id == campaign_id).with_only_columns(
        func.coalesce(func.sum(m.clicks), 0), func.coalesce(func.sum(m.delivered), 0)
    )
    row = (await scope.session.execute(statement)).one()
    return int(row[0]), int(row[1])


async def attributions_of(
    scope: TenantScope, conversion_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, list[ConversionAttribution]]:
    """The attribution rows of each conversion."""
    if not conversion_ids:
        return {}
    statement = scope.select(A, A.conversion_id.in_(list(conversion_ids))).order_by(
        A.conversion_id, A.campaign_id
    )
    found: dict[uuid.UUID, list[ConversionAttribution]] = {}
    for row in await scope.all(statement):
        found.setdefault(row.conversion_id, []).append(row)
    return found


def conversions_statement(
    scope: TenantScope, campaign_id: uuid.UUID | None, contact_id: uuid.UUID | None
) -> Any:
    """The company's conversions (of a contact, or attributed to a campaign), newest first."""
    criteria = []
    if contact_id is not None:
        criteria.append(Conversion.contact_id == contact_id)
    if campaign_id is not None:
        attributed = select(A.conversion_id).where(
            A.company_id == scope.company_id, A.campaign_id == campaign_id
        )
        criteria.append(Conversion.id.in_(attributed))
    return scope.select(Conversion, *criteria).order_by(
        Conversion.occurred_at.desc(), Conversion.id.desc()
    )


async def get_conversion(scope: TenantScope, conversion_id: uuid.UUID) -> Conversion | None:
    return await scope.get(Conversion, conversion_id)


async def rate_rows(scope: TenantScope) -> Sequence[ExchangeRate]:
    return await scope.all(scope.select(ExchangeRate).order_by(ExchangeRate.currency_code))


async def replace_rates(scope: TenantScope, rates: dict[str, Decimal]) -> None:
    """Make the company's rate table exactly `rates`."""
    await scope.session.execute(
        scope.delete(ExchangeRate, ExchangeRate.currency_code.not_in(list(rates)))
    )
    if not rates:
        return
    statement = insert(ExchangeRate).values(
        [
            {"company_id": scope.company_id, "currency_code": code, "rate": rate}
            for code, rate in rates.items()
        ]
    )
    await scope.session.execute(
        statement.on_conflict_do_update(
            index_elements=[ExchangeRate.company_id, ExchangeRate.currency_code],
            set_={"rate": statement.excluded.rate, "updated_at": func.now()},
        )
    )


async def save_window(scope: TenantScope, window_days: int) -> None:
    statement = insert(AttributionSettings).values(
        company_id=scope.company_id, window_days=window_days
    )
    await scope.session.execute(
        statement.on_conflict_do_update(
            index_elements=[AttributionSettings.company_id],
            set_={"window_days": window_days, "updated_at": func.now()},
        )
    )
