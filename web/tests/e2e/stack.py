"""Starts the all-in-one on CRM_PORT against a fresh scratch database (dropped and recreated
on TEST_DATABASE_URL's server) and a Redis database leased by the tests' rule (see
`crm_common.testing.redis_lease`: never one holding someone else's data), with the demo data,
for the browser tests."""

import asyncio
import os
import re
import sys
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from crm_cli.main import main as crm
from crm_common.testing.redis_lease import RedisLease

SCRATCH = os.environ.get("E2E_DATABASE", "crm_web_e2e")
IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


async def recreate(server_url: str) -> None:
    if not IDENTIFIER.match(SCRATCH):
        raise SystemExit(f"E2E_DATABASE must be a plain lower-case identifier, not {SCRATCH!r}")
    connection = await asyncpg.connect(server_url)
    try:
        await connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", SCRATCH
        )
        # Database names cannot be bind parameters; SCRATCH is a checked identifier.
        await connection.execute(f'DROP DATABASE IF EXISTS "{SCRATCH}"')
        await connection.execute(f'CREATE DATABASE "{SCRATCH}"')
    finally:
        await connection.close()


def main() -> int:
    server_url = os.environ.get(
        "TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
    )
    asyncio.run(recreate(server_url))
    os.environ["DATABASE_URL"] = urlunsplit(urlsplit(server_url)._replace(path=f"/{SCRATCH}"))
    # A fresh database needs a fresh event stream too: a leased Redis database comes empty.
    lease = RedisLease.acquire(
        os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0"), f"web-e2e:{os.getpid()}"
    )
    os.environ["REDIS_URL"] = lease.url
    os.environ.setdefault("CRM_PORT", "8799")
    try:
        return crm(["run"])
    finally:
        lease.release()


if __name__ == "__main__":
    sys.exit(main())
