"""The dataset of the segment benchmark: its own database, one tenant, 1M contacts, 10M events.

Loading is resumable in the sense that matters: the data is reused when already complete, and
an incomplete tenant is wiped and loaded again. Secondary indexes are dropped during the bulk
load and rebuilt from the model definitions afterwards (the same end state as the migration,
much faster than maintaining them row by row).
"""

from __future__ import annotations

import re
import time
import uuid
from dataclasses import dataclass

import asyncpg
from sqlalchemy import Index, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from crm_cli.contacts import load_contacts
from crm_common import migrate
from crm_common.db import Database
from crm_common.models import Base, Company
from crm_common.settings import Settings, to_asyncpg_url

BENCH_SLUG = "bench-segments"
BULK_TABLES = ("crm_contacts", "crm_contact_consents", "crm_contact_events")


@dataclass
class Dataset:
    company_id: uuid.UUID
    contacts: int
    events: int
    loaded_now: bool
    load_seconds: float


def database_url(server_url: str, name: str) -> str:
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
        raise ValueError("database name must be a plain lower-case identifier")
    base = server_url.rsplit("/", 1)[0]
    return f"{base}/{name}"


async def ensure_database(server_url: str, name: str) -> str:
    """Create database `name` on the server of `server_url` if needed; migrate it to head."""
    url = database_url(server_url, name)
    admin = await asyncpg.connect(server_url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        exists = await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if not exists:
            await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    await migrate.upgrade(url)
    return url


def _secondary_indexes() -> list[Index]:
    indexes: list[Index] = []
    for table in BULK_TABLES:
        indexes.extend(index for index in Base.metadata.tables[table].indexes if not index.unique)
    return indexes


async def ensure_indexes(owner: AsyncEngine) -> list[str]:
    """Create every index of the bulk tables the models declare and the database lacks."""
    created: list[str] = []
    async with owner.begin() as connection:
        await connection.execute(text("SET maintenance_work_mem = '1GB'"))
        for index in _secondary_indexes():
            exists = await connection.scalar(
                text("SELECT 1 FROM pg_indexes WHERE indexname = :name"), {"name": index.name}
            )
            if not exists:
                await connection.run_sync(lambda sync, ix=index: ix.create(sync))
                created.append(str(index.name))
    return created


async def _drop_secondary_indexes(owner: AsyncEngine) -> None:
    async with owner.begin() as connection:
        for index in _secondary_indexes():
            await connection.run_sync(lambda sync, ix=index: ix.drop(sync, checkfirst=True))


async def _company(db: Database) -> uuid.UUID:
    async with db.system_session() as session:
        found = (
            await session.execute(select(Company.id).where(Company.slug == BENCH_SLUG))
        ).scalar_one_or_none()
        if found is not None:
            return found
        company = Company(name="Bench Segments", slug=BENCH_SLUG, settings={})
        session.add(company)
        await session.flush()
        return company.id


async def _counts(owner: AsyncEngine, company_id: uuid.UUID) -> tuple[int, int]:
    async with owner.connect() as connection:
        contacts = await connection.scalar(
            text("SELECT count(*) FROM crm_contacts WHERE company_id = :c"), {"c": company_id}
        )
        events = await connection.scalar(
            text("SELECT count(*) FROM crm_contact_events WHERE company_id = :c"),
            {"c": company_id},
        )
    return int(contacts or 0), int(events or 0)


async def ensure_dataset(
    url: str, contacts: int, events_per_contact: float, *, log: bool = True
) -> Dataset:
    """The bench tenant, loaded with `contacts` contacts and about that many events each."""
    settings = Settings(database_url=url, db_statement_timeout_ms=0, db_pool_size=4)
    db = Database.from_settings(settings, name="bench-segments-load")
    owner = create_async_engine(to_asyncpg_url(url))
    try:
        company_id = await _company(db)
        have_contacts, have_events = await _counts(owner, company_id)
        expected_events = contacts * events_per_contact
        if have_contacts == contacts and have_events >= 0.9 * expected_events:
            created = await ensure_indexes(owner)
            if log and created:
                print(f"created missing indexes: {', '.join(created)}")
            return Dataset(company_id, have_contacts, have_events, False, 0.0)
        started = time.perf_counter()
        if log:
            print(f"loading {contacts:,} contacts and ~{expected_events:,.0f} events …")
        async with owner.begin() as connection:
            for table in reversed(BULK_TABLES):
                await connection.execute(
                    text(f"DELETE FROM {table} WHERE company_id = :c"),  # noqa: S608
                    {"c": company_id},
                )
        await _drop_secondary_indexes(owner)
        async with db.system_session() as session:
            loaded = await load_contacts(session, company_id, contacts, events_per_contact)
        load_seconds = time.perf_counter() - started
        if log:
            print(f"loaded {loaded[0]:,} contacts, {loaded[1]:,} events in {load_seconds:.0f} s")
        await ensure_indexes(owner)
        async with owner.connect() as connection:
            connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
            for table in BULK_TABLES:
                await connection.execute(text(f"VACUUM ANALYZE {table}"))
        if log:
            print(f"indexed and analysed in {time.perf_counter() - started - load_seconds:.0f} s")
        return Dataset(company_id, loaded[0], loaded[1], True, load_seconds)
    finally:
        await owner.dispose()
        await db.dispose()
