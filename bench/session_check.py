"""`bench/auth_api.py session-check`: the cost of checking every access token against its
session, with and without the check side by side in one run (see auth_api.py)."""

from __future__ import annotations

import argparse
import asyncio
import random
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

import httpx
from fastapi import Depends, FastAPI, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from machine_info import machine
from sqlalchemy import delete

from crm_common.models import Company, RefreshToken, User, UserRole
from crm_common.redis import create_redis
from crm_common.reference import sync_roles
from crm_common.resources import Resources
from crm_common.security.jwt import TokenType
from crm_common.security.permissions import permissions_for
from crm_common.security.principal import (
    CurrentPrincipal,
    Principal,
    check_session,
    principal_from_claims,
)
from crm_common.settings import load_settings
from crm_common.testing.builders import make_company, make_user

Call = Callable[[], Awaitable[Any]]
_bearer = HTTPBearer(auto_error=False)


def add_session_check_command(commands: Any) -> None:
    parser = commands.add_parser("session-check", help="cost of the per-request session check")
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--redis-url", required=True)
    parser.add_argument("--requests", type=int, default=5000)
    parser.set_defaults(run=lambda args: asyncio.run(main(args)))


async def _session(resources: Resources) -> tuple[Company, str]:
    """A throw-away company and user with one live session; its access token."""
    async with resources.db.system_session() as session:
        await sync_roles(session)
    company = await make_company(resources.db, f"bench-{uuid.uuid4().hex[:8]}")
    user = await make_user(resources.db, company, "marketing_manager")
    now = datetime.now(UTC)
    family = uuid.uuid4()
    async with resources.db.system_session() as session:
        session.add(
            RefreshToken(
                company_id=company.id,
                jti=uuid.uuid4(),
                family_id=family,
                user_id=user.id,
                issued_at=now,
                expires_at=now + timedelta(hours=1),
                family_expires_at=now + timedelta(hours=1),
            )
        )
    roles = ["marketing_manager"]
    token = resources.codec.encode(
        TokenType.ACCESS,
        str(user.id),
        timedelta(hours=1),
        {
            "company_id": str(company.id),
            "roles": roles,
            "permissions": sorted(p.value for p in permissions_for(roles)),
            "sid": str(family),
        },
    )
    return company, token


async def _remove(resources: Resources, company: Company) -> None:
    async with resources.db.system_session() as session:
        for model in (RefreshToken, UserRole, User):
            await session.execute(delete(model).where(model.company_id == company.id))
        await session.execute(delete(Company).where(Company.id == company.id))


async def claims_only(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The principal from the token's claims alone (the authorisation before the check)."""
    assert credentials is not None
    return principal_from_claims(
        request.app.state.token_codec.decode(credentials.credentials, TokenType.ACCESS)
    )


def _app(resources: Resources) -> FastAPI:
    """A bare app: one route authorised with the session check, one from the claims alone."""
    app = FastAPI()
    app.state.resources = resources
    app.state.token_codec = resources.codec

    @app.get("/with")
    async def with_check(principal: CurrentPrincipal) -> dict[str, str]:
        return {"user_id": str(principal.user_id)}

    @app.get("/without")
    async def without_check(
        principal: Annotated[Principal, Depends(claims_only)],
    ) -> dict[str, str]:
        return {"user_id": str(principal.user_id)}

    return app


async def _interleaved(calls: dict[str, Call], rounds: int) -> dict[str, list[float]]:
    """Each call once per round, in a shuffled order; the durations in microseconds."""
    timings: dict[str, list[float]] = {name: [] for name in calls}
    names = list(calls)
    for _ in range(rounds):
        random.shuffle(names)
        for name in names:
            started = time.perf_counter()
            await calls[name]()
            timings[name].append((time.perf_counter() - started) * 1e6)
    return timings


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _print(title: str, timings: dict[str, list[float]], baseline: str) -> None:
    print(f"\n{title}")
    base = _pct(timings[baseline], 0.5)
    print(f"{'variant':<44}{'n':>7}{'p50 µs':>10}{'p95 µs':>10}{'p99 µs':>10}{'+p50 µs':>10}")
    for name, values in timings.items():
        p50 = _pct(values, 0.5)
        added = "-" if name == baseline else f"{p50 - base:+.0f}"
        print(
            f"{name:<44}{len(values):>7}{p50:>10.0f}{_pct(values, 0.95):>10.0f}"
            f"{_pct(values, 0.99):>10.0f}{added:>10}"
        )


async def main(args: argparse.Namespace) -> None:
    settings = load_settings(
        database_url=args.database_url, redis_url=args.redis_url, env="dev", log_level="ERROR"
    )
    resources = Resources.open(settings, name="bench-session-check")
    no_local = settings.model_copy(update={"auth_session_local_cache_s": 0})
    down = create_redis("redis://127.0.0.1:1/0")
    variants = {
        "cached": resources,
        "redis": Resources(no_local, resources.db, resources.redis, resources.codec),
        "postgres": Resources(no_local, resources.db, down, resources.codec),
    }
    company, token = await _session(resources)
    try:
        codec = resources.codec

        def decoded() -> Principal:
            return principal_from_claims(codec.decode(token, TokenType.ACCESS))

        async def without() -> Principal:
            return decoded()

        def checked(own: Resources) -> Call:
            async def call() -> Principal:
                return await check_session(own, decoded())

            return call

        dependency = {
            "claims only (no check)": without,
            "check, in-process cache (steady state)": checked(variants["cached"]),
            "check, Redis read on every request": checked(variants["redis"]),
            "check, Redis down: Postgres fallback": checked(variants["postgres"]),
        }
        await _interleaved(dependency, 200)
        dep_timings = await _interleaved(dependency, args.requests)

        headers = {"Authorization": f"Bearer {token}"}
        clients = {
            name: httpx.AsyncClient(
                transport=httpx.ASGITransport(app=_app(own)), base_url="http://bench"
            )
            for name, own in (("cached", variants["cached"]), ("redis", variants["redis"]))
        }

        def get(client: httpx.AsyncClient, path: str) -> Call:
            async def call() -> None:
                response = await client.get(path, headers=headers)
                response.raise_for_status()

            return call

        requests = {
            "GET /without (claims only)": get(clients["cached"], "/without"),
            "GET /with (in-process cache)": get(clients["cached"], "/with"),
            "GET /with (Redis on every request)": get(clients["redis"], "/with"),
        }
        await _interleaved(requests, 200)
        http_timings = await _interleaved(requests, args.requests)
        for client in clients.values():
            await client.aclose()
    finally:
        await _remove(resources, company)
        await down.aclose()
        await resources.close()

    _print(
        "principal dependency alone (decode + check), interleaved",
        dep_timings,
        "claims only (no check)",
    )
    _print(
        "whole requests through an app (httpx, in-process ASGI), interleaved",
        http_timings,
        "GET /without (claims only)",
    )
    for key, value in machine().items():
        print(f"{key}: {value}")
