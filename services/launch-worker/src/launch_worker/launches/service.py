"""The launch state machine, run by the one worker holding the launch's lease:

    requested ─┐
    scheduled ─┴─(due)→ resolving → sending ⇄ paused
                                       └──→ completed | cancelled | failed

- resolving: the messages are compiled (a template that cannot render fails the launch
  before anything is sent), then the audience is frozen into deliveries (statements over
  slices of the contacts, side by side, each committed on its own) and the launch moves to
  sending in a transaction that also makes a planned campaign active. Its campaign-contact
  links are written next, in a transaction of their own, while the first batches go out.
- sending follows its campaign: paused with it, resumed with it, cancelled or completed with
  it (the rest of its deliveries skipped; the end is stamped and announced once the batches
  in flight are recorded, so its counts are final). Dispatchers on every worker send its
  deliveries; the launcher publishes progress at most once a second and completes the launch
  (and the one-shot campaign) when no delivery is left to send.
- every step is a transaction that first checks this worker still holds the lease and
  renews it; a killed launcher's lease lapses and another worker resumes where it stopped.
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

import structlog
from sqlalchemy.exc import DBAPIError

from crm_common.campaign_cache import invalidate_campaign
from crm_common.campaign_changes import record_status_change
from crm_common.db import after_commit
from crm_common.enums import ApprovalStatus, CampaignStatus, LaunchStatus
from crm_common.errors import CRMError
from crm_common.models import AbVariant, Campaign, CampaignSegment, Launch
from crm_common.privacy.consent import expire_due
from crm_common.resources import Resources
from crm_common.tenancy import TenantScope
from launch_worker.audience.service import (
    Audience,
    freeze_audience,
    link_audience,
    shared_addresses,
    skip_duplicate_addresses,
)
from launch_worker.channels.registry import ChannelRegistry, registry_for
from launch_worker.dispatch.context import load_context
from launch_worker.dispatch.repository import FreshCursor
from launch_worker.launches import ab_test
from launch_worker.launches import repository as repo
from launch_worker.launches.progress import ProgressClock, publish_launched, publish_progress

log = structlog.get_logger(__name__)

ENDED = {LaunchStatus.COMPLETED, LaunchStatus.CANCELLED, LaunchStatus.FAILED}
MAX_START_ATTEMPTS = 5
"""A launch whose start (resolution) was claimed this often without succeeding fails."""
DONE_CHECK_INTERVAL_S = 5.0


@dataclass
class LauncherState:
    clock: ProgressClock = field(default_factory=ProgressClock)
    last_done_check: float = 0.0
    fresh: FreshCursor | None = None
    """Where the launch's fresh deliveries begin, as the last check saw it (`low` None: none
    left, and none can appear again); None before the first check."""
    links_due: bool = False
    """The launch is resolved and its campaign-contact links are not written yet."""
    step_now: bool = False
    """The next step has work at once (no poll interval first)."""


class Launcher:
    """Runs the launches whose lease this worker holds."""

    def __init__(
        self, resources: Resources, owner: str, registry: ChannelRegistry | None = None
    ) -> None:
        self.resources = resources
        self.settings = resources.settings
        self.owner = owner
        self.registry = registry or registry_for(resources.settings)

    async def run(self, claimed: repo.ClaimedLaunch, wake: asyncio.Event | None = None) -> None:
        """Step the launch until it ends, is paused-and-released, or the lease is lost."""
        state = LauncherState()
        while True:
            try:
                keep_going = await self.step(claimed, state)
            except _StartFailed as failure:
                keep_going = await self._fail(claimed, failure.reason)
            if state.links_due:
                await self._link(claimed, state)
            if not keep_going:
                return
            if state.step_now:
                state.step_now = False
                continue
            await asyncio.sleep(self.settings.launch_poll_interval_s)

    async def release(self, claimed: repo.ClaimedLaunch) -> None:
        """Give the lease up (shutdown) so another worker takes over at once."""
        async with self.resources.db.tenant_session(claimed.company_id) as session:
            await repo.release(TenantScope(session, claimed.company_id), claimed.id, self.owner)

    async def step(self, claimed: repo.ClaimedLaunch, state: LauncherState) -> bool:
        async with self.resources.db.tenant_session(claimed.company_id) as session:
            scope = TenantScope(session, claimed.company_id)
            held = await repo.load_held(scope, claimed.id, claimed.campaign_id, self.owner)
            if held is None:
                return False
            launch, campaign = held
            if not await repo.renew(scope, launch.id, self.owner, self.settings.launch_lease_s):
                return False
            keep_going = await self._advance(scope, launch, campaign, state)
            state.links_due = launch.resolved_at is not None and launch.audience_linked_at is None
            return keep_going

    async def _link(self, claimed: repo.ClaimedLaunch, state: LauncherState) -> None:
        """Write the resolved launch's campaign-contact links, in a transaction that holds no
        lock the dispatchers wait for; a launcher running it at the same time (after a lost
        lease) waits, then finds the launch linked."""
        async with self.resources.db.tenant_session(claimed.company_id) as session:
            scope = TenantScope(session, claimed.company_id)
            if await repo.link_lock(scope, claimed.id):
                now = datetime.now(UTC)
                count = await link_audience(
                    session,
                    company_id=claimed.company_id,
                    campaign_id=claimed.campaign_id,
                    launch_id=claimed.id,
                    now=now,
                    statement_timeout_ms=self.settings.launch_resolution_timeout_ms,
                )
                await repo.mark_linked(scope, claimed.id, now)
                log.info("launch_linked", launch_id=str(claimed.id), links=count)
        state.links_due = False

    async def _advance(
        self, scope: TenantScope, launch: Launch, campaign: Campaign, state: LauncherState
    ) -> bool:
        now = datetime.now(UTC)
        status = launch.launch_status
        if status in ENDED:
            return await self._finalize(scope, launch, campaign, now)
        if campaign.is_deleted or campaign.campaign_status == CampaignStatus.CANCELLED:
            return await self._end(scope, launch, campaign, LaunchStatus.CANCELLED, now)
        if campaign.campaign_status == CampaignStatus.COMPLETED:
            return await self._end(scope, launch, campaign, LaunchStatus.COMPLETED, now)
        if status == LaunchStatus.SCHEDULED and launch.scheduled_at and launch.scheduled_at > now:
            await repo.release(scope, launch.id, self.owner)
            return False
        if status in (LaunchStatus.REQUESTED, LaunchStatus.SCHEDULED) and (
            campaign.start_date > now
        ):
            # Nothing goes out before the campaign starts: its start date moved later since
            # the launch was requested (or was minutes away then). The launch waits for it.
            await self._set(scope, launch, LaunchStatus.SCHEDULED, scheduled_at=campaign.start_date)
            launch.scheduled_at = campaign.start_date
            await repo.release(scope, launch.id, self.owner)
            log.info("launch_waits_for_start", launch_id=str(launch.id))
            return False
        if status in (LaunchStatus.REQUESTED, LaunchStatus.SCHEDULED):
            if launch.attempts > MAX_START_ATTEMPTS:
                raise _StartFailed("the launch could not be started")
            if campaign.approval_status in (
                ApprovalStatus.PENDING_APPROVAL,
                ApprovalStatus.REJECTED,
            ):
                # Changed (or refused) since the launch was requested: it may not go active.
                raise _StartFailed(
                    f"the campaign's approval is {campaign.approval_status} (it changed after "
                    "the launch was requested): approve it and launch again"
                )
            await self._set(scope, launch, LaunchStatus.RESOLVING)
            state.step_now = True  # resolve at once, now that `resolving` is visible
            return True
        if status == LaunchStatus.RESOLVING:
            if launch.attempts > MAX_START_ATTEMPTS:
                raise _StartFailed("the audience could not be resolved")
            await self._resolve(scope, launch, campaign, now)
            await publish_progress(scope.session, launch, state.clock, force=True)
            return True
        if status == LaunchStatus.SENDING:
            if campaign.campaign_status == CampaignStatus.PAUSED:
                await self._set(scope, launch, LaunchStatus.PAUSED)
                await publish_progress(scope.session, launch, state.clock, force=True)
                return True
            await self._decide_ab_test(scope, launch, now)
            if await self._finished(scope, launch, state):
                return await self._end(scope, launch, campaign, LaunchStatus.COMPLETED, now)
            await publish_progress(scope.session, launch, state.clock)
            return True
        if status == LaunchStatus.PAUSED and campaign.campaign_status == CampaignStatus.ACTIVE:
            await self._set(scope, launch, LaunchStatus.SENDING)
            await publish_progress(scope.session, launch, state.clock, force=True)
        return True

    async def _decide_ab_test(self, scope: TenantScope, launch: Launch, now: datetime) -> None:
        if ab_test.test_phase(launch.parameters) is None:
            return
        variants = await scope.all(
            scope.select(AbVariant, AbVariant.campaign_id == launch.campaign_id)
        )
        order = [
            v.id
            for v in sorted(variants, key=lambda v: (not v.is_control, v.variant_name, str(v.id)))
        ]
        winner = await ab_test.decide_if_due(scope, launch, order, now)
        if winner is not None:
            log.info("ab_winner_chosen", launch_id=str(launch.id), variant_id=str(winner))

    async def _set(self, scope: TenantScope, launch: Launch, status: str, **values: Any) -> None:
        await repo.set_state(scope, launch.id, self.owner, status, **values)
        launch.launch_status = status

    async def _finished(self, scope: TenantScope, launch: Launch, state: LauncherState) -> bool:
        """No delivery left to send: checked when the counts say so, and every few seconds
        (held and retried deliveries keep a launch open)."""
        done = launch.sent_count + launch.failed_count + launch.skipped_count
        loop = asyncio.get_running_loop().time()
        if done < launch.total_recipients and loop - state.last_done_check < DONE_CHECK_INTERVAL_S:
            return False
        state.last_done_check = loop
        fresh = state.fresh or FreshCursor.of(launch.id)
        has_open, low = await repo.has_open_deliveries(scope, launch, fresh.low)
        state.fresh = replace(fresh, low=low, next=low)
        return not has_open

    async def _resolve(
        self, scope: TenantScope, launch: Launch, campaign: Campaign, now: datetime
    ) -> None:
        segment_ids = [uuid.UUID(s) for s in launch.parameters.get("segment_ids") or []]
        criteria = [
            CampaignSegment.campaign_id == campaign.id,
            CampaignSegment.is_deleted.is_(False),
        ]
        if segment_ids:
            criteria.append(CampaignSegment.id.in_(segment_ids))
        segments = list(await scope.all(scope.select(CampaignSegment, *criteria)))
        if not segments:
            raise _StartFailed("the campaign has no segments")
        try:
            context = await load_context(scope, launch, campaign)
        except CRMError as exc:
            raise _StartFailed(f"{exc.message} {exc.details or ''}".strip()) from exc
        phase = ab_test.test_phase(launch.parameters)
        # Consent past its end (implied consent) is not consent: expire it before resolving.
        await expire_due(scope, now)
        audience = Audience(
            company_id=scope.company_id,
            campaign_id=campaign.id,
            launch_id=launch.id,
            segments=segments,
            channels=context.channels,
            variants=context.variants,
            now=now,
            test_sample_percent=phase.sample_percent if phase else None,
        )
        # The addresses several contacts share, read beside the statements freezing the
        # audience (they do not depend on it).
        sharing = asyncio.create_task(shared_addresses(self.resources.db, audience))
        try:
            total = await freeze_audience(
                self.resources.db,
                audience,
                slices=self.settings.launch_resolution_slices,
                statement_timeout_ms=self.settings.launch_resolution_timeout_ms,
            )
            shared = await sharing
        finally:
            if not sharing.done():  # the freezing failed: stop reading, then raise
                sharing.cancel()
                await asyncio.gather(sharing, return_exceptions=True)
        duplicates = await skip_duplicate_addresses(
            scope.session,
            audience,
            shared,
            statement_timeout_ms=self.settings.launch_resolution_timeout_ms,
        )
        await repo.set_state(
            scope,
            launch.id,
            self.owner,
            LaunchStatus.SENDING,
            total_recipients=total,
            skipped_count=duplicates,
            resolved_at=now,
            started_at=now,
        )
        launch.launch_status = LaunchStatus.SENDING
        launch.total_recipients, launch.resolved_at, launch.started_at = total, now, now
        launch.skipped_count = duplicates
        if campaign.campaign_status == CampaignStatus.PLANNED:
            await record_status_change(
                scope.session,
                campaign,
                CampaignStatus.ACTIVE,
                action="launch_started",
                now=now,
                details={"launch_id": str(launch.id)},
            )
            await self._invalidate(scope, campaign)
        log.info(
            "launch_resolved",
            launch_id=str(launch.id),
            recipients=total,
            duplicate_addresses=duplicates,
        )

    async def _end(
        self,
        scope: TenantScope,
        launch: Launch,
        campaign: Campaign,
        status: LaunchStatus,
        now: datetime,
    ) -> bool:
        await self._set(scope, launch, status)
        return await self._finalize(scope, launch, campaign, now)

    async def _finalize(
        self, scope: TenantScope, launch: Launch, campaign: Campaign, now: datetime
    ) -> bool:
        """Skip what is left; once no live worker holds a claimed delivery any more, stamp the
        end, publish `campaign.launched`, complete a one-shot campaign whose launch completed
        and release the lease. True while the end waits for deliveries in flight: a worker
        records them (sent, or skipped as the launch ended) before its lease runs out, and
        the next step looks again, so the end's counts are final and nothing is recorded
        after it."""
        if launch.finished_at is None:
            reason = f"launch {launch.launch_status}"
            await repo.skip_open_deliveries(scope, launch.id, reason)
            if await repo.has_deliveries_in_flight(scope, launch.id):
                return True
            await repo.set_state(
                scope, launch.id, self.owner, launch.launch_status, finished_at=now
            )
            await scope.session.refresh(launch)
            await publish_launched(scope.session, launch, now)
            if (
                launch.launch_status == LaunchStatus.COMPLETED
                and campaign.campaign_status == CampaignStatus.ACTIVE
                and not campaign.is_deleted
            ):
                await record_status_change(
                    scope.session,
                    campaign,
                    CampaignStatus.COMPLETED,
                    action="launch_completed",
                    now=now,
                    details={"launch_id": str(launch.id)},
                )
            await self._invalidate(scope, campaign)
            self._publish_exports(scope, launch.id)
            log.info("launch_finished", launch_id=str(launch.id), status=launch.launch_status)
        await repo.release(scope, launch.id, self.owner)
        return False

    def _publish_exports(self, scope: TenantScope, launch_id: uuid.UUID) -> None:
        """Once the launch's end commits, publish what its channels export per launch (the
        direct-mail CSV), whichever workers wrote it."""
        company_id, registry = scope.company_id, self.registry

        async def publish() -> None:
            path = await registry.finish_launch(company_id, launch_id)
            if path is not None:
                log.info("launch_export_published", launch_id=str(launch_id), path=str(path))

        after_commit(scope.session, publish)

    async def _fail(self, claimed: repo.ClaimedLaunch, reason: str) -> bool:
        async with self.resources.db.tenant_session(claimed.company_id) as session:
            scope = TenantScope(session, claimed.company_id)
            held = await repo.load_held(scope, claimed.id, claimed.campaign_id, self.owner)
            if held is None:
                return False
            launch, campaign = held
            await repo.set_state(
                scope, launch.id, self.owner, LaunchStatus.FAILED, last_error=reason[:2000]
            )
            launch.launch_status, launch.last_error = LaunchStatus.FAILED, reason
            waiting = await self._finalize(scope, launch, campaign, datetime.now(UTC))
        log.warning("launch_failed", launch_id=str(claimed.id), reason=reason)
        return waiting

    async def _invalidate(self, scope: TenantScope, campaign: Campaign) -> None:
        await invalidate_campaign(
            self.resources.redis,
            scope.company_id,
            campaign.id,
            self.settings.campaign_cache_ttl_s,
            session=scope.session,
        )


class _StartFailed(Exception):
    """A launch that cannot start; it fails with this reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def complete_ended_campaigns(resources: Resources, now: datetime | None = None) -> int:
    """Campaigns active or paused past their end date become completed (their launch follows
    at its launcher's next step). Returns how many."""
    now = now or datetime.now(UTC)
    async with resources.db.system_session() as session:
        due = await repo.due_end_dates(session, now)
    completed = 0
    for campaign_id, company_id in due:
        try:
            async with resources.db.tenant_session(company_id) as session:
                scope = TenantScope(session, company_id)
                campaign = await scope.get(Campaign, campaign_id, for_update=True)
                if (
                    campaign is None
                    or campaign.is_deleted
                    or campaign.campaign_status
                    not in (CampaignStatus.ACTIVE, CampaignStatus.PAUSED)
                    or campaign.end_date > now
                ):
                    continue
                await record_status_change(
                    session,
                    campaign,
                    CampaignStatus.COMPLETED,
                    action="end_date_reached",
                    now=now,
                    details={"end_date": campaign.end_date.isoformat()},
                )
                await invalidate_campaign(
                    resources.redis,
                    company_id,
                    campaign_id,
                    resources.settings.campaign_cache_ttl_s,
                    session=session,
                )
            completed += 1
        except DBAPIError as exc:
            log.warning("end_date_completion_failed", campaign_id=str(campaign_id), error=repr(exc))
    return completed
