"""What a process connects to: settings, database, Redis, token codec. Built in a lifespan
(or once and shared by every app of the all-in-one), never at import."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from redis.asyncio import Redis

from crm_common.db import Database
from crm_common.redis import create_redis
from crm_common.security.attempts import FailedAttempts
from crm_common.security.jwt import TokenCodec
from crm_common.security.sessions import SessionStore
from crm_common.settings import Settings, SettingsError


@dataclass
class Resources:
    settings: Settings
    db: Database
    redis: Redis
    codec: TokenCodec

    @classmethod
    def open(cls, settings: Settings, name: str = "crm", services: int = 1) -> Resources:
        """The resources of a process running `services` services (the all-in-one: four)."""
        if settings.redis_url is None:
            raise SettingsError("REDIS_URL", "is not set and no embedded server was started")
        return cls(
            settings=settings,
            db=Database.from_settings(settings, name=name, services=services),
            redis=create_redis(settings.redis_url),
            codec=TokenCodec(settings),
        )

    @cached_property
    def sessions(self) -> SessionStore:
        """Session state every request's access token is checked against."""
        return SessionStore(self.settings, self.db, self.redis)

    @cached_property
    def sign_in_attempts(self) -> FailedAttempts:
        """Failed sign-ins per account and address (kept in this process without Redis)."""
        return FailedAttempts(self.redis)

    async def close(self) -> None:
        await self.db.dispose()
        await self.redis.aclose()
