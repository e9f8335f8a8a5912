"""Campaign status predicates written with constant values, so the planner can match them
to the partial indexes built on the same predicates (a bound parameter would not prove the
index predicate under a generic plan). Each is built once and shared by every statement
that uses it: a clause element is never changed once made, and building it again for each
request cost more than the statement's own cached compilation."""

from __future__ import annotations

from functools import cache

from sqlalchemy import ColumnElement, literal_column

from crm_common.enums import CampaignStatus
from crm_common.models import Campaign

S = CampaignStatus

LIVE = (S.DRAFT, S.PLANNED, S.ACTIVE, S.PAUSED)
FINISHED = (S.COMPLETED, S.CANCELLED)
SCHEDULED = (S.PLANNED, S.ACTIVE)


@cache
def status_in(statuses: tuple[CampaignStatus, ...]) -> ColumnElement[bool]:
    """`campaign_status IN ('a', 'b')` with the values inlined (they are enum members)."""
    return Campaign.campaign_status.in_(
        [literal_column(f"'{status.value}'") for status in statuses]
    )


@cache
def is_live() -> ColumnElement[bool]:
    """Not deleted and not final: the campaign holds budget and may still change."""
    return ~Campaign.is_deleted & status_in(LIVE)


@cache
def is_finished() -> ColumnElement[bool]:
    """Deleted or final (what is not `is_live`): what the campaign spent stays spent."""
    return Campaign.is_deleted | status_in(FINISHED)


@cache
def is_scheduled() -> ColumnElement[bool]:
    """Planned or active: the campaigns a schedule may conflict with."""
    return ~Campaign.is_deleted & status_in(SCHEDULED)
