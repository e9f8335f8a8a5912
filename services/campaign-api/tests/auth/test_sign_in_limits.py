"""Sign-in limits count failures, per account and per client address, with a back-off that
grows with every further failure; without Redis they keep working in the process."""

import uuid

import pytest

from campaign_api.main import create_app
from crm_common.errors import RateLimited
from crm_common.redis import create_redis
from crm_common.resources import Resources
from crm_common.security.attempts import AttemptKey, FailedAttempts
from crm_common.testing.builders import TEST_PASSWORD, make_user
from crm_common.testing.client import app_client


def _tuned(settings, resources, redis=None, **overrides):
    tuned = settings.model_copy(
        update={
            "sign_in_free_failures_per_account": 3,
            "sign_in_free_failures_per_ip": 6,
            **overrides,
        }
    )
    return Resources(
        settings=tuned, db=resources.db, redis=redis or resources.redis, codec=resources.codec
    ), tuned


async def _attempt(client, email, password):
    return await client.post("/api/auth/token", data={"username": email, "password": password})


async def test_sign_in_limit_counts_failures_not_successes(settings, resources, db, acme) -> None:
    await make_user(db, acme, email="busy@acme.test")
    own, tuned = _tuned(settings, resources)

    async with app_client(create_app(tuned, own)) as client:
        successes = [(await _attempt(client, "busy@acme.test", TEST_PASSWORD)) for _ in range(8)]
        failures = [(await _attempt(client, "busy@acme.test", "wrong-guess")) for _ in range(3)]
        locked = await _attempt(client, "busy@acme.test", TEST_PASSWORD)

    assert [r.status_code for r in successes] == [200] * 8
    assert [r.status_code for r in failures] == [401] * 3
    assert locked.status_code == 429
    assert locked.json()["details"]["scope"] == "sign_in_account"
    assert int(locked.headers["retry-after"]) >= 1


async def test_sign_in_limit_per_address_stops_password_spraying(
    settings, resources, db, acme
) -> None:
    await make_user(db, acme, email="real@acme.test")
    own, tuned = _tuned(settings, resources)

    async with app_client(create_app(tuned, own)) as client:
        spraying = [(await _attempt(client, f"u{n}@acme.test", "x")).status_code for n in range(6)]
        next_account = await _attempt(client, "real@acme.test", TEST_PASSWORD)

    assert spraying == [401] * 6
    assert next_account.status_code == 429
    assert next_account.json()["details"]["scope"] == "sign_in_address"


async def test_success_clears_the_account_failures(settings, resources, db, acme) -> None:
    await make_user(db, acme, email="typo@acme.test")
    own, tuned = _tuned(settings, resources)

    async with app_client(create_app(tuned, own)) as client:
        for _ in range(2):
            assert (await _attempt(client, "typo@acme.test", "typo")).status_code == 401
        assert (await _attempt(client, "typo@acme.test", TEST_PASSWORD)).status_code == 200
        again = [(await _attempt(client, "typo@acme.test", "typo")).status_code for _ in range(2)]

    assert again == [401, 401]


async def test_sign_in_limit_works_without_redis(settings, resources, db, acme) -> None:
    await make_user(db, acme, email="victim@acme.test")
    down = create_redis("redis://127.0.0.1:1/0")
    own, tuned = _tuned(settings, resources, redis=down)
    try:
        async with app_client(create_app(tuned, own)) as client:
            guesses = [(await _attempt(client, "victim@acme.test", f"g{n}")) for n in range(3)]
            locked = await _attempt(client, "victim@acme.test", TEST_PASSWORD)
    finally:
        await down.aclose()

    assert [r.status_code for r in guesses] == [401] * 3
    assert locked.status_code == 429


def _key(free: int = 2) -> AttemptKey:
    return AttemptKey(
        f"test:attempts:{uuid.uuid4().hex}", "test", free, base_s=2, max_s=30, memory_s=600
    )


async def _retry_after(attempts: FailedAttempts, key: AttemptKey) -> int:
    try:
        await attempts.check([key])
    except RateLimited as exc:
        return int(exc.details["retry_after"])
    return 0


@pytest.mark.parametrize("backend", ["redis", "in-process"])
async def test_back_off_grows_with_every_further_failure(resources, backend) -> None:
    redis = resources.redis if backend == "redis" else create_redis("redis://127.0.0.1:1/0")
    attempts = FailedAttempts(redis)
    key = _key()
    waits = []
    try:
        for _ in range(6):
            await attempts.failed([key])
            waits.append(await _retry_after(attempts, key))
    finally:
        if backend != "redis":
            await redis.aclose()

    # Two free failures, then 2 s doubling per failure up to the 30 s cap.
    assert waits == [0, 2, 4, 8, 16, 30]


async def test_wrong_current_passwords_back_off_like_failed_sign_ins(
    settings, resources, db, acme
) -> None:
    await make_user(db, acme, email="holder@acme.test")
    own, tuned = _tuned(settings, resources)

    async with app_client(create_app(tuned, own)) as client:
        token = (await _attempt(client, "holder@acme.test", TEST_PASSWORD)).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}

        def change(current):
            return client.post(
                "/api/auth/password",
                headers=headers,
                json={"current_password": current, "new_password": "a-brand-new-password"},
            )

        guesses = [(await change(f"guess-{n}")).status_code for n in range(3)]
        locked = await change(TEST_PASSWORD)

    assert guesses == [422] * 3
    assert locked.status_code == 429
    assert locked.json()["details"]["scope"] == "password_change"
    assert int(locked.headers["retry-after"]) >= 1
