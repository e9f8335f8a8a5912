"""The campaign read cache over real Redis: tenant and view isolation, TTL, invalidation,
and no stale entry surviving a write that raced a read."""

import uuid

import pytest
from redis.asyncio import Redis

from campaign_api.cache import CampaignCache, view_shape
from crm_common.security.permissions import permissions_for
from crm_common.security.principal import Principal
from crm_common.testing.builders import make_company

ACME = uuid.uuid4()
GLOBEX = uuid.uuid4()
SHAPE = "budget=1.pii=0"


def _principal(company_id: uuid.UUID, *roles: str) -> Principal:
    return Principal(
        user_id=uuid.uuid4(),
        company_id=company_id,
        roles=frozenset(roles),
        permissions=frozenset(p.value for p in permissions_for(roles)),
    )


@pytest.fixture
async def cache(db, resources) -> CampaignCache:
    return CampaignCache(resources.redis, ttl_s=1200)


async def _store(cache, company_id, campaign_id, value, shape=SHAPE):
    lookup = await cache.get(company_id, campaign_id, shape)
    await cache.set(lookup, value)


async def test_miss_then_hit(cache) -> None:
    campaign = uuid.uuid4()

    first = await cache.get(ACME, campaign, SHAPE)
    await cache.set(first, {"campaign_name": "Spring", "total_budget": "1500.00"})
    second = await cache.get(ACME, campaign, SHAPE)

    assert not first.hit
    assert second.hit
    assert second.value == {"campaign_name": "Spring", "total_budget": "1500.00"}


async def test_entries_live_twenty_minutes(cache, resources) -> None:
    campaign = uuid.uuid4()
    await _store(cache, ACME, campaign, {"x": 1})

    lookup = await cache.get(ACME, campaign, SHAPE)
    ttl = await resources.redis.ttl(lookup.key)

    assert 1190 <= ttl <= 1200


async def test_another_tenant_never_gets_the_entry(cache) -> None:
    campaign = uuid.uuid4()
    await _store(cache, ACME, campaign, {"campaign_name": "Acme secret"})

    probe = await cache.get(GLOBEX, campaign, SHAPE)

    assert not probe.hit
    assert str(ACME) in (await cache.get(ACME, campaign, SHAPE)).key
    assert str(ACME) not in probe.key


async def test_view_shape_separates_what_principals_may_see(cache) -> None:
    campaign = uuid.uuid4()
    finance = _principal(ACME, "finance")
    sales = _principal(ACME, "sales")
    await _store(cache, ACME, campaign, {"total_budget": "1500.00"}, view_shape(finance))

    seen_by_sales = await cache.get(ACME, campaign, view_shape(sales))
    with_segments = await cache.get(ACME, campaign, view_shape(finance, include_segments=True))

    assert view_shape(finance) != view_shape(sales)
    assert view_shape(finance) == view_shape(_principal(ACME, "executive"))
    assert view_shape(sales, include_segments=True, include_performance=False) == (
        "budget=0.include_performance=0.include_segments=1.pii=0"
    )
    assert not seen_by_sales.hit
    assert not with_segments.hit


async def test_invalidating_a_campaign_drops_only_that_campaign(cache) -> None:
    changed, untouched = uuid.uuid4(), uuid.uuid4()
    for campaign in (changed, untouched):
        await _store(cache, ACME, campaign, {"id": str(campaign)})
        await _store(cache, ACME, campaign, {"id": str(campaign)}, "budget=0.pii=0")

    await cache.invalidate(ACME, changed)

    assert not (await cache.get(ACME, changed, SHAPE)).hit
    assert not (await cache.get(ACME, changed, "budget=0.pii=0")).hit
    assert (await cache.get(ACME, untouched, SHAPE)).hit


async def test_invalidating_a_company_drops_all_its_campaigns_only(cache) -> None:
    ours = [uuid.uuid4() for _ in range(3)]
    theirs = uuid.uuid4()
    for campaign in ours:
        await _store(cache, ACME, campaign, {"id": str(campaign)})
    await _store(cache, GLOBEX, theirs, {"id": str(theirs)})

    await cache.invalidate(ACME)

    assert [(await cache.get(ACME, c, SHAPE)).hit for c in ours] == [False] * 3
    assert (await cache.get(GLOBEX, theirs, SHAPE)).hit


async def test_a_read_that_raced_a_write_cannot_cache_stale_data(cache) -> None:
    campaign = uuid.uuid4()
    reader = await cache.get(ACME, campaign, SHAPE)  # reader misses, goes to the database …

    await cache.invalidate(ACME, campaign)  # … a writer changes the campaign meanwhile …
    await cache.set(reader, {"campaign_name": "as it was before the write"})

    assert not (await cache.get(ACME, campaign, SHAPE)).hit


async def test_invalidation_is_repeated_once_the_writer_commits(cache, db) -> None:
    company = await make_company(db, "acme")
    campaign = uuid.uuid4()

    async with db.tenant_session(company.id) as session:
        await cache.invalidate(company.id, campaign, session=session)
        # A reader between the writer's first invalidation and its commit still sees the
        # old row in the database and caches it …
        await _store(cache, company.id, campaign, {"campaign_name": "old"})
        assert (await cache.get(company.id, campaign, SHAPE)).hit

    # … and the invalidation after the commit throws that entry away.
    assert not (await cache.get(company.id, campaign, SHAPE)).hit


async def test_rolled_back_write_runs_no_after_commit_invalidation(cache, db) -> None:
    company = await make_company(db, "acme")
    campaign = uuid.uuid4()

    with pytest.raises(RuntimeError):
        async with db.tenant_session(company.id) as session:
            await cache.invalidate(company.id, campaign, session=session)
            await _store(cache, company.id, campaign, {"campaign_name": "unchanged"})
            raise RuntimeError("write failed")

    assert (await cache.get(company.id, campaign, SHAPE)).hit


async def test_get_or_load_loads_once(cache) -> None:
    campaign = uuid.uuid4()
    loads = []

    async def load():
        loads.append(1)
        return {"n": len(loads)}

    first = await cache.get_or_load(ACME, campaign, SHAPE, load)
    second = await cache.get_or_load(ACME, campaign, SHAPE, load)

    assert first == second == {"n": 1}
    assert len(loads) == 1


async def test_disabled_cache_never_hits(resources, db) -> None:
    disabled = CampaignCache(resources.redis, ttl_s=0)
    campaign = uuid.uuid4()

    await _store(disabled, ACME, campaign, {"x": 1})

    assert not (await disabled.get(ACME, campaign, SHAPE)).hit


async def test_unreachable_redis_is_a_miss_not_an_error() -> None:
    unreachable = Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=0.2)
    cache = CampaignCache(unreachable)
    campaign = uuid.uuid4()

    lookup = await cache.get(ACME, campaign, SHAPE)
    await cache.set(lookup, {"x": 1})
    await cache.invalidate(ACME, campaign)
    loaded = await cache.get_or_load(ACME, campaign, SHAPE, _answer)

    assert not lookup.hit
    assert loaded == {"from": "database"}
    await unreachable.aclose()


async def _answer():
    return {"from": "database"}


async def test_shapes_that_could_break_out_of_the_key_are_refused(cache) -> None:
    with pytest.raises(ValueError, match="shape"):
        await cache.get(ACME, uuid.uuid4(), "budget=1:*")
