"""Conversion, attribution-settings and ROI use cases.

ROI = (attributed revenue - actual spend) / actual spend, in the company's default currency
(the campaign's spend converted with the rate table); cost per click and per conversion are
the spend divided by the campaign's clicks and attributed conversions; the conversion rate is
attributed conversions per delivered message, in percent. Every figure is a Decimal."""

from __future__ import annotations

import uuid
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from campaign_api.attribution import repository
from campaign_api.attribution.errors import ConversionNotFound, UnknownReference
from campaign_api.attribution.schemas import (
    AttributionModel,
    AttributionRead,
    AttributionSettingsRead,
    AttributionSettingsWrite,
    ConversionCreate,
    ConversionRead,
    RoiRead,
)
from campaign_api.audit.service import record_change
from crm_common import attribution
from crm_common.models import Campaign, Contact, Conversion, ConversionAttribution
from crm_common.pagination import PageParams, make_page, paginate
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope

CENT = Decimal("0.01")
RATIO = Decimal("0.0001")
HUNDRED = Decimal(100)


def _q(value: Decimal, step: Decimal = CENT) -> Decimal:
    return value.quantize(step, rounding=ROUND_HALF_UP)


def _read(conversion: Conversion, rows: list[ConversionAttribution]) -> ConversionRead:
    fields = {
        name: getattr(conversion, name)
        for name in ConversionRead.model_fields
        if name != "attributions"
    }
    fields["attributions"] = [AttributionRead.model_validate(row) for row in rows]
    return ConversionRead.model_validate(fields)


async def _check_references(scope: TenantScope, body: ConversionCreate) -> None:
    problems: dict[str, list[str]] = {}
    if await scope.get(Contact, body.contact_id) is None:
        problems["contact_id"] = ["no such contact"]
    if body.campaign_id is not None:
        campaign = await scope.get(Campaign, body.campaign_id)
        if campaign is None or campaign.is_deleted:
            problems["campaign_id"] = ["no such campaign"]
    if problems:
        raise UnknownReference(details={"fields": problems})


async def record_conversion(
    scope: TenantScope, body: ConversionCreate
) -> tuple[ConversionRead, bool]:
    """Record (once per source and external id) and attribute a conversion; True when new."""
    await _check_references(scope, body)
    recorded = await attribution.record(scope, attribution.ConversionData(**body.model_dump()))
    conversion = recorded.conversion
    rows = (await repository.attributions_of(scope, [conversion.id])).get(conversion.id, [])
    return _read(conversion, rows), recorded.created


async def get_conversion(scope: TenantScope, conversion_id: uuid.UUID) -> ConversionRead:
    """One conversion of the company with its attribution (404 otherwise)."""
    conversion = await repository.get_conversion(scope, conversion_id)
    if conversion is None:
        raise ConversionNotFound()
    rows = (await repository.attributions_of(scope, [conversion.id])).get(conversion.id, [])
    return _read(conversion, rows)


async def list_conversions(
    scope: TenantScope,
    campaign_id: uuid.UUID | None,
    contact_id: uuid.UUID | None,
    params: PageParams,
) -> dict[str, Any]:
    """A page of conversions, newest first, each with its attribution."""
    echo = {
        "campaign_id": str(campaign_id) if campaign_id else None,
        "contact_id": str(contact_id) if contact_id else None,
    }
    statement = repository.conversions_statement(scope, campaign_id, contact_id)
    rows, total, applied = await paginate(scope.session, statement, params, filters=echo)
    credit = await repository.attributions_of(scope, [row.id for row in rows])
    items = [_read(row, credit.get(row.id, [])) for row in rows]
    return make_page(items, total, params, applied)


async def read_settings(scope: TenantScope) -> AttributionSettingsRead:
    """The company's attribution window, default currency and rate table."""
    return AttributionSettingsRead(
        window_days=await attribution.window_days(scope),
        base_currency=await attribution.base_currency(scope),
        exchange_rates={row.currency_code: row.rate for row in await repository.rate_rows(scope)},
    )


async def write_settings(
    scope: TenantScope, principal: Principal, body: AttributionSettingsWrite
) -> AttributionSettingsRead:
    """Replace the window and the rate table (audited); later conversions use them."""
    before = await read_settings(scope)
    base = before.base_currency
    rates = {code: rate for code, rate in body.exchange_rates.items() if code != base}
    await repository.save_window(scope, body.window_days)
    await repository.replace_rates(scope, rates)
    after = await read_settings(scope)
    await record_change(
        scope,
        principal,
        action="attribution.settings_updated",
        entity_type="company",
        entity_id=scope.company_id,
        old_values=before.model_dump(mode="json"),
        new_values=after.model_dump(mode="json"),
    )
    return after


def _ratio(part: Decimal, whole: Decimal, step: Decimal = CENT) -> Decimal | None:
    return _q(part / whole, step) if whole else None


async def roi(scope: TenantScope, campaign: Campaign, model: AttributionModel) -> RoiRead:
    """The campaign's attributed revenue, cost, ROI, cost per click and per conversion, and
    conversion rate under `model`, against its targets."""
    base = await attribution.base_currency(scope)
    rate = await attribution.rate_to_base(scope, campaign.currency_code, base)
    cost = attribution.to_base(campaign.actual_spend, rate)
    sums = await repository.credited(scope, campaign.id)
    revenue, conversions = {
        AttributionModel.FIRST_TOUCH: (sums.first_revenue, Decimal(sums.first_conversions)),
        AttributionModel.LAST_TOUCH: (sums.last_revenue, Decimal(sums.last_conversions)),
        AttributionModel.LINEAR: (sums.linear_revenue, sums.linear_conversions),
    }[model]
    revenue = _q(revenue)
    conversions = _q(conversions, RATIO)
    clicks, delivered = await repository.delivery_totals(scope, campaign.id)
    roi_ratio = _ratio(revenue - cost, cost, RATIO)
    roi_percent = _q(roi_ratio * HUNDRED) if roi_ratio is not None else None
    rate_percent = _q(conversions * HUNDRED / delivered) if delivered else None
    return RoiRead(
        campaign_id=campaign.id,
        model=model,
        currency_code=base,
        window_days=await attribution.window_days(scope),
        revenue=revenue,
        actual_spend=cost,
        conversions=conversions,
        clicks=clicks,
        delivered=delivered,
        roi=roi_ratio,
        roi_percent=roi_percent,
        target_roi=campaign.target_roi,
        roi_vs_target=roi_percent - campaign.target_roi if roi_percent is not None else None,
        meets_target_roi=roi_percent >= campaign.target_roi if roi_percent is not None else None,
        cost_per_click=_ratio(cost, Decimal(clicks)),
        cost_per_conversion=_ratio(cost, conversions),
        conversion_rate=rate_percent,
        expected_conversion_rate=campaign.expected_conversion_rate,
        conversion_rate_vs_expected=(
            rate_percent - campaign.expected_conversion_rate if rate_percent is not None else None
        ),
        meets_expected_conversion_rate=(
            rate_percent >= campaign.expected_conversion_rate if rate_percent is not None else None
        ),
    )
