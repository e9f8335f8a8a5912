"""The nightly purge removes only what has expired, then the purged tables are vacuumed and
the audience tables analyzed, as the owner of the schema (a role that owns none touches
nothing); the weekly check tells contacts in (company, sample bucket) order from scattered
ones."""

from __future__ import annotations

import itertools
import random
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from crm_common.db_maintenance import owner_connection, vacuum_and_analyze
from crm_common.metrics import CONTACTS_ORDER
from crm_common.models import IdempotencyKey, OutboxEvent, ProcessedEvent, RefreshToken
from crm_common.sampling import sample_bucket
from crm_common.testing.builders import make_company, make_user
from crm_common.testing.bulk import copy_contacts
from launch_worker.maintenance import service
from launch_worker.maintenance.jobs import check_contacts_clustering, purge_expired
from launch_worker.worker import CRON_JOBS

NOW = datetime.now(UTC)


async def _rows(db, company, user) -> None:
    """One expired and one live row of each purged kind."""
    async with db.system_session() as session:
        for key, expires in (("gone", NOW - timedelta(hours=1)), ("kept", NOW + timedelta(days=1))):
            session.add(
                IdempotencyKey(
                    key=key,
                    scope="POST /api/campaigns/",
                    company_id=company.id,
                    user_id=user.id,
                    request_hash="0" * 64,
                    expires_at=expires,
                )
            )
        for name, family_expires in (
            ("gone", NOW - timedelta(days=1)),
            ("kept", NOW + timedelta(days=1)),
        ):
            session.add(
                RefreshToken(
                    jti=uuid.uuid4(),
                    company_id=company.id,
                    family_id=uuid.uuid4(),
                    user_id=user.id,
                    expires_at=family_expires,
                    family_expires_at=family_expires,
                    revoked_reason=name,
                )
            )
        for event_id, processed in (
            ("gone", NOW - service.PROCESSED_EVENT_RETENTION - timedelta(hours=1)),
            ("kept", NOW - timedelta(hours=1)),
        ):
            session.add(ProcessedEvent(consumer="test", event_id=event_id, processed_at=processed))
        for published in (
            NOW - service.PUBLISHED_OUTBOX_RETENTION - timedelta(hours=1),  # purged
            NOW - timedelta(hours=1),  # published lately: kept
            None,  # not yet published: kept whatever its age
        ):
            session.add(
                OutboxEvent(
                    company_id=company.id,
                    event_id=uuid.uuid4(),
                    event_type="campaign.updated",
                    envelope={},
                    created_at=NOW - timedelta(days=30),
                    published_at=published,
                )
            )


async def _vacuum_counts(url: str) -> dict[str, int]:
    async with owner_connection(url) as connection:
        rows = (
            await connection.execute(
                text("SELECT relname, vacuum_count, analyze_count FROM pg_stat_user_tables")
            )
        ).all()
    return {f"{row.relname}:vacuum": row.vacuum_count for row in rows} | {
        f"{row.relname}:analyze": row.analyze_count for row in rows
    }


async def test_the_nightly_job_purges_what_expired_then_vacuums_and_analyzes(resources, db) -> None:
    company = await make_company(db)
    user = await make_user(db, company, "admin")
    await _rows(db, company, user)
    url = resources.settings.async_database_url
    before = await _vacuum_counts(url)

    report = await purge_expired({"resources": resources})

    assert report["idempotency_keys"] == 1
    assert report["refresh_tokens"] == 1
    assert report["processed_events"] == 1
    assert report["outbox_events"] == 1
    async with db.system_session() as session:
        assert await session.scalar(select(func.count()).select_from(IdempotencyKey)) == 1
        assert await session.scalar(select(func.count()).select_from(RefreshToken)) == 1
        assert await session.scalar(select(func.count()).select_from(ProcessedEvent)) == 1
        assert await session.scalar(select(func.count()).select_from(OutboxEvent)) == 2
    maintenance = report["maintenance"]
    assert maintenance["vacuumed"] == service.PURGED_TABLES
    assert maintenance["analyzed"] == service.STATISTICS_TABLES
    assert maintenance["skipped"] == ()
    after = await _vacuum_counts(url)
    for table in service.PURGED_TABLES:
        assert after[f"{table}:vacuum"] == before[f"{table}:vacuum"] + 1, table
    for table in service.STATISTICS_TABLES:
        assert after[f"{table}:analyze"] == before[f"{table}:analyze"] + 1, table


