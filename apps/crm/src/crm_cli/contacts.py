"""Loading synthetic contacts, their consent and their events (crm_cli.synthetic) fast.

Personal data is sealed in the generating thread (crm_common.crypto.pii: AES-GCM per value,
keyed hashes, no round trip per row), so the COPY carries only ciphertext.

COPY FROM is refused on tables under row-level security, so each batch is COPYed into
temporary staging tables and moved with one INSERT … SELECT per table, which the policies
check. Generation (Python) and loading (PostgreSQL) overlap: the next batch is generated in a
worker thread while the database inserts the current one.

Contacts whose external id already exists are left alone, and so are their consent and
events: a second run with the same seed adds nothing, and a run for more contacts adds only
the missing ones (with their consent and events), so an interrupted load can be resumed.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from crm_cli.synthetic.events import EVENT_COLUMNS, contact_events, events_rng, generate_events
from crm_cli.synthetic.people import (
    CONSENT_COLUMNS,
    CONTACT_COLUMNS,
    GeneratedContact,
    generate_contacts,
)
from crm_common.crypto import pii
from crm_common.crypto.keyring import PiiCipher
from crm_common.db import Database
from crm_common.models import Base

__all__ = [
    "CONSENT_COLUMNS",
    "CONTACT_COLUMNS",
    "EVENT_COLUMNS",
    "GeneratedContact",
    "LoadStats",
    "generate_contacts",
    "generate_events",
    "load_contacts",
    "load_contacts_committing",
]

DEFAULT_CHUNK = 20_000
# The stored contact columns: the generated ones, personal data sealed, plus its hashes,
# email domain and key version.
SEALED_CONTACT_COLUMNS = [
    *CONTACT_COLUMNS,
    "email_hash",
    "phone_hash",
    "email_domain",
    "pii_key_version",
]
_SEALED_AT = {name: CONTACT_COLUMNS.index(name) for name in pii.CONTACT_SEALED}


def seal_row(cipher: PiiCipher, row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A generated contact row (CONTACT_COLUMNS) as stored (SEALED_CONTACT_COLUMNS)."""
    stored = pii.seal_contact(cipher, row[0], {name: row[i] for name, i in _SEALED_AT.items()})
    values = list(row)
    for name, index in _SEALED_AT.items():
        values[index] = stored[name]
    return (
        *values,
        stored["email_hash"],
        stored["phone_hash"],
        stored["email_domain"],
        stored["pii_key_version"],
    )


@dataclass
class Batch:
    contacts: list[tuple[Any, ...]]
    consents: list[tuple[Any, ...]]
    events: list[tuple[Any, ...]]


@dataclass
class LoadStats:
    """What a load inserted and how long it took."""

    contacts: int = 0
    consents: int = 0
    events: int = 0
    seconds: float = 0.0
    batches: int = 0
    started: float = field(default_factory=time.perf_counter)

    @property
    def rows(self) -> int:
        return self.contacts + self.consents + self.events

    def add(self, contacts: int, consents: int, events: int) -> None:
        self.contacts += contacts
        self.consents += consents
        self.events += events
        self.batches += 1
        self.seconds = time.perf_counter() - self.started


Progress = Callable[[LoadStats], None]


class BatchSource:
    """Batches of generated rows, in contact order: the output depends on the seed, the
    company and `now`, never on the batch size."""

    def __init__(
        self,
        company_id: uuid.UUID,
        count: int,
        events_per_contact: float,
        *,
        seed: int,
        now: datetime,
        batch_size: int,
        cipher: PiiCipher | None = None,
    ) -> None:
        self.company_id = company_id
        # Without a cipher, rows stay as generated (plaintext, CONTACT_COLUMNS).
        self.cipher = cipher
        self.events_per_contact = events_per_contact
        self.seed = seed
        self.now_ts = now.timestamp()
        self.batch_size = batch_size
        self._contacts = generate_contacts(company_id, count, seed=seed, now=now)
        self._events_rng = events_rng(seed, company_id)

    def next_batch(self) -> Batch | None:
        batch = Batch([], [], [])
        for generated in self._contacts:
            batch.contacts.append(
                seal_row(self.cipher, generated.row) if self.cipher else generated.row
            )
            batch.consents.extend(generated.consents)
            batch.events.extend(
                contact_events(
                    self._events_rng,
                    generated,
                    self.company_id,
                    self.events_per_contact,
                    self.now_ts,
                    self.seed,
                )
            )
            if len(batch.contacts) >= self.batch_size:
                break
        return batch if batch.contacts else None


async def _batches(source: BatchSource) -> AsyncIterator[Batch]:
    """Yield batches while the next one is generated in a worker thread."""
    loop = asyncio.get_running_loop()
    pending = loop.run_in_executor(None, source.next_batch)
    while True:
        batch = await pending
        if batch is None:
            return
        pending = loop.run_in_executor(None, source.next_batch)
        yield batch


