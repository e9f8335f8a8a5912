"""Campaign queries, every one scoped through TenantScope."""

from __future__ import annotations

import functools
import operator
import uuid
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Integer,
    Select,
    String,
    any_,
    bindparam,
    cast,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import UUID as PG_UUID

from campaign_api.campaigns.schemas import CampaignFilters, CampaignRead, SortField, SortOrder
from campaign_api.shared.pages import like_pattern, page_and_total, with_total
from campaign_api.shared.statuses import is_scheduled
from crm_common.enums import DeliveryStatus, LaunchStatus
from crm_common.models import (
    Campaign,
    CampaignMetric,
    CampaignSegment,
    Delivery,
    Launch,
)
from crm_common.models.delivery import METRIC_COUNTERS
from crm_common.tenancy import TenantScope, owned

LIVE_LAUNCH_STATUSES = (
    LaunchStatus.REQUESTED,
    LaunchStatus.SCHEDULED,
    LaunchStatus.RESOLVING,
    LaunchStatus.SENDING,
    LaunchStatus.PAUSED,
)
LIVE_DELIVERY_STATUSES = (DeliveryStatus.PENDING, DeliveryStatus.SENDING)
READ_COLUMNS = tuple(getattr(Campaign, name) for name in CampaignRead.model_fields)
"""The columns of a campaign as its readers see it (`CampaignRead`)."""


@functools.lru_cache(maxsize=4)
def _get_statement(for_update: bool, include_deleted: bool) -> Select[Any]:
    criteria = [owned(Campaign), Campaign.id == bindparam("campaign_id")]
    if not include_deleted:
        criteria.append(~Campaign.is_deleted)
    statement = select(Campaign).where(*criteria)
    return statement.with_for_update() if for_update else statement


async def get(
    scope: TenantScope,
    campaign_id: uuid.UUID,
    *,
    for_update: bool = False,
    include_deleted: bool = False,
) -> Campaign | None:
    """A campaign that is not deleted (or, with `include_deleted`, one that is), or None
    (absent or another company's)."""
    statement = _get_statement(for_update, include_deleted)
    result = await scope.session.execute(statement, scope.params(campaign_id=campaign_id))
    campaign: Campaign | None = result.scalar_one_or_none()
    return campaign


CODE_TAKEN = select(
    select(Campaign.id)
    .where(
        owned(Campaign),
        Campaign.campaign_code == bindparam("code"),
        ~Campaign.is_deleted,
        Campaign.id.is_distinct_from(bindparam("excluded_campaign")),
    )
    .exists()
)


async def code_taken(scope: TenantScope, code: str, exclude_id: uuid.UUID | None = None) -> bool:
    """Whether another live campaign of the company (than `exclude_id`) has this code."""
    return bool(await scope.value(CODE_TAKEN, code=code, excluded_campaign=exclude_id))


def next_code(scope: TenantScope, prefix: str, year: int) -> ColumnElement[str]:
    """The next free generated code of (company, prefix, year), drawn by the campaign's
    INSERT (migration 0020): the company's counter stays locked only from that statement to
    COMMIT, and numbers a person took by hand are skipped in the same call."""
    return func.crm_next_campaign_code(
        literal(scope.company_id, PG_UUID(as_uuid=True)),
        literal(prefix, String),
        literal(year, Integer),
    )


SCHEDULE_CONFLICTS = (
    select(Campaign.id, Campaign.campaign_code, Campaign.primary_channel)
    .where(
        owned(Campaign),
        is_scheduled(),
        # One array parameter: the statement runs straight through the driver.
        Campaign.primary_channel == any_(cast(bindparam("channels"), ARRAY(String))),
        Campaign.start_date <= bindparam("end"),
        Campaign.end_date >= bindparam("start"),
        Campaign.id.is_distinct_from(bindparam("excluded_campaign")),
    )
    .order_by(Campaign.start_date, Campaign.campaign_code)
    .limit(bindparam("limit", type_=Integer))
)


async def schedule_conflicts(
    scope: TenantScope,
    primary_channels: Collection[str],
    start: datetime,
    end: datetime,
    exclude_id: uuid.UUID | None,
    limit: int = 5,
) -> Sequence[tuple[uuid.UUID, str, str]]:
    """Planned or active campaigns whose primary channel is one of `primary_channels` and
    whose dates overlap [start, end]: (id, code, primary channel)."""
    rows = await scope.records(
        SCHEDULE_CONFLICTS,
        channels=sorted(primary_channels),
        start=start,
        end=end,
        limit=limit,
        excluded_campaign=exclude_id,
    )
    return [(row[0], row[1], row[2]) for row in rows]


