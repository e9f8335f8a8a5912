"""What finding duplicate addresses costs a launch: the launch worker's statement that reads
the addresses more than one contact holds (`launch_worker.audience.service.shared_addresses`,
reading the hash index in order; it runs beside the statements freezing the audience) timed on
the database a 1,000,000-recipient run of `bench/launch.py` leaves behind, side by side with
the same statement given room to hash every address in memory (256 MB of work_mem; it then
holds about 160 MB), in turn.

    uv run python bench/launch.py --smtp 0 --resolution-only       # leaves crm_bench_launch
    uv run python bench/duplicate_addresses.py --rounds 5

Both find no shared address there (every bench contact has its own), the cost every launch
pays: reading each of the company's address hashes once. Skipping the duplicates afterwards
then runs nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
import uuid

from machine_info import machine
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine

from crm_common.models import Delivery
from crm_common.settings import to_asyncpg_url
from launch_worker.audience.service import _SHARED as SHARED

DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"


async def _company(engine: AsyncEngine) -> uuid.UUID:
    """The company of the launch the bench database holds."""
    async with AsyncSession(engine) as session:
        return (await session.execute(select(Delivery.company_id).limit(1))).scalar_one()


async def _time(engine: AsyncEngine, company_id: uuid.UUID, *, in_memory: bool) -> float:
    """Seconds one run of the statement takes."""
    async with AsyncSession(engine) as session, session.begin():
        if in_memory:  # room for every hash: PostgreSQL hashes them all in memory
            await session.execute(text("SET LOCAL work_mem = '256MB'"))
        else:  # as the worker runs it
            await session.execute(text("SET LOCAL enable_hashagg = off"))
        began = time.perf_counter()
        await session.execute(SHARED["email"], {"company_id": company_id})
        return time.perf_counter() - began


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="crm_bench_launch")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    server = os.environ.get("BENCH_DATABASE_URL") or DEFAULT_SERVER
    url = to_asyncpg_url(server.rsplit("/", 1)[0] + f"/{args.database}")
    print("== machine ==")
    for key, value in machine().items():
        print(f"  {key}: {value}")
    engine = create_async_engine(url)
    try:
        company_id = await _company(engine)
        async with AsyncSession(engine) as session:
            contacts = (
                await session.execute(
                    text("SELECT count(*) FROM crm_contacts WHERE company_id = :c"),
                    {"c": company_id},
                )
            ).scalar_one()
        print(f"== shared addresses: {contacts:,} contacts of company {company_id} ==")
        runs: dict[str, list[float]] = {"ordered (the worker's)": [], "in-memory hash": []}
        for round_ in range(1, args.rounds + 1):
            ordered = await _time(engine, company_id, in_memory=False)
            hashed = await _time(engine, company_id, in_memory=True)
            runs["ordered (the worker's)"].append(ordered)
            runs["in-memory hash"].append(hashed)
            print(
                f"  round {round_}: ordered {ordered * 1000:6.0f} ms, hash {hashed * 1000:6.0f} ms"
            )
        for name, values in runs.items():
            print(
                f"  {name:24} median {statistics.median(values) * 1000:6.0f} ms "
                f"({min(values) * 1000:.0f} to {max(values) * 1000:.0f})"
            )
        ratio = statistics.median(runs["ordered (the worker's)"]) / statistics.median(
            runs["in-memory hash"]
        )
        print(f"  ratio (ordered / hash)   {ratio:6.2f}")
    finally:
        await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main())