def _inserted(status: str) -> int:
    return int(status.rsplit(" ", 1)[-1]) if status.startswith("INSERT") else 0


async def _copy_in(
    raw: Any,
    table: str,
    columns: list[str],
    records: list[tuple[Any, ...]],
    *,
    only_contacts: list[uuid.UUID] | None = None,
    returning: str = "",
    order_by: str = "",
) -> Any:
    """COPY `records` into a staging copy of `table`, then move them into `table` (skipping
    conflicts, and rows of contacts not in `only_contacts` when given)."""
    # Identifiers come from this package's constants only, checked against the schema.
    known = Base.metadata.tables[table].c
    if any(column not in known for column in columns):
        raise ValueError(f"unknown column for {table}")
    staging = f"staging_{table}"
    await raw.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {staging} "
        f"(LIKE {table} INCLUDING DEFAULTS INCLUDING GENERATED) ON COMMIT DROP"
    )
    await raw.execute(f"TRUNCATE {staging}")
    await raw.copy_records_to_table(staging, records=records, columns=columns)
    cols = ", ".join(f'"{c}"' for c in columns)
    statement = f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {staging}"  # noqa: S608
    args: list[Any] = []
    if only_contacts is not None:
        statement += " WHERE contact_id = ANY($1::uuid[])"
        args.append(only_contacts)
    if order_by:
        # In index order: the touched index (or heap) pages stay few and hot.
        statement += f" ORDER BY {order_by}"
    statement += " ON CONFLICT DO NOTHING"
    if returning:
        return await raw.fetch(f"{statement} RETURNING {returning}", *args)
    return _inserted(await raw.execute(statement, *args))


async def _prepare(session: AsyncSession) -> Any:
    # Through the session first: that opens its transaction, which the raw driver
    # connection then shares (temporary staging tables live until it commits).
    await session.execute(text("SET LOCAL synchronous_commit = off"))
    await session.execute(text("SET LOCAL gin_pending_list_limit = '32MB'"))
    await session.execute(text("SET LOCAL work_mem = '64MB'"))
    connection = await session.connection()
    raw = (await connection.get_raw_connection()).driver_connection
    assert raw is not None
    return raw


async def _load_batch(raw: Any, batch: Batch) -> tuple[int, int, int]:
    # In sample-bucket order: the contacts a sampled estimate reads share few pages.
    created = await _copy_in(
        raw,
        "crm_contacts",
        SEALED_CONTACT_COLUMNS,
        batch.contacts,
        returning="id",
        order_by="sample_bucket",
    )
    # Consent and events only for contacts created now; existing ones are left as they are.
    only = None if len(created) == len(batch.contacts) else [row["id"] for row in created]
    consents = await _copy_in(
        raw, "crm_contact_consents", CONSENT_COLUMNS, batch.consents, only_contacts=only
    )
    events = 0
    if batch.events:
        events = await _copy_in(
            raw,
            "crm_contact_events",
            EVENT_COLUMNS,
            batch.events,
            only_contacts=only,
            order_by="event_type, occurred_at",
        )
    return len(created), consents, events


async def load_contacts(
    session: AsyncSession,
    company_id: uuid.UUID,
    count: int,
    events_per_contact: float,
    *,
    seed: int = 7,
    chunk: int = DEFAULT_CHUNK,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> tuple[int, int]:
    """Generate and load contacts, consent and events in the caller's transaction (a
    system session); returns (contacts, events) inserted."""
    source = BatchSource(
        company_id,
        count,
        events_per_contact,
        seed=seed,
        now=now or datetime.now(UTC),
        batch_size=chunk,
        cipher=await pii.cipher_for(session, company_id),
    )
    stats = LoadStats()
    raw = await _prepare(session)
    async for batch in _batches(source):
        stats.add(*await _load_batch(raw, batch))
        if progress:
            progress(stats)
    return stats.contacts, stats.events


async def load_contacts_committing(
    db: Database,
    company_id: uuid.UUID,
    count: int,
    events_per_contact: float,
    *,
    seed: int = 7,
    chunk: int = DEFAULT_CHUNK,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> LoadStats:
    """Like `load_contacts`, committing every batch (contacts with their consent and events
    together), so a long load shows progress and can be resumed by running it again."""
    async with db.system_session() as session:  # the company's keys, committed first
        cipher = await pii.cipher_for(session, company_id)
    source = BatchSource(
        company_id,
        count,
        events_per_contact,
        seed=seed,
        now=now or datetime.now(UTC),
        batch_size=chunk,
        cipher=cipher,
    )
    stats = LoadStats()
    async for batch in _batches(source):
        async with db.system_session() as session:
            raw = await _prepare(session)
            loaded = await _load_batch(raw, batch)
        stats.add(*loaded)
        if progress:
            progress(stats)
    return stats
