"""Server-side session state: every request's access token is checked against it, so a
sign-out, a deactivation, a role change, a password reset or a detected refresh-token theft
takes effect within a second instead of when the token expires.

A session is a refresh-token family (the access token's `sid` claim). Its state, and its
user's current roles, are read from Postgres and cached in Redis (`crm:auth:session:<sid>`
and `crm:auth:user:<user_id>`, one MGET per request), with a tiny in-process cache of at
most `auth_session_local_cache_s` (1 s) in front. Writers invalidate explicitly:

- a revoked session gets a tombstone after the revoking transaction commits (a session never
  comes back to life, so a concurrent reader's late cache fill cannot resurrect it: fills
  only write missing keys);
- a user whose roles or activity changed has their key dropped before and after the commit
  (a fill racing the commit is bounded by the key's TTL, `auth_session_cache_ttl_s`);
- both are announced on the Redis channel `crm:auth:revocations`, which the notify gateway
  listens to so open WebSockets are re-checked at once.

When Redis cannot be reached the state is read from Postgres on every request instead: the
check never switches off.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import structlog
from redis.asyncio import Redis
from redis.exceptions import RedisError
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.db import Database, after_commit
from crm_common.models import Company, RefreshToken, User, UserRole
from crm_common.settings import Settings
from crm_common.tenancy import TenantScope

log = structlog.get_logger(__name__)

PREFIX = "crm:auth"
REVOCATIONS_CHANNEL = "crm:auth:revocations"
_LIVE = "1"
_REVOKED = "0"
_LOCAL_CACHE_MAX = 50_000
_WARN_EVERY_S = 10.0


def session_key(session_id: str) -> str:
    return f"{PREFIX}:session:{session_id}"


def user_key(user_id: uuid.UUID | str) -> str:
    return f"{PREFIX}:user:{user_id}"


@dataclass(frozen=True)
class SessionState:
    """Whether a session may still act, and its user's roles as stored now."""

    live: bool
    roles: frozenset[str]


@dataclass(frozen=True)
class _UserState:
    active: bool
    roles: frozenset[str]

    def dump(self) -> str:
        return json.dumps({"a": self.active, "r": sorted(self.roles)})

    @classmethod
    def load(cls, raw: str) -> _UserState:
        data = json.loads(raw)
        return cls(bool(data["a"]), frozenset(str(role) for role in data["r"]))


_GONE = _UserState(False, frozenset())


async def _read_user(scope: TenantScope, user_id: uuid.UUID) -> _UserState:
    row = (
        await scope.session.execute(
            select(User.is_active, Company.is_active)
            .join(Company, Company.id == User.company_id)
            .where(User.id == user_id, User.company_id == scope.company_id)
        )
    ).one_or_none()
    if row is None:
        return _GONE
    roles = await scope.all(scope.select(UserRole, UserRole.user_id == user_id))
    return _UserState(bool(row[0] and row[1]), frozenset(role.role_name for role in roles))


async def _read_session_live(scope: TenantScope, user_id: uuid.UUID, session_id: str) -> bool:
    try:
        family = uuid.UUID(session_id)
    except ValueError:
        return False
    statement = scope.select(
        RefreshToken, RefreshToken.family_id == family, RefreshToken.user_id == user_id
    ).with_only_columns(
        func.count(),
        func.count(RefreshToken.revoked_at),
        func.max(RefreshToken.family_expires_at),
    )
    issued, revoked, ends = (await scope.session.execute(statement)).one()
    return bool(issued) and not revoked and ends is not None and ends > datetime.now(UTC)