VALUE_FILTERS = (
    "campaign_status",
    "campaign_type",
    "primary_channel",
    "approval_status",
    "campaign_category",
)
"""The list filters that name values of a column (one or several)."""
DATE_BOUNDS = {
    "start_from": (Campaign.start_date, operator.ge),
    "start_to": (Campaign.start_date, operator.le),
    "end_from": (Campaign.end_date, operator.ge),
    "end_to": (Campaign.end_date, operator.le),
}
"""The list filters bounding a date: (column, comparison)."""
ONE, SEVERAL = 1, 2


@dataclass(frozen=True)
class ListShape:
    """What the text of a list statement depends on: which filters are set (a value filter
    with one value or several) and the order. The values themselves are bound at
    execution, so each shape's statements are built once (`crm_common.tenancy`)."""

    values: tuple[int, ...]
    """Per `VALUE_FILTERS`: 0 (not set), ONE or SEVERAL."""
    search: bool
    bounds: tuple[bool, ...]
    """Per `DATE_BOUNDS`: whether it is set."""
    sort_by: SortField
    sort_order: SortOrder

    @classmethod
    def of(cls, filters: CampaignFilters) -> tuple[ListShape, dict[str, Any]]:
        """The shape of `filters` and the values its statements bind."""
        bound: dict[str, Any] = {}
        kinds = []
        for name in VALUE_FILTERS:
            chosen = getattr(filters, name) or []
            kinds.append(0 if not chosen else ONE if len(chosen) == 1 else SEVERAL)
            if chosen:
                bound[name] = chosen[0] if len(chosen) == 1 else list(chosen)
        if filters.search:
            bound["search"] = like_pattern(filters.search)
        for name in DATE_BOUNDS:
            if getattr(filters, name) is not None:
                bound[name] = getattr(filters, name)
        shape = cls(
            values=tuple(kinds),
            search=bool(filters.search),
            bounds=tuple(name in bound for name in DATE_BOUNDS),
            sort_by=filters.sort_by,
            sort_order=filters.sort_order,
        )
        return shape, {f"filter_{name}": value for name, value in bound.items()}


@functools.lru_cache(maxsize=256)
def _criteria(shape: ListShape) -> tuple[ColumnElement[bool], ...]:
    """The company's campaigns of a list shape (deleted campaigns never match)."""
    criteria: list[ColumnElement[bool]] = [owned(Campaign), ~Campaign.is_deleted]
    for name, kind in zip(VALUE_FILTERS, shape.values, strict=True):
        column = getattr(Campaign, name)
        if kind == ONE:
            criteria.append(column == bindparam(f"filter_{name}"))
        elif kind == SEVERAL:
            # One array parameter (not a placeholder per value): the page runs straight
            # through the driver (`campaign_api.shared.pages`).
            values = cast(bindparam(f"filter_{name}"), ARRAY(String))
            criteria.append(column == any_(values))
    if shape.search:
        pattern: BindParameter[str] = bindparam("filter_search")
        criteria.append(
            or_(
                Campaign.campaign_name.ilike(pattern, escape="\\"),
                Campaign.campaign_code.ilike(pattern, escape="\\"),
                Campaign.description.ilike(pattern, escape="\\"),
            )
        )
    for (name, (column, compare)), present in zip(DATE_BOUNDS.items(), shape.bounds, strict=True):
        if present:
            criteria.append(compare(column, bindparam(f"filter_{name}")))
    return tuple(criteria)


@functools.lru_cache(maxsize=256)
def _count_statement(shape: ListShape) -> Select[Any]:
    return select(func.count()).select_from(Campaign).where(*_criteria(shape))


@functools.lru_cache(maxsize=256)
def _page_statement(shape: ListShape) -> Select[Any]:
    """A page of a list shape: the columns a reader sees and the number of matches, in the
    shape's order, ties broken by id."""
    column = getattr(Campaign, shape.sort_by.value)
    # Names sort as people read them, whatever their case ("conc…" before "UX…"), on the
    # index of lower-cased names (migration 0026), whatever the database's collation.
    keys = (func.lower(column), column) if shape.sort_by is SortField.CAMPAIGN_NAME else (column,)
    if shape.sort_order is SortOrder.DESC:
        order = (*(key.desc() for key in keys), Campaign.id.desc())
    else:
        order = (*(key.asc() for key in keys), Campaign.id.asc())
    return with_total(_count_statement(shape), READ_COLUMNS, _criteria(shape), order)