async def test_a_role_that_owns_no_table_skips_them_all(resources) -> None:
    async with owner_connection(resources.settings.async_database_url) as connection:
        await connection.execute(text("SET ROLE crm_app"))
        report = await vacuum_and_analyze(
            connection, vacuum=service.PURGED_TABLES, analyze=service.STATISTICS_TABLES
        )

    assert report.vacuumed == ()
    assert report.analyzed == ()
    assert report.skipped == (*service.PURGED_TABLES, *service.STATISTICS_TABLES)


@pytest.mark.parametrize(
    "name", ["crm_outbox; DROP TABLE crm_outbox", "pg_authid", "crm_outbox ", "CRM_OUTBOX"]
)
async def test_only_names_of_this_schema_reach_the_statement(resources, name: str) -> None:
    async with owner_connection(resources.settings.async_database_url) as connection:
        with pytest.raises(ValueError, match="not a table of this schema"):
            await vacuum_and_analyze(connection, vacuum=["crm_outbox", name])


def test_the_purge_runs_nightly_with_room_for_the_vacuum() -> None:
    (job,) = [job for job in CRON_JOBS if job.coroutine is purge_expired]
    assert job.hour == {3}
    assert job.minute == {17}
    assert job.timeout_s == 3600


async def _contacts(db, database_url: str, companies: int, each: int, *, ordered: bool) -> None:
    """`each` contacts of each of `companies` new companies, written in (company, sample
    bucket) order or in random order."""
    rows = []
    for _ in range(companies):
        company = await make_company(db)
        for i in range(each):
            contact_id = uuid.uuid4()
            rows.append((company.id, sample_bucket(contact_id), contact_id, i))
    if ordered:
        rows.sort()
    else:
        # Random order, the companies taking turns in runs of about a hundred contacts.
        random.Random(7).shuffle(rows)
        blocks = [rows[start : start + 300] for start in range(0, len(rows), 300)]
        rows = [row for block in blocks for row in sorted(block, key=lambda row: row[0])]
    # One COPY per run of one company, in the order chosen, so the table's pages hold them so.
    for _, run in itertools.groupby(rows, key=lambda row: row[0]):
        run_rows = list(run)
        await copy_contacts(
            db,
            database_url,
            run_rows[0][0],
            [{"id": contact_id, "external_id": f"c-{i}"} for _, _, contact_id, i in run_rows],
            analyze=False,
        )
    async with owner_connection(database_url) as connection:
        await connection.execute(text("ANALYZE crm_contacts"))


async def test_contacts_in_company_and_bucket_order_need_no_recluster(clean, database_url) -> None:
    await _contacts(clean.db, database_url, companies=3, each=4_000, ordered=True)

    report = await check_contacts_clustering({"resources": clean})

    assert report["contacts"] >= service.CLUSTERING_MIN_CONTACTS
    assert report["sampled"] > 0
    assert report["correlation"] > 0.95
    assert report["recluster_due"] is False
    assert CONTACTS_ORDER.labels(table="crm_contacts")._value.get() == report["correlation"]


async def test_a_big_table_is_measured_on_a_sample_of_its_pages(
    clean, database_url, monkeypatch
) -> None:
    await _contacts(clean.db, database_url, companies=3, each=4_000, ordered=True)
    monkeypatch.setattr(service, "CLUSTERING_SAMPLE_ROWS", 3_000)

    report = await check_contacts_clustering({"resources": clean})

    assert 0 < report["sampled"] < 12_000
    assert report["correlation"] > 0.95


async def test_scattered_contacts_are_reported_for_a_recluster(clean, database_url) -> None:
    await _contacts(clean.db, database_url, companies=3, each=4_000, ordered=False)

    report = await check_contacts_clustering({"resources": clean})

    assert report["correlation"] < service.RECLUSTER_BELOW
    assert report["recluster_due"] is True


async def test_a_few_contacts_are_not_measured(clean, database_url) -> None:
    await _contacts(clean.db, database_url, companies=2, each=50, ordered=False)

    report = await check_contacts_clustering({"resources": clean})

    assert report == {"contacts": 100, "sampled": 0, "correlation": None, "recluster_due": False}


def test_the_clustering_check_runs_weekly() -> None:
    (job,) = [job for job in CRON_JOBS if job.coroutine is check_contacts_clustering]
    assert (job.weekday, job.hour, job.minute) == ("sun", {4}, {5})
