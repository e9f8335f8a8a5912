"""Pause, resume and cancel within a second: dispatchers ask here before every chunk of
messages (and while waiting on the rate limit), and the answer is re-read from Postgres at
most every `ttl_s`. A launch sends only while it is `sending` and its campaign `active` and not
past its end date, so a campaign paused, cancelled, completed, deleted or ended stops its
messages even before its launcher has caught up."""

from __future__ import annotations

import time
import uuid
from enum import StrEnum

from crm_common.db import Database
from crm_common.enums import CampaignStatus, LaunchStatus
from launch_worker.launches import repository

ENDED_LAUNCH = {LaunchStatus.COMPLETED, LaunchStatus.CANCELLED, LaunchStatus.FAILED}
ENDED_CAMPAIGN = {CampaignStatus.COMPLETED, CampaignStatus.CANCELLED}


class Control(StrEnum):
    RUN = "run"
    HOLD = "hold"
    """Paused (or not started): unsent messages go back to the queue."""
    STOP = "stop"
    """Ended: unsent messages are skipped."""


def decide(launch_status: str, campaign_status: str, deleted: bool, past_end: bool) -> Control:
    """A campaign past its end date sends nothing more, before the sweep that completes it
    (launch_worker.launches.service.complete_ended_campaigns) has come round."""
    if deleted or past_end or launch_status in ENDED_LAUNCH or campaign_status in ENDED_CAMPAIGN:
        return Control.STOP
    if launch_status == LaunchStatus.SENDING and campaign_status == CampaignStatus.ACTIVE:
        return Control.RUN
    return Control.HOLD


class LaunchControls:
    def __init__(self, db: Database, ttl_s: float = 0.2) -> None:
        self.db = db
        self.ttl_s = ttl_s
        self._seen: dict[uuid.UUID, tuple[float, Control]] = {}

    async def control(self, launch_id: uuid.UUID) -> Control:
        seen = self._seen.get(launch_id)
        now = time.monotonic()
        if seen is not None and now - seen[0] < self.ttl_s:
            return seen[1]
        async with self.db.system_session() as session:
            states = await repository.live_states(session, [launch_id])
        state = states.get(launch_id)
        decision = decide(*state) if state is not None else Control.STOP
        self._seen[launch_id] = (time.monotonic(), decision)
        return decision

    def forget(self, launch_id: uuid.UUID) -> None:
        self._seen.pop(launch_id, None)