async def page(
    scope: TenantScope, filters: CampaignFilters, limit: int, offset: int
) -> tuple[Sequence[Mapping[str, Any]], int]:
    """One page of the campaigns matching `filters` — the columns a reader sees, as records
    (a list is read, never changed, so no ORM objects are built for it) — and how many match,
    in one round trip straight through the driver (`campaign_api.shared.pages`)."""
    shape, values = ListShape.of(filters)
    return await page_and_total(
        scope, _page_statement(shape), _count_statement(shape), values, limit, offset
    )


LIVE_SEGMENT_CRITERIA = (
    owned(CampaignSegment),
    CampaignSegment.campaign_id == bindparam("campaign_id"),
    ~CampaignSegment.is_deleted,
)
"""A campaign's live segments (the campaign bound as `campaign_id`)."""
SEGMENT_ORDER = (CampaignSegment.created_at, CampaignSegment.id)
LIVE_SEGMENTS = select(CampaignSegment).where(*LIVE_SEGMENT_CRITERIA).order_by(*SEGMENT_ORDER)


async def segments(scope: TenantScope, campaign_id: uuid.UUID) -> Sequence[CampaignSegment]:
    """A campaign's live segments, oldest first."""
    result = await scope.session.execute(LIVE_SEGMENTS, scope.params(campaign_id=campaign_id))
    return result.scalars().all()


async def soft_delete_segments(scope: TenantScope, campaign_id: uuid.UUID, when: datetime) -> int:
    """Mark a campaign's live segments deleted at `when`; returns how many."""
    statement = scope.update(
        CampaignSegment,
        CampaignSegment.campaign_id == campaign_id,
        ~CampaignSegment.is_deleted,
    ).values(is_deleted=True, deleted_at=when)
    result: Any = await scope.session.execute(statement)
    return int(result.rowcount or 0)


async def in_use(scope: TenantScope, campaign: Campaign) -> dict[str, bool]:
    """What keeps a campaign from being deleted, in one statement: launches or deliveries in
    progress, live sub-campaigns, and what analytics and the budgets count — messages it
    sent, metrics recorded for it, money it spent (a campaign referenced in communications
    or analytics is completed or cancelled instead, and its spend keeps counting against the
    year)."""
    launches = scope.select(
        Launch, Launch.campaign_id == campaign.id, Launch.launch_status.in_(LIVE_LAUNCH_STATUSES)
    ).exists()
    deliveries = scope.select(
        Delivery,
        Delivery.campaign_id == campaign.id,
        Delivery.delivery_status.in_(LIVE_DELIVERY_STATUSES),
    ).exists()
    sent = scope.select(
        Delivery,
        Delivery.campaign_id == campaign.id,
        Delivery.delivery_status.not_in(LIVE_DELIVERY_STATUSES),
    ).exists()
    measured = scope.select(CampaignMetric, CampaignMetric.campaign_id == campaign.id).exists()
    # A parent goes only after its sub-campaigns (the hierarchy guard refuses it as well).
    children = scope.select(
        Campaign, Campaign.parent_campaign_id == campaign.id, ~Campaign.is_deleted
    ).exists()
    statement = select(launches, deliveries, children, sent, measured)
    row = (await scope.session.execute(statement)).one()
    return {
        "live_launches": bool(row[0]),
        "live_deliveries": bool(row[1]),
        "live_sub_campaigns": bool(row[2]),
        "sent_messages": bool(row[3]),
        "recorded_metrics": bool(row[4]),
        "recorded_spend": campaign.actual_spend > 0,
    }


async def metrics(scope: TenantScope, campaign_id: uuid.UUID) -> Sequence[Any]:
    """Per-channel sums of a campaign's daily metrics."""
    m = CampaignMetric
    statement = (
        scope.select(m, m.campaign_id == campaign_id)
        .with_only_columns(
            m.channel,
            *(func.sum(getattr(m, name)) for name in METRIC_COUNTERS),
            func.sum(m.revenue),
            func.sum(m.spend),
            func.min(m.metric_date),
            func.max(m.metric_date),
            func.max(m.updated_at),
        )
        .group_by(m.channel)
        .order_by(m.channel)
    )
    return (await scope.session.execute(statement)).all()
