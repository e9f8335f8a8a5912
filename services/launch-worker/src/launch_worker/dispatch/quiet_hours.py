"""Quiet hours in the contact's time zone: a message due inside them is held (its next attempt
moved to the end of the quiet period), never dropped.

Company settings (`PUT /api/sending-settings/`): `{"quiet_hours": {"start": "21:00", "end":
"08:00", "channels": ["sms"], "default_timezone": "Europe/Paris"}}` — `channels` defaults to
every channel; a contact without a valid time zone uses `default_timezone` (else UTC). A period
may wrap midnight.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def _clock(value: Any) -> time | None:
    if not isinstance(value, str):
        return None
    try:
        return time.fromisoformat(value)
    except ValueError:
        return None


@lru_cache(maxsize=1024)
def zone(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


@dataclass(frozen=True)
class QuietHours:
    start: time
    end: time
    channels: frozenset[str] | None
    default_zone: ZoneInfo | None

    def applies_to(self, channel: str) -> bool:
        return self.channels is None or channel in self.channels

    def _inside(self, moment: time) -> bool:
        if self.start <= self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end

    def held_until(self, now: datetime, timezone: str | None) -> datetime | None:
        """When the quiet period `now` falls in ends (UTC), or None outside quiet hours."""
        tz = zone(timezone) or self.default_zone or ZoneInfo("UTC")
        local = now.astimezone(tz)
        if not self._inside(local.time().replace(tzinfo=None)):
            return None
        end = local.replace(hour=self.end.hour, minute=self.end.minute, second=0, microsecond=0)
        if end <= local:
            end = (local + timedelta(days=1)).replace(
                hour=self.end.hour, minute=self.end.minute, second=0, microsecond=0
            )
        # Rebuild through the zone so a DST change between now and the end is respected.
        end = datetime.combine(end.date(), end.time(), tzinfo=tz)
        return end.astimezone(UTC)


def quiet_hours(company_settings: Mapping[str, Any]) -> QuietHours | None:
    """The company's quiet hours, or None when unset or malformed."""
    raw = company_settings.get("quiet_hours")
    if not isinstance(raw, Mapping):
        return None
    start, end = _clock(raw.get("start")), _clock(raw.get("end"))
    if start is None or end is None or start == end:
        return None
    channels = raw.get("channels")
    chosen = (
        frozenset(c for c in channels if isinstance(c, str)) if isinstance(channels, list) else None
    )
    default = raw.get("default_timezone")
    return QuietHours(
        start=start,
        end=end,
        channels=chosen,
        default_zone=zone(default if isinstance(default, str) else None),
    )
