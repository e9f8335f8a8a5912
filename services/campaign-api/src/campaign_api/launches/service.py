"""Launch requests: idempotent, fully checked, recorded as a Launch row with its event.
Running the launch is the launch worker's job."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from campaign_api.audit.service import record_change
from campaign_api.budget_guard import service as budget_guard
from campaign_api.budget_guard.schemas import BudgetForecast
from campaign_api.campaigns import lifecycle, rules, updates
from campaign_api.campaigns import service as campaign_service
from campaign_api.governance import service as governance
from campaign_api.launches import render_check, repository
from campaign_api.launches.errors import (
    AudienceTooSmall,
    InvalidLaunch,
    LaunchInProgress,
    LaunchNotFound,
    NoMessage,
    NoSegments,
)
from campaign_api.launches.schemas import (
    LaunchAccepted,
    LaunchCampaignState,
    LaunchCounts,
    LaunchDetail,
    LaunchError,
    LaunchRead,
    LaunchRequest,
    LaunchTracking,
)
from campaign_api.shared import idempotency
from campaign_api.shared.policy import load_policy
from crm_common.enums import CampaignStatus, Channel, DeliveryChannel, LaunchStatus
from crm_common.events import EventType
from crm_common.models import Campaign, CampaignSegment, Launch
from crm_common.pagination import PageParams
from crm_common.security.principal import Principal
from crm_common.segments.audience import AudienceCount, count_audience
from crm_common.settings import Settings
from crm_common.tenancy import TenantScope

OPERATION = "campaign.launch"
# A requested start this close to now counts as "now" (clock skew between client and server).
PAST_TOLERANCE = timedelta(minutes=5)


@dataclass(frozen=True)
class LaunchOutcome:
    status_code: int
    body: dict[str, Any]
    replayed: bool


def _channels(campaign: Campaign, requested: list[DeliveryChannel] | None) -> list[str]:
    if campaign.primary_channel == Channel.MULTI_CHANNEL:
        allowed = [c.value for c in DeliveryChannel]
    else:
        allowed = [campaign.primary_channel]
    if requested is None:
        return allowed
    chosen = sorted({c.value for c in requested})
    outside = [c for c in chosen if c not in allowed]
    if outside:
        raise InvalidLaunch(
            details={
                "fields": {"channels": [f"not a channel of this campaign: {', '.join(outside)}"]}
            }
        )
    return chosen


def _start(campaign: Campaign, requested: datetime | None, now: datetime) -> datetime:
    start = requested or max(now, campaign.start_date)
    if requested is not None and requested < now - PAST_TOLERANCE:
        raise InvalidLaunch(details={"fields": {"scheduled_at": ["must not be in the past"]}})
    if requested is not None and requested < campaign.start_date:
        raise InvalidLaunch(
            details={"fields": {"scheduled_at": ["must not be before the campaign's start_date"]}}
        )
    if start >= campaign.end_date:
        raise InvalidLaunch(
            details={"fields": {"scheduled_at": ["must be before the campaign's end_date"]}}
        )
    return max(start, now)


async def _ensure_audience(
    scope: TenantScope,
    campaign_id: uuid.UUID,
    segment_ids: Sequence[uuid.UUID],
    channels: list[str],
    now: datetime,
) -> tuple[AudienceCount, Sequence[CampaignSegment]]:
    """Refuse a launch whose sendable audience (the segments' rules as the worker will
    resolve them, minus no-consent and suppressed contacts) is below the company minimum;
    the count and the segments."""
    segments = await repository.live_segments(scope, campaign_id, segment_ids)
    policy = await load_policy(scope)
    counted = await count_audience(scope.session, scope.company_id, segments, channels, now)
    if counted.sendable < policy.min_audience_size:
        raise AudienceTooSmall(
            details={
                "matched": counted.matched,
                "sendable": counted.sendable,
                "per_channel": counted.per_channel,
                "minimum": policy.min_audience_size,
            }
        )
    return counted, segments


async def request_launch(
    scope: TenantScope,
    principal: Principal,
    campaign_id: uuid.UUID,
    body: LaunchRequest,
    key: str,
    expected_version: int | None,
    settings: Settings,
) -> LaunchOutcome:
    """Record a launch request once per Idempotency-Key: the campaign must be planned or
    active, approved when approval is required, not ended, with at least one segment, a
    message to send (a linked template or variants with content) and no other launch in
    flight, and its sendable audience must reach the company minimum
    (`min_audience_size`, default 1). The campaign stays planned until the launch worker
    starts sending."""
    fingerprint = idempotency.request_fingerprint(
        str(principal.user_id), str(campaign_id), body.model_dump(mode="json")
    )
    stored = await idempotency.claim(
        scope, key=key, operation=OPERATION, user_id=principal.user_id, fingerprint=fingerprint
    )
    if stored is not None:
        return LaunchOutcome(stored.status_code, stored.body, replayed=True)
    campaign = await campaign_service.load(
        scope, campaign_id, for_update=True, expected_version=expected_version
    )
    now = datetime.now(UTC)
    rules.check_transition(campaign, "launch")
    rules.ensure_may_be_active(campaign, now)
    await updates.ensure_exemption_holds(scope, campaign)
    await governance.ensure_launchable(scope, campaign)
    segment_ids = await repository.live_segment_ids(scope, campaign.id)
    if not segment_ids:
        raise NoSegments()
    if not await repository.has_message(scope, campaign.id):
        raise NoMessage()
    if body.segment_ids is not None:
        unknown = sorted(str(s) for s in set(body.segment_ids) - set(segment_ids))
        if unknown:
            raise InvalidLaunch(
                details={
                    "fields": {
                        "segment_ids": [f"not segments of this campaign: {', '.join(unknown)}"]
                    }
                }
            )
        segment_ids = [s for s in segment_ids if s in set(body.segment_ids)]
    channels = _channels(campaign, body.channels)
    scheduled_at = _start(campaign, body.scheduled_at, now)
    running = await repository.in_flight(scope, campaign.id)
    if running is not None:
        raise LaunchInProgress(
            details={"launch_id": str(running.id), "launch_status": running.launch_status}
        )
    warnings = await lifecycle.preflight(scope, campaign, "launch")
    counted, segments = await _ensure_audience(scope, campaign.id, segment_ids, channels, now)
    warnings += await render_check.check_rendering(
        scope, settings, campaign, segments, channels, now, ab_test=body.ab_test is not None
    )
    budget = await budget_guard.check_launch(
        scope, principal, campaign, counted.per_channel, body.budget_override
    )
    status = (
        LaunchStatus.SCHEDULED if scheduled_at > now + PAST_TOLERANCE else LaunchStatus.REQUESTED
    )
    parameters: dict[str, Any] = {
        "channels": channels,
        "segment_ids": [str(s) for s in segment_ids],
        "throttle_per_minute": body.throttle_per_minute,
    }
    if budget is not None:
        parameters["budget"] = budget
    if body.ab_test is not None:
        if await repository.variant_count(scope, campaign.id) < 2:
            raise InvalidLaunch(
                details={"fields": {"ab_test": ["the campaign needs at least two A/B variants"]}}
            )
        parameters["ab_test"] = body.ab_test.model_dump()
    launch = scope.add(
        Launch(
            id=uuid.uuid4(),
            campaign_id=campaign.id,
            idempotency_key=key,
            requested_by_user_id=principal.user_id,
            launch_status=status,
            parameters=parameters,
            scheduled_at=scheduled_at,
            created_at=now,
            updated_at=now,
        )
    )
    await scope.session.flush()
    await record_change(
        scope,
        principal,
        action="campaign.launch_requested",
        entity_type=campaign_service.ENTITY,
        entity_id=campaign.id,
        new_values={
            "launch_id": launch.id,
            "launch_status": status,
            **parameters,
            "scheduled_at": scheduled_at,
        },
        event_type=EventType.CAMPAIGN_LAUNCH_REQUESTED,
        event_data={
            "campaign_id": campaign.id,
            "launch_id": launch.id,
            "launch_status": status,
            "scheduled_at": scheduled_at,
            "primary_channel": campaign.primary_channel,
            **parameters,
        },
    )
    accepted = LaunchAccepted(
        launch=LaunchRead(
            id=launch.id,
            campaign_id=campaign.id,
            launch_status=status,
            idempotency_key=key,
            requested_by_user_id=principal.user_id,
            parameters=parameters,
            scheduled_at=scheduled_at,
            created_at=now,
        ),
        campaign=LaunchCampaignState(
            id=campaign.id,
            campaign_code=campaign.campaign_code,
            campaign_status=CampaignStatus(campaign.campaign_status),
            version=campaign.version,
        ),
        tracking=LaunchTracking(
            launch_id=launch.id,
            websocket="/ws",
            events=[
                EventType.CAMPAIGN_LAUNCH_PROGRESS.value,
                EventType.CAMPAIGN_LAUNCHED.value,
            ],
            campaign_path=f"/api/campaigns/{campaign.id}/",
        ),
        validation_warnings=[w.model_dump() for w in warnings],
    )
    response = accepted.model_dump(mode="json")
    await idempotency.store(scope, key=key, operation=OPERATION, status_code=202, body=response)
    return LaunchOutcome(202, response, replayed=False)


async def launch_forecast(
    scope: TenantScope, campaign_id: uuid.UUID, requested: list[DeliveryChannel] | None
) -> BudgetForecast:
    """What launching the campaign now would cost (its sendable audience on the channels
    times the unit costs) against what it may still spend."""
    campaign = await campaign_service.load(scope, campaign_id)
    channels = _channels(campaign, requested)
    segment_ids = await repository.live_segment_ids(scope, campaign.id)
    segments = await repository.live_segments(scope, campaign.id, segment_ids)
    counted = await count_audience(
        scope.session, scope.company_id, segments, channels, datetime.now(UTC)
    )
    return (await budget_guard.forecast(scope, campaign, counted.per_channel)).body


def _detail(launch: Launch, errors: list[LaunchError] | None = None) -> LaunchDetail:
    done = launch.sent_count + launch.failed_count + launch.skipped_count
    return LaunchDetail(
        id=launch.id,
        campaign_id=launch.campaign_id,
        launch_status=LaunchStatus(launch.launch_status),
        requested_by_user_id=launch.requested_by_user_id,
        parameters=launch.parameters,
        counts=LaunchCounts(
            queued=launch.total_recipients,
            sent=launch.sent_count,
            failed=launch.failed_count,
            skipped=launch.skipped_count,
            remaining=max(0, launch.total_recipients - done),
        ),
        last_error=launch.last_error,
        errors=errors or [],
        scheduled_at=launch.scheduled_at,
        resolved_at=launch.resolved_at,
        started_at=launch.started_at,
        finished_at=launch.finished_at,
        created_at=launch.created_at,
        updated_at=launch.updated_at,
    )


async def campaign_launches(
    scope: TenantScope, campaign_id: uuid.UUID, params: PageParams
) -> tuple[list[LaunchDetail], int]:
    """One page of a campaign's launches (also of a deleted campaign), newest first."""
    campaign = await campaign_service.load(scope, campaign_id, include_deleted=True)
    rows, total = await repository.page_of_campaign(scope, campaign.id, params)
    return [_detail(row) for row in rows], total


async def launch_detail(scope: TenantScope, launch_id: uuid.UUID) -> LaunchDetail:
    """A launch of the company with its counts, timings and latest failed deliveries."""
    launch = await repository.get(scope, launch_id)
    if launch is None:
        raise LaunchNotFound()
    failures = await repository.recent_failures(scope, launch.id)
    errors = [
        LaunchError(
            delivery_id=row.id,
            contact_id=row.contact_id,
            channel=row.channel,
            error_code=row.error_code,
            error=row.last_error,
            attempts=row.attempts,
            at=row.updated_at,
        )
        for row in failures
    ]
    return _detail(launch, errors)
