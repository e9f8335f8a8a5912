"""Rate limiting in Redis: per user, per IP; 429 with Retry-After (failed sign-ins:
auth/test_sign_in_limits.py)."""

import uuid

from redis.asyncio import Redis

from campaign_api.main import create_app
from crm_common.ratelimit import Limit, RateLimiter, client_ip, ip_bucket
from crm_common.resources import Resources
from crm_common.security.jwt import TokenCodec
from crm_common.testing.builders import auth_headers, make_company, make_user
from crm_common.testing.client import app_client


def _limited(settings, resources, **limits) -> tuple[Resources, object]:
    tuned = settings.model_copy(update=limits)
    shared = Resources(
        settings=tuned, db=resources.db, redis=resources.redis, codec=TokenCodec(tuned)
    )
    return shared, create_app(tuned, shared)


async def test_user_over_the_limit_gets_429_with_retry_after(settings, resources, db) -> None:
    company = await make_company(db, "acme")
    user = await make_user(db, company, "admin")
    shared, app = _limited(settings, resources, rate_limit_per_user=3, rate_limit_window_s=60)
    headers = auth_headers(shared.codec, user)

    async with app_client(app) as client:
        answers = [(await client.get("/api/auth/me", headers=headers)) for _ in range(4)]

    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    refused = answers[-1]
    assert 1 <= int(refused.headers["retry-after"]) <= 120
    body = refused.json()
    assert body["error_code"] == "rate_limited"
    assert body["details"]["retry_after"] == int(refused.headers["retry-after"])
    assert body["details"]["scope"] == "user"
    assert body["details"]["limit"] == 3
    assert refused.headers["x-request-id"]


async def test_one_users_limit_does_not_touch_another_user(settings, resources, db) -> None:
    company = await make_company(db, "acme")
    greedy = await make_user(db, company, "admin")
    patient = await make_user(db, company, "admin")
    shared, app = _limited(settings, resources, rate_limit_per_user=2)

    async with app_client(app) as client:
        for _ in range(3):
            await client.get("/api/auth/me", headers=auth_headers(shared.codec, greedy))
        other = await client.get("/api/auth/me", headers=auth_headers(shared.codec, patient))

    assert other.status_code == 200


async def test_anonymous_requests_are_limited_per_ip(settings, resources, db) -> None:
    _, app = _limited(settings, resources, rate_limit_per_ip=3)

    async with app_client(app) as client:
        answers = [(await client.get("/api/auth/me")).status_code for _ in range(4)]
        health = await client.get("/healthz")

    assert answers == [401, 401, 401, 429]
    assert health.status_code == 200


async def test_signed_in_users_behind_one_address_are_limited_per_user_only(
    settings, resources, db
) -> None:
    """An office, or the all-in-one's loopback, puts many users behind one address: their
    requests count against each user's limit, never against the address's."""
    company = await make_company(db, "acme")
    users = [await make_user(db, company, "admin") for _ in range(4)]
    shared, app = _limited(settings, resources, rate_limit_per_ip=2, rate_limit_per_user=3)

    async with app_client(app) as client:
        answers = [
            (await client.get("/api/auth/me", headers=auth_headers(shared.codec, user))).status_code
            for user in users
            for _ in range(3)
        ]
        fourth = await client.get("/api/auth/me", headers=auth_headers(shared.codec, users[0]))

    assert answers == [200] * 12
    assert fourth.status_code == 429
    assert fourth.json()["details"]["scope"] == "user"


async def test_forged_bearer_token_counts_against_the_ip_only(settings, resources, db) -> None:
    _, app = _limited(settings, resources, rate_limit_per_ip=2, rate_limit_per_user=100)
    headers = {"Authorization": f"Bearer {'x' * 40}"}

    async with app_client(app) as client:
        answers = [(await client.get("/api/auth/me", headers=headers)) for _ in range(3)]

    assert [a.status_code for a in answers] == [401, 401, 429]
    assert answers[-1].json()["details"]["scope"] == "ip"


async def test_disabled_limiter_lets_everything_through(settings, resources, db) -> None:
    _, app = _limited(settings, resources, rate_limit_per_ip=1, rate_limit_enabled=False)

    async with app_client(app) as client:
        answers = [(await client.get("/api/auth/me")).status_code for _ in range(5)]

    assert answers == [401] * 5


async def test_limiter_counts_only_admitted_requests(resources) -> None:
    limiter = RateLimiter(resources.redis, f"test:{uuid.uuid4().hex}")
    tight = Limit(limiter.key("a"), 2, 60)
    loose = Limit(limiter.key("b"), 100, 60)

    decisions = [await limiter.hit(tight, loose) for _ in range(4)]
    alone = await limiter.hit(loose)

    assert [d.allowed for d in decisions] == [True, True, False, False]
    assert decisions[2].refused == tight
    assert 1 <= decisions[2].retry_after <= 120
    # The two refused requests did not count against the looser limit (3 counted, not 5;
    # more may remain if a window boundary fell between the hits).
    assert alone.allowed
    assert alone.remaining >= 100 - 3


async def test_limiter_fails_open_when_redis_is_unreachable() -> None:
    unreachable = Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=0.2)
    limiter = RateLimiter(unreachable)

    decision = await limiter.enforce(Limit(limiter.key("x"), 1, 60))
    again = await limiter.enforce(Limit(limiter.key("x"), 1, 60))

    assert decision.allowed
    assert again.allowed
    await unreachable.aclose()


def test_client_ip_is_the_resolved_peer_never_a_forwarded_header() -> None:
    """The limits count the peer as `TrustedProxyMiddleware` left it; a client's own
    X-Forwarded-For (which that middleware ignores unless the peer is a trusted proxy) is
    never read here."""
    forwarded = [(b"x-forwarded-for", b"198.51.100.1, 203.0.113.9")]
    assert client_ip({"type": "http", "client": ("10.0.0.5", 1234), "headers": forwarded}) == (
        "10.0.0.5"
    )
    assert client_ip({"type": "http", "client": None, "headers": forwarded}) is None


def test_ipv6_clients_share_their_64_network() -> None:
    assert (
        ip_bucket("2001:db8:1:2:aaaa::1") == ip_bucket("2001:db8:1:2:bbbb::9") == "2001:db8:1:2::"
    )
    assert ip_bucket("2001:db8:1:3::1") != ip_bucket("2001:db8:1:2::1")
    assert ip_bucket("::ffff:192.0.2.7") == "192.0.2.7"
    assert ip_bucket(None) == "unknown"
