"""Starts the all-in-one on CRM_PORT against a fresh scratch database (dropped and recreated
from TEST_DATABASE_URL's server) and Redis database, with the demo data, for the browser tests."""

import asyncio
import os
import sys
from urllib.parse import urlsplit, urlunsplit

import asyncpg

SCRATCH = os.environ.get("E2E_DATABASE", "crm_web_e2e")


async def recreate(server_url: str) -> None:
    connection = await asyncpg.connect(server_url)
    try:
        await connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", SCRATCH
        )
        await connection.execute(f'DROP DATABASE IF EXISTS "{SCRATCH}"')
        await connection.execute(f'CREATE DATABASE "{SCRATCH}"')
    finally:
        await connection.close()


def main() -> None:
    server_url = os.environ.get("TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    asyncio.run(recreate(server_url))
    parts = urlsplit(server_url)
    env = dict(os.environ)
    env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{SCRATCH}"))
    env["REDIS_URL"] = os.environ.get("E2E_REDIS_URL", "redis://127.0.0.1:6379/9")
    env.setdefault("CRM_PORT", "8799")
    sys.stdout.flush()
    os.execvpe("crm", ["crm", "run"], env)


if __name__ == "__main__":
    main()
