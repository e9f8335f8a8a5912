"""Starts the all-in-one on CRM_PORT against a fresh scratch database (dropped and recreated
on TEST_DATABASE_URL's server) and its own Redis database, with the demo data, for the browser
tests."""

import asyncio
import os
import re
import sys
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import redis

from crm_cli.main import main as crm

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
    os.environ["REDIS_URL"] = os.environ.get("E2E_REDIS_URL", "redis://127.0.0.1:6379/9")
    # A fresh database needs a fresh event stream too.
    redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()
    os.environ.setdefault("CRM_PORT", "8799")
    return crm(["run"])


if __name__ == "__main__":
    sys.exit(main())
