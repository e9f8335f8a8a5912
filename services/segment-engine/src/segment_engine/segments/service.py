"""Segment rules at work: validation, estimates, materialisation, members, explanations."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy.exc import DBAPIError

from crm_common.crypto import pii
from crm_common.events import emit
from crm_common.events.envelope import EventType
from crm_common.masking import mask_contact
from crm_common.models import CampaignSegment, SegmentEvaluation
from crm_common.pagination import PageParams, make_page
from crm_common.sampling import SAMPLE_BUCKETS, buckets_for, scale
from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal
from crm_common.segments import (
    Criteria,
    ensure_pii_allowed,
    parse_criteria,
    rules_json_schema,
)
from crm_common.segments.audience import segment_criteria as audience_criteria
from crm_common.segments.compiler import CompileContext, compile_criteria, has_event_conditions
from crm_common.segments.conditions import Hasher
from crm_common.segments.exclusions import reachability
from crm_common.tenancy import TenantScope
from segment_engine.segments import explain as explaining
from segment_engine.segments import membership
from segment_engine.segments import repository as repo
from segment_engine.segments.errors import (
    AudienceQueryTimedOut,
    CampaignNotFound,
    ContactNotFound,
    SegmentNotFound,
)
from segment_engine.segments.schemas import CriteriaBody, EstimateRequest


def _now() -> datetime:
    return datetime.now(UTC)


def _elapsed_ms(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the rule language."""
    return rules_json_schema()


_QUERY_CANCELED = "57014"  # statement_timeout reached


@asynccontextmanager
async def _rules_query() -> AsyncIterator[None]:
    """Running compiled rules: a statement timeout is the rules' cost, reported as such (422),
    not an internal error."""
    try:
        yield
    except DBAPIError as error:
        if getattr(getattr(error.orig, "__cause__", None), "sqlstate", None) == _QUERY_CANCELED:
            raise AudienceQueryTimedOut() from error
        raise


def criteria_for(principal: Principal, body: CriteriaBody) -> Criteria:
    """The body's rule trees; RuleValidationError (422, offending paths in details) unless
    every rule is valid, PiiRuleDenied (403) for rules on personal data without view_pii."""
    criteria = parse_criteria(body.criteria())
    ensure_pii_allowed(criteria, view_pii=principal.has(Permission.VIEW_PII))
    return criteria


def validate(principal: Principal, body: CriteriaBody) -> None:
    """Raise unless every rule is valid and the caller may run it (see `criteria_for`)."""
    criteria_for(principal, body)


async def _hasher(scope: TenantScope) -> Hasher:
    """The company's keyed hash, which email equality rules compare with."""
    return (await pii.cipher_for(scope.session, scope.company_id)).hash


def present_contact(contact: dict[str, Any], principal: Principal) -> dict[str, Any]:
    """A contact for the API: PII masked unless the caller may view it."""
    return contact if principal.has(Permission.VIEW_PII) else mask_contact(contact)


async def resolve_channel(
    scope: TenantScope, channel: str | None, campaign_id: uuid.UUID | None
) -> str | None:
    """The explicit channel, else the campaign's primary channel, else none."""
    if channel is not None:
        return channel
    if campaign_id is None:
        return None
    found = await repo.campaign_channel(scope, campaign_id)
    if found is None:
        raise CampaignNotFound()
    return found


async def estimate(
    scope: TenantScope, principal: Principal, body: EstimateRequest, sample_target: int
) -> dict[str, Any]:
    """Count the audience of unsaved rules, its exclusions and a sample of it.

    On a company with more than `sample_target` contacts (and unless `body.exact`), only a
    uniform random sample of about that many is read (crm_common.sampling) and the counts are
    scaled, each with its 95 % interval."""
    started = time.perf_counter()
    criteria = criteria_for(principal, body)
    channel = await resolve_channel(
        scope, body.channel.value if body.channel else None, body.campaign_id
    )
    await repo.tune_for_audience_queries(scope.session)
    buckets = SAMPLE_BUCKETS
    if not body.exact and sample_target > 0:
        buckets = buckets_for(await repo.approximate_population(scope), sample_target)
    sampled = buckets < SAMPLE_BUCKETS
    ctx = CompileContext(
        scope.company_id, _now(), buckets if sampled else None, await _hasher(scope)
    )
    predicate = compile_criteria(criteria, ctx)
    reach = reachability(channel, scope.company_id)
    async with _rules_query():
        if has_event_conditions(criteria):
            counts, ids = await repo.estimate_in_one_scan(scope, predicate, reach, body.sample_size)
        else:
            # Field-only rules: a parallel count, then a sample query that stops early.
            counts = await repo.count_audience(scope, predicate, reach)
            ids = await repo.sample_ids(scope, predicate, reach, body.sample_size)
    sample = await repo.get_contacts(scope, ids)
    matched = scale(counts.matched, buckets)
    no_consent = scale(counts.no_consent, buckets).value
    suppressed = scale(counts.suppressed, buckets).value
    no_address = scale(counts.no_address, buckets).value
    sendable = scale(counts.sendable, buckets)
    # Scaled separately, the parts keep matched = count + the exclusions.
    count = matched.value - no_consent - suppressed - no_address
    return {
        "count": count,
        "matched": matched.value,
        "excluded": {
            "no_consent": no_consent,
            "suppressed": suppressed,
            "no_address": no_address,
        },
        "exact": not sampled,
        "sample_fraction": buckets / SAMPLE_BUCKETS,
        "count_range": [min(sendable.low, count), max(sendable.high, count)],
        "matched_range": [matched.low, matched.high],
        "channel": channel,
        "sample": [present_contact(contact, principal) for contact in sample],
        "took_ms": _elapsed_ms(started),
    }


