"""`campaign.launch_progress` (at most once a second per launch) and `campaign.launched`."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.events import EventType, emit
from crm_common.models import Launch

PROGRESS_INTERVAL_S = 1.0


@dataclass
class ProgressClock:
    """When a launcher last published, and the counts then (for the rate)."""

    last_at: float = 0.0
    last_done: int = 0
    last_key: tuple[int, int, int, int] | None = None
    started: float = field(default_factory=time.monotonic)

    def due(self, now: float) -> bool:
        return now - self.last_at >= PROGRESS_INTERVAL_S


def counts(launch: Launch) -> dict[str, int]:
    done = launch.sent_count + launch.failed_count + launch.skipped_count
    return {
        "queued": launch.total_recipients,
        "sent": launch.sent_count,
        "failed": launch.failed_count,
        "skipped": launch.skipped_count,
        "remaining": max(0, launch.total_recipients - done),
    }


async def publish_progress(
    session: AsyncSession, launch: Launch, clock: ProgressClock, *, force: bool = False
) -> bool:
    """Stage a progress event when a second has passed since the last one and the counts
    moved (or `force`); False when nothing was published."""
    now = time.monotonic()
    if not clock.due(now):
        return False
    numbers = counts(launch)
    key = (launch.total_recipients, launch.sent_count, launch.failed_count, launch.skipped_count)
    if key == clock.last_key and not force:
        return False
    done = numbers["queued"] - numbers["remaining"]
    elapsed = now - clock.last_at if clock.last_at else now - clock.started
    rate = (done - clock.last_done) / elapsed if elapsed > 0 else 0.0
    eta = round(numbers["remaining"] / rate, 1) if rate > 0 else None
    await emit(
        session,
        EventType.CAMPAIGN_LAUNCH_PROGRESS,
        launch.company_id,
        {
            "campaign_id": str(launch.campaign_id),
            "launch_id": str(launch.id),
            "launch_status": launch.launch_status,
            **numbers,
            "rate_per_s": round(max(rate, 0.0), 1),
            "eta_s": eta,
        },
    )
    clock.last_at, clock.last_done, clock.last_key = now, done, key
    return True


async def publish_launched(session: AsyncSession, launch: Launch, finished_at: datetime) -> None:
    """Stage `campaign.launched`: how the launch ended and its final counts."""
    await emit(
        session,
        EventType.CAMPAIGN_LAUNCHED,
        launch.company_id,
        {
            "campaign_id": str(launch.campaign_id),
            "launch_id": str(launch.id),
            "launch_status": launch.launch_status,
            **counts(launch),
            "started_at": launch.started_at.isoformat() if launch.started_at else None,
            "finished_at": finished_at.isoformat(),
            "error": launch.last_error,
        },
    )