class SessionStore:
    """Reads and invalidates session state (see the module docstring)."""

    def __init__(self, settings: Settings, db: Database, redis: Redis) -> None:
        self.db = db
        self.redis = redis
        self.cache_ttl_s = settings.auth_session_cache_ttl_s
        self.tombstone_ttl_s = settings.access_token_ttl_s + 60
        self.local_ttl_s = settings.auth_session_local_cache_s
        self._local: dict[str, tuple[float, SessionState]] = {}
        self._warned_at = -_WARN_EVERY_S

    # -- reading ---------------------------------------------------------------------------

    async def state(
        self,
        company_id: uuid.UUID,
        user_id: uuid.UUID,
        session_id: str,
        *,
        fresh: bool = False,
    ) -> SessionState:
        """The state of `session_id` of `user_id`; `fresh` skips the in-process cache."""
        local_key = f"{user_id}:{session_id}"
        if not fresh and self.local_ttl_s > 0:
            hit = self._local.get(local_key)
            if hit is not None and hit[0] > time.monotonic():
                return hit[1]
        try:
            state = await self._cached_state(company_id, user_id, session_id)
        except RedisError as exc:
            self._warn_unavailable(exc)
            state = await self._database_state(company_id, user_id, session_id)
        if self.local_ttl_s > 0:
            if len(self._local) >= _LOCAL_CACHE_MAX:
                self._local.clear()
            self._local[local_key] = (time.monotonic() + self.local_ttl_s, state)
        return state

    async def _cached_state(
        self, company_id: uuid.UUID, user_id: uuid.UUID, session_id: str
    ) -> SessionState:
        skey, ukey = session_key(session_id), user_key(user_id)
        live_raw, user_raw = await self.redis.mget(skey, ukey)
        if live_raw == _REVOKED:
            return SessionState(False, frozenset())
        if live_raw is not None and user_raw is not None:
            user = _UserState.load(user_raw)
            return SessionState(live_raw == _LIVE and user.active, user.roles)
        live, user = await self._read(company_id, user_id, session_id)
        async with self.redis.pipeline(transaction=False) as pipe:
            # NX: a tombstone or a fresher fill written meanwhile wins over this one.
            pipe.set(skey, _LIVE if live else _REVOKED, ex=self.cache_ttl_s, nx=True)
            pipe.set(ukey, user.dump(), ex=self.cache_ttl_s, nx=True)
            await pipe.execute()
        return SessionState(live and user.active, user.roles)

    async def _database_state(
        self, company_id: uuid.UUID, user_id: uuid.UUID, session_id: str
    ) -> SessionState:
        live, user = await self._read(company_id, user_id, session_id)
        return SessionState(live and user.active, user.roles)

    async def _read(
        self, company_id: uuid.UUID, user_id: uuid.UUID, session_id: str
    ) -> tuple[bool, _UserState]:
        async with self.db.tenant_session(company_id) as session:
            scope = TenantScope(session, company_id)
            user = await _read_user(scope, user_id)
            live = await _read_session_live(scope, user_id, session_id)
        return live, user

    def _warn_unavailable(self, exc: Exception) -> None:
        """Log the fallback at most every `_WARN_EVERY_S`, not on every request."""
        now = time.monotonic()
        if now - self._warned_at >= _WARN_EVERY_S:
            self._warned_at = now
            log.warning("session_cache_unavailable", error=type(exc).__name__)

    def forget_local(self) -> None:
        """Drop the in-process cache (another process announced a revocation)."""
        self._local.clear()

    # -- invalidating ----------------------------------------------------------------------

    async def sessions_revoked(
        self,
        session_ids: Iterable[uuid.UUID | str],
        user_id: uuid.UUID,
        *,
        session: AsyncSession | None = None,
    ) -> None:
        """Sessions ended (sign-out, reuse, deactivation, password reset): tombstone them
        now and, with `session`, again once its transaction commits; announce it."""
        ids = sorted({str(sid) for sid in session_ids})
        if not ids:
            return

        async def tombstone() -> None:
            self.forget_local()
            try:
                async with self.redis.pipeline(transaction=False) as pipe:
                    for sid in ids:
                        pipe.set(session_key(sid), _REVOKED, ex=self.tombstone_ttl_s)
                    pipe.publish(REVOCATIONS_CHANNEL, _announcement([user_id], ids))
                    await pipe.execute()
            except RedisError as exc:
                log.error("session_revocation_not_cached", error=type(exc).__name__)

        await tombstone()
        if session is not None:
            after_commit(session, tombstone)

    async def user_changed(
        self, user_id: uuid.UUID, *, session: AsyncSession | None = None
    ) -> None:
        """A user's roles or activity changed: drop their cached state now and, with
        `session`, again once its transaction commits; announce it after the commit."""

        async def drop(announce: bool) -> None:
            self.forget_local()
            try:
                async with self.redis.pipeline(transaction=False) as pipe:
                    pipe.delete(user_key(user_id))
                    if announce:
                        pipe.publish(REVOCATIONS_CHANNEL, _announcement([user_id], []))
                    await pipe.execute()
            except RedisError as exc:
                log.error("user_state_not_invalidated", error=type(exc).__name__)

        await drop(announce=session is None)
        if session is not None:
            after_commit(session, lambda: drop(announce=True))


def _announcement(user_ids: Iterable[uuid.UUID], session_ids: list[str]) -> str:
    return json.dumps(
        {"user_ids": sorted(str(user_id) for user_id in user_ids), "session_ids": session_ids}
    )


def parse_announcement(raw: str) -> tuple[set[str], set[str]]:
    """(user ids, session ids) of a message on the revocations channel; empty when garbled."""
    try:
        data: Any = json.loads(raw)
        return {str(u) for u in data.get("user_ids", [])}, {
            str(s) for s in data.get("session_ids", [])
        }
    except (ValueError, AttributeError, TypeError):
        return set(), set()