async def get_segment(
    scope: TenantScope, segment_id: uuid.UUID, *, for_update: bool = False
) -> CampaignSegment:
    segment = await repo.get_segment(scope, segment_id, for_update=for_update)
    if segment is None:
        raise SegmentNotFound()
    return segment


def segment_criteria(principal: Principal, segment: CampaignSegment) -> Criteria:
    """A stored segment's rule trees: SavedRulesInvalid (422) when they break the rule
    language's current bounds (stored before them), PiiRuleDenied (403) when they compare
    personal data and the caller lacks view_pii."""
    criteria = audience_criteria(segment)
    ensure_pii_allowed(criteria, view_pii=principal.has(Permission.VIEW_PII))
    return criteria


async def segment_channel(scope: TenantScope, segment: CampaignSegment) -> str:
    channel = await repo.campaign_channel(scope, segment.campaign_id)
    if channel is None:
        raise CampaignNotFound("The segment's campaign was not found.")
    return channel


async def evaluate(
    scope: TenantScope, principal: Principal, segment_id: uuid.UUID
) -> dict[str, Any]:
    """Materialise a segment's sendable audience for its campaign's channel."""
    started = time.perf_counter()
    segment = await get_segment(scope, segment_id, for_update=True)
    criteria = segment_criteria(principal, segment)
    channel = await segment_channel(scope, segment)
    now = _now()
    predicate = compile_criteria(
        criteria, CompileContext(scope.company_id, now, hasher=await _hasher(scope))
    )
    await repo.tune_for_audience_queries(scope.session)
    async with _rules_query():
        result = await membership.materialise(
            scope, segment.id, predicate, reachability(channel, scope.company_id)
        )
    excluded = {
        "no_consent": result.no_consent,
        "suppressed": result.suppressed,
        "no_address": result.no_address,
    }
    took_ms = _elapsed_ms(started)
    evaluation = SegmentEvaluation(
        segment_id=segment.id,
        evaluated_at=now,
        matched=result.matched,
        member_count=result.members,
        added=result.added,
        removed=result.removed,
        excluded=excluded,
        took_ms=took_ms,
    )
    await repo.add_evaluation(scope, evaluation)
    await repo.update_segment_counts(
        scope,
        segment.id,
        {
            "target_count": result.matched,
            "actual_count": result.members,
            "last_evaluated_at": now,
        },
    )
    data = {
        "segment_id": str(segment.id),
        "campaign_id": str(segment.campaign_id),
        "evaluation_id": str(evaluation.id),
        "channel": channel,
        "matched": result.matched,
        "sendable": result.members,
        "added": result.added,
        "removed": result.removed,
        "excluded": excluded,
    }
    await emit(
        scope.session,
        EventType.SEGMENT_EVALUATED,
        scope.company_id,
        data,
        actor_user_id=principal.user_id,
    )
    return {
        "evaluation_id": evaluation.id,
        "segment_id": segment.id,
        "campaign_id": segment.campaign_id,
        "channel": channel,
        "evaluated_at": now,
        "matched": result.matched,
        "sendable": result.members,
        "added": result.added,
        "removed": result.removed,
        "excluded": excluded,
        "took_ms": took_ms,
    }


async def members(
    scope: TenantScope, principal: Principal, segment_id: uuid.UUID, params: PageParams
) -> dict[str, Any]:
    """One page of the segment's materialised members."""
    await get_segment(scope, segment_id)
    rows, total = await repo.members_page(scope, segment_id, params)
    items = [present_contact(row, principal) for row in rows]
    return make_page(items, total, params, {"segment_id": str(segment_id)})


async def explain(
    scope: TenantScope, principal: Principal, segment_id: uuid.UUID, contact_id: uuid.UUID
) -> dict[str, Any]:
    """Why one contact is or is not in a segment, node by node."""
    segment = await get_segment(scope, segment_id)
    contact = await repo.get_contact(scope, contact_id)
    if contact is None:
        raise ContactNotFound()
    criteria = segment_criteria(principal, segment)
    channel = await segment_channel(scope, segment)
    data = explaining.ExplainInput(
        criteria=criteria,
        ctx=CompileContext(scope.company_id, _now(), hasher=await _hasher(scope)),
        reach=reachability(channel, scope.company_id),
        contact=contact,
        view_pii=principal.has(Permission.VIEW_PII),
    )
    explain_plan = explaining.plan(data.criteria, data.ctx, data.reach)
    async with _rules_query():
        values = await repo.contact_values(scope, contact_id, explain_plan.expressions)
    document = explaining.build(data, explain_plan, values)
    document.update(
        segment_id=segment.id,
        contact_id=contact_id,
        is_member=await repo.is_member(scope, segment.id, contact_id),
        last_evaluated_at=segment.last_evaluated_at,
    )
    return document
