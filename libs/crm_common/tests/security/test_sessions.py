"""Session state behind every request: read from Postgres, cached in Redis and in the
process, invalidated explicitly; a revoked session stays revoked whatever the caches hold."""

import uuid
from datetime import UTC, datetime

from sqlalchemy import update

from crm_common.models import RefreshToken, UserRole
from crm_common.redis import create_redis
from crm_common.resources import Resources
from crm_common.security.sessions import SessionStore, session_key, user_key
from crm_common.testing.builders import make_live_session


def _store(resources: Resources, **overrides) -> SessionStore:
    settings = resources.settings.model_copy(update=overrides)
    return SessionStore(settings, resources.db, resources.redis)


async def test_state_is_read_from_postgres_and_cached_in_redis(db, resources) -> None:
    company, user, sid = await make_live_session(db, "finance")
    store = _store(resources)

    state = await store.state(company.id, user.id, sid)

    assert state.live
    assert state.roles == frozenset({"finance"})
    assert await resources.redis.get(session_key(sid)) == "1"
    assert await resources.redis.get(user_key(user.id)) is not None


async def test_unknown_session_is_not_live(db, resources) -> None:
    company, user, _ = await make_live_session(db, "finance")

    state = await _store(resources).state(company.id, user.id, str(uuid.uuid4()))

    assert not state.live


async def test_revoked_session_is_not_resurrected_by_a_late_cache_fill(db, resources) -> None:
    company, user, sid = await make_live_session(db, "finance")
    store = _store(resources, auth_session_local_cache_s=0)
    assert (await store.state(company.id, user.id, sid)).live

    await store.sessions_revoked([sid], user.id)
    # A reader that saw the row before the revocation committed writes its fill late.
    await resources.redis.set(session_key(sid), "1", nx=True)
    await resources.redis.delete(user_key(user.id))

    assert not (await store.state(company.id, user.id, sid)).live


async def test_role_change_reaches_the_state_after_invalidation(db, resources) -> None:
    company, user, sid = await make_live_session(db, "finance")
    store = _store(resources)
    assert (await store.state(company.id, user.id, sid)).roles == frozenset({"finance"})

    async with db.system_session() as session:
        await session.execute(
            update(UserRole).where(UserRole.user_id == user.id).values(role_name="sales")
        )
    await store.user_changed(user.id)

    assert (await store.state(company.id, user.id, sid)).roles == frozenset({"sales"})


async def test_without_redis_the_state_comes_from_postgres(db, resources) -> None:
    company, user, sid = await make_live_session(db, "finance")
    down = create_redis("redis://127.0.0.1:1/0")
    store = SessionStore(
        resources.settings.model_copy(update={"auth_session_local_cache_s": 0}), resources.db, down
    )
    try:
        assert (await store.state(company.id, user.id, sid)).live
        async with db.system_session() as session:
            await session.execute(update(RefreshToken).values(revoked_at=datetime.now(UTC)))
        assert not (await store.state(company.id, user.id, sid)).live
    finally:
        await down.aclose()
