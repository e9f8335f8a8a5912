"""Conversions and their attribution to campaigns, shared by the two places that record them:
`POST /api/conversions/` (campaign-api) and conversion-type contact events (segment-engine).

Currency policy: a conversion is kept in its own currency and in the company's default
currency (`Company.settings["default_currency"]`, USD when unset), converted with the
company's explicit rate table (`crm_exchange_rates`). A currency other than the default with
no rate is refused (`ExchangeRateMissing`, 422); nothing is ever converted at a guessed rate.

Attribution happens once, when the conversion is recorded. Its touches are the contact's
events within the company's window (30 days unless set) before the conversion:
- tracked clicks (events carrying the campaign whose type is `click` or a channel's click,
  `email_click`, `sms_click`, …: what the tracking links record), and
- events whose `properties.utm_campaign` equals a live campaign's code exactly,
plus the conversion's own hint (its `campaign_id`, else its `utm_campaign`), a touch at the
conversion's time. First touch credits the earliest touch's campaign, last touch the latest,
linear each campaign with its share of the touches (`touches / total_touches`).
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import and_, case, or_, select
from sqlalchemy.dialects.postgresql import insert

from crm_common.enums import DeliveryChannel
from crm_common.errors import Conflict, ValidationFailed
from crm_common.models import (
    AttributionSettings,
    Campaign,
    Company,
    ContactEvent,
    Conversion,
    ConversionAttribution,
    ExchangeRate,
)
from crm_common.tenancy import TenantScope

CLICK_EVENT_TYPES = ("click", *(f"{channel.value}_click" for channel in DeliveryChannel))
"""The contact events that are clicks: `click` from other sources, and `<channel>_click`, which
a tracked link of a message records (segment-engine's tracking)."""

DEFAULT_WINDOW_DAYS = 30
DEFAULT_CURRENCY = "USD"
CONVERSION_EVENT_TYPES = frozenset({"purchase", "opportunity_won"})
"""Contact events of these types that carry an `amount` are recorded as conversions."""
EVENT_SOURCE = "contact_event"
"""The conversion source of conversions recorded from contact events (external id: event id)."""
CENT = Decimal("0.01")


class ExchangeRateMissing(ValidationFailed):
    error_code = "exchange_rate_missing"
    message = "The company has no exchange rate for this currency; add one or convert first."


class ConversionConflict(Conflict):
    error_code = "conversion_conflict"
    message = "A conversion with this source and external id was recorded with other values."


@dataclass(frozen=True)
class ConversionData:
    """What a conversion says, whichever way it arrives."""

    source: str
    external_id: str
    contact_id: uuid.UUID
    conversion_type: str
    amount: Decimal
    currency_code: str
    occurred_at: datetime
    campaign_id: uuid.UUID | None = None
    utm_source: str | None = None
    utm_medium: str | None = None
    utm_campaign: str | None = None
    event_id: str | None = None


@dataclass(frozen=True)
class Recorded:
    conversion: Conversion
    created: bool


def default_currency(company_settings: Mapping[str, Any] | None) -> str:
    """The default currency named by a company's settings (USD when unset or malformed)."""
    value = (company_settings or {}).get("default_currency")
    if isinstance(value, str) and len(value) == 3 and value.isalpha():
        return value.upper()
    return DEFAULT_CURRENCY


async def base_currency(scope: TenantScope) -> str:
    """The company's default currency: every roll-up and ROI is stated in it."""
    settings = (
        await scope.session.execute(select(Company.settings).where(Company.id == scope.company_id))
    ).scalar_one_or_none()
    return default_currency(settings)


async def window_days(scope: TenantScope) -> int:
    """The company's attribution window in days."""
    statement = scope.select(AttributionSettings).with_only_columns(AttributionSettings.window_days)
    found = (await scope.session.execute(statement)).scalar_one_or_none()
    return int(found) if found is not None else DEFAULT_WINDOW_DAYS


async def rates(scope: TenantScope) -> dict[str, Decimal]:
    """The company's rate table: currency → units of the default currency per unit."""
    statement = scope.select(ExchangeRate).with_only_columns(
        ExchangeRate.currency_code, ExchangeRate.rate
    )
    return {row[0]: row[1] for row in (await scope.session.execute(statement)).all()}


async def rate_to_base(scope: TenantScope, currency: str, base: str) -> Decimal:
    """Units of `base` per unit of `currency` (1 for the base itself); ExchangeRateMissing when
    the table has no rate."""
    if currency == base:
        return Decimal(1)
    statement = scope.select(ExchangeRate, ExchangeRate.currency_code == currency)
    row = (await scope.session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise ExchangeRateMissing(
            details={"fields": {"currency_code": [f"no exchange rate from {currency} to {base}"]}}
        )
    return row.rate


def to_base(amount: Decimal, rate: Decimal) -> Decimal:
    """`amount` at `rate`, rounded half up to cents."""
    return (amount * rate).quantize(CENT, rounding=ROUND_HALF_UP)


def _same(existing: Conversion, data: ConversionData) -> bool:
    mine = asdict(data)
    return all(
        getattr(existing, name) == value
        for name, value in mine.items()
        if name not in {"source", "external_id"}
    )


async def record(scope: TenantScope, data: ConversionData) -> Recorded:
    """Record a conversion once per (source, external id) and attribute it; the same values
    again answer the stored conversion, other values under the same id are a conflict."""
    base = await base_currency(scope)
    rate = await rate_to_base(scope, data.currency_code, base)
    values = {
        **asdict(data),
        "id": uuid.uuid4(),
        "company_id": scope.company_id,
        "exchange_rate": rate,
        "amount_base": to_base(data.amount, rate),
        "base_currency": base,
    }
    statement = (
        insert(Conversion)
        .values(values)
        .on_conflict_do_nothing(index_elements=["company_id", "source", "external_id"])
        .returning(Conversion.id)
    )
    inserted = (await scope.session.execute(statement)).scalar_one_or_none()
    if inserted is None:
        existing = (
            await scope.session.execute(
                scope.select(
                    Conversion,
                    Conversion.source == data.source,
                    Conversion.external_id == data.external_id,
                )
            )
        ).scalar_one()
        if not _same(existing, data):
            raise ConversionConflict(
                details={"source": data.source, "external_id": data.external_id}
            )
        return Recorded(existing, created=False)
    conversion = (
        await scope.session.execute(scope.select(Conversion, Conversion.id == inserted))
    ).scalar_one()
    await attribute(scope, conversion)
    return Recorded(conversion, created=True)


async def _hint(scope: TenantScope, conversion: Conversion) -> uuid.UUID | None:
    if conversion.campaign_id is not None:
        return conversion.campaign_id
    if not conversion.utm_campaign:
        return None
    statement = scope.select(
        Campaign, Campaign.campaign_code == conversion.utm_campaign, ~Campaign.is_deleted
    ).with_only_columns(Campaign.id)
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def touches(scope: TenantScope, conversion: Conversion, window: timedelta) -> list[uuid.UUID]:
    """The campaigns of the conversion's touches, oldest first."""
    utm = ContactEvent.properties["utm_campaign"].astext
    tagged = (
        select(Campaign.id)
        .where(
            Campaign.company_id == scope.company_id,
            Campaign.campaign_code == utm,
            ~Campaign.is_deleted,
        )
        .scalar_subquery()
    )
    clicked = and_(
        ContactEvent.event_type.in_(CLICK_EVENT_TYPES), ContactEvent.campaign_id.is_not(None)
    )
    campaign = case((clicked, ContactEvent.campaign_id), else_=tagged)
    criteria = [
        ContactEvent.contact_id == conversion.contact_id,
        ContactEvent.occurred_at > conversion.occurred_at - window,
        ContactEvent.occurred_at <= conversion.occurred_at,
        or_(clicked, ContactEvent.properties.has_key("utm_campaign")),
    ]
    if conversion.event_id is not None:
        criteria.append(ContactEvent.event_id != conversion.event_id)
    statement = (
        scope.select(ContactEvent, *criteria)
        .with_only_columns(campaign)
        .order_by(ContactEvent.occurred_at, ContactEvent.id)
    )
    found = [row for row in (await scope.session.execute(statement)).scalars() if row is not None]
    hint = await _hint(scope, conversion)
    if hint is not None:
        found.append(hint)
    return found


def credit(ordered: list[uuid.UUID]) -> list[dict[str, Any]]:
    """Attribution rows for touches in time order: first, last and linear credit per campaign."""
    if not ordered:
        return []
    counts = Counter(ordered)
    return [
        {
            "campaign_id": campaign_id,
            "touches": count,
            "total_touches": len(ordered),
            "is_first_touch": campaign_id == ordered[0],
            "is_last_touch": campaign_id == ordered[-1],
        }
        for campaign_id, count in counts.items()
    ]


async def attribute(scope: TenantScope, conversion: Conversion) -> None:
    """Store the conversion's credit per campaign (nothing when it has no touch)."""
    window = timedelta(days=await window_days(scope))
    rows = credit(await touches(scope, conversion, window))
    if not rows:
        return
    await scope.session.execute(
        insert(ConversionAttribution),
        [{**row, "company_id": scope.company_id, "conversion_id": conversion.id} for row in rows],
    )


def is_conversion_event(event_type: str, properties: dict[str, Any]) -> bool:
    """Whether a contact event stands for a conversion (its type, and an amount)."""
    return event_type in CONVERSION_EVENT_TYPES and "amount" in properties


def _text(value: Any, limit: int) -> str | None:
    return value[:limit] if isinstance(value, str) and value.strip() else None


def from_event(
    *,
    event_id: str,
    event_type: str,
    properties: dict[str, Any],
    contact_id: uuid.UUID,
    occurred_at: datetime,
    campaign_id: uuid.UUID | None,
    default_currency: str,
) -> ConversionData | None:
    """The conversion a contact event stands for: a `purchase` or `opportunity_won` event
    with an `amount` (decimal string or number, > 0, at most two places) and optionally a
    `currency` (ISO 4217; `default_currency` when absent); None for any other event. A
    malformed amount or currency is a ValueError naming the property."""
    if not is_conversion_event(event_type, properties):
        return None
    raw = properties["amount"]
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        raise ValueError("properties.amount: must be a decimal number")
    try:
        amount = Decimal(str(raw).strip())
    except ArithmeticError:
        raise ValueError("properties.amount: must be a decimal number") from None
    if not amount.is_finite() or amount <= 0 or amount != amount.quantize(CENT):
        raise ValueError("properties.amount: must be above 0 with at most two decimal places")
    if amount >= Decimal("1e13"):
        raise ValueError("properties.amount: too large")
    currency = properties.get("currency", default_currency)
    if not isinstance(currency, str) or not (len(currency) == 3 and currency.isalpha()):
        raise ValueError("properties.currency: must be an ISO 4217 code such as USD")
    return ConversionData(
        source=EVENT_SOURCE,
        external_id=event_id,
        contact_id=contact_id,
        conversion_type=event_type,
        amount=amount.quantize(CENT),
        currency_code=currency.upper(),
        occurred_at=occurred_at,
        campaign_id=campaign_id,
        utm_source=_text(properties.get("utm_source"), 200),
        utm_medium=_text(properties.get("utm_medium"), 200),
        utm_campaign=_text(properties.get("utm_campaign"), 200),
        event_id=event_id,
    )
