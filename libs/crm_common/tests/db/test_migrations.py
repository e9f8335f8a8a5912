"""The one Alembic history builds every table, index and constraint from an empty database,
and downgrades back to empty."""

import asyncio
import uuid

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import create_async_engine

from crm_common import migrate
from crm_common.models import Base
from crm_common.sampling import sample_bucket
from crm_common.settings import to_asyncpg_url
from crm_common.testing.plugin import with_database
from crm_common.testing.servers import ServerUrls

BLUEPRINT_INDEXES = {
    "crm_campaigns": {
        "idx_company_campaign",
        "idx_campaign_type",
        "idx_status",
        "idx_start_date",
        "uk_company_campaign_code",
    },
    "crm_campaign_segments": {"idx_campaign_segment", "idx_segment_name"},
    "crm_campaign_templates": {
        "idx_template_code",
        "idx_template_type",
        "idx_is_default",
        "uk_company_template_code",
    },
    "crm_campaign_budgets": {
        "idx_budget_code",
        "idx_budget_type",
        "idx_fiscal_year",
        "uk_company_budget_code",
    },
}
BLUEPRINT_COLUMNS = {
    "crm_campaigns": {
        "id",
        "company_id",
        "created_by_user_id",
        "updated_by_user_id",
        "approved_by_user_id",
        "campaign_name",
        "campaign_code",
        "description",
        "campaign_type",
        "campaign_category",
        "primary_channel",
        "campaign_status",
        "approval_status",
        "start_date",
        "end_date",
        "total_budget",
        "actual_spend",
        "currency_code",
        "target_audience_size",
        "expected_conversion_rate",
        "target_roi",
        "created_at",
        "updated_at",
        "approved_at",
        "is_deleted",
        "deleted_at",
    },
    "crm_campaign_segments": {
        "id",
        "campaign_id",
        "segment_name",
        "segment_type",
        "demographic_criteria",
        "behavioral_criteria",
        "geographic_criteria",
        "psychographic_criteria",
        "target_count",
        "actual_count",
        "engagement_rate",
        "created_at",
        "updated_at",
    },
    "crm_campaign_templates": {
        "id",
        "template_name",
        "template_code",
        "description",
        "template_type",
        "campaign_structure",
        "default_settings",
        "content_template",
        "asset_references",
        "is_active",
        "is_default",
        "usage_count",
        "created_at",
        "updated_at",
    },
    "crm_campaign_budgets": {
        "id",
        "budget_name",
        "budget_code",
        "description",
        "budget_type",
        "allocation_rules",
        "approval_threshold",
        "currency_code",
        "cost_centers",
        "is_active",
        "fiscal_year",
        "created_at",
        "updated_at",
        "total_amount",
    },
}


@pytest.fixture
async def scratch_url(test_server_urls: ServerUrls):
    name = f"crm_migrate_{uuid.uuid4().hex[:8]}"
    admin = create_async_engine(
        to_asyncpg_url(test_server_urls.database_url), isolation_level="AUTOCOMMIT"
    )
    async with admin.connect() as connection:
        await connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield with_database(test_server_urls.database_url, name)
    async with admin.connect() as connection:
        await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    await admin.dispose()


async def _catalog(url: str) -> dict[str, object]:
    engine = create_async_engine(to_asyncpg_url(url))
    async with engine.connect() as connection:
        tables = set(
            (
                await connection.execute(
                    text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                )
            ).scalars()
        )
        indexes = {
            (row.tablename, row.indexname)
            for row in await connection.execute(
                text("SELECT tablename, indexname FROM pg_indexes WHERE schemaname = 'public'")
            )
        }
        columns = {
            (row.table_name, row.column_name)
            for row in await connection.execute(
                text(
                    "SELECT table_name, column_name FROM information_schema.columns "
                    "WHERE table_schema = 'public'"
                )
            )
        }
        constraints = set(
            (
                await connection.execute(
                    text(
                        "SELECT conname FROM pg_constraint c JOIN pg_namespace n "
                        "ON n.oid = c.connamespace WHERE n.nspname = 'public'"
                    )
                )
            ).scalars()
        )
        rls = {
            row.relname: (row.relrowsecurity, row.relforcerowsecurity)
            for row in await connection.execute(
                text(
                    "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class "
                    "WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace"
                )
            )
        }
    await engine.dispose()
    return {
        "tables": tables,
        "indexes": indexes,
        "columns": columns,
        "constraints": constraints,
        "rls": rls,
    }


async def test_upgrade_creates_every_table_index_and_constraint(scratch_url: str) -> None:
    await migrate.upgrade(scratch_url)
    catalog = await _catalog(scratch_url)
    assert set(Base.metadata.tables) <= catalog["tables"]
    for table, names in BLUEPRINT_INDEXES.items():
        assert {(table, name) for name in names} <= catalog["indexes"]
    for table, names in BLUEPRINT_COLUMNS.items():
        assert {(table, name) for name in names} <= catalog["columns"], table
    for table in Base.metadata.sorted_tables:
        for index in table.indexes:
            assert (table.name, index.name) in catalog["indexes"]
        for constraint in table.constraints:
            if constraint.name and not str(constraint.name).startswith("pk_"):
                assert (
                    constraint.name in catalog["constraints"]
                    or (table.name, constraint.name) in catalog["indexes"]
                ), constraint.name
        if "company_id" in table.c or table.name == "crm_companies":
            assert catalog["rls"][table.name] == (True, True), table.name
    assert {
        "ck_crm_campaigns_campaign_code_format",
        "ck_crm_campaigns_dates_ordered",
        "ck_crm_campaigns_total_budget_non_negative",
        "uq_crm_deliveries_campaign_id_contact_id_channel",
    } <= catalog["constraints"]


async def test_downgrade_returns_to_empty_and_upgrade_round_trips(scratch_url: str) -> None:
    await migrate.upgrade(scratch_url)
    first = await _catalog(scratch_url)
    await migrate.downgrade(scratch_url, "base")
    empty = await _catalog(scratch_url)
    assert empty["tables"] == {"alembic_version"}
    await migrate.upgrade(scratch_url)
    assert await _catalog(scratch_url) == first


async def test_parallel_upgrades_of_one_fresh_database_all_succeed_at_head(
    scratch_url: str,
) -> None:
    """Four processes (pods, test workers) starting together each run `crm migrate`: one runs
    the history, the others wait for it and find nothing left to do."""
    results = await asyncio.gather(
        *(migrate.upgrade(scratch_url) for _ in range(4)), return_exceptions=True
    )

    assert [r for r in results if isinstance(r, BaseException)] == []
    head = ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()
    engine = create_async_engine(to_asyncpg_url(scratch_url))
    try:
        async with engine.connect() as connection:
            versions = list(
                (
                    await connection.execute(text("SELECT version_num FROM alembic_version"))
                ).scalars()
            )
    finally:
        await engine.dispose()
    assert versions == [head]
    assert set(Base.metadata.tables) <= (await _catalog(scratch_url))["tables"]


async def test_contacts_keep_their_fixed_width_columns_first(scratch_url: str) -> None:
    """Row-level security reads company_id on every row; Postgres reaches a column by walking
    each variable-width column before it, so these must lead (migration 0002)."""
    await migrate.upgrade(scratch_url)
    engine = create_async_engine(to_asyncpg_url(scratch_url))
    async with engine.connect() as connection:
        columns = list(
            (
                await connection.execute(
                    text(
                        "SELECT column_name FROM information_schema.columns "
                        "WHERE table_name = 'crm_contacts' ORDER BY ordinal_position"
                    )
                )
            ).scalars()
        )
    await engine.dispose()
    assert columns[:7] == [
        "id",
        "company_id",
        "created_at",
        "updated_at",
        "birth_date",
        "latitude",
        "longitude",
    ]
    # sample_bucket (0003) is only ever read through its index, so it may trail the row. Columns
    # added later (0014, 0015, 0025) are appended by ALTER TABLE ... ADD COLUMN after it: they sit
    # behind every column row-level security and the hot paths read, so they cost no walking.
    tail = columns[columns.index("attributes") :]
    assert tail == [
        "attributes",
        "sample_bucket",
        "do_not_sell",
        "erased_at",
        "email_hash",
        "phone_hash",
        "email_domain",
        "pii_key_version",
        "version",
    ]
    assert set(columns) == set(Base.metadata.tables["crm_contacts"].c.keys())


async def test_0002_rebuilds_contacts_with_their_data_and_references(scratch_url: str) -> None:
    await migrate.upgrade(scratch_url, "0001")
    company, contact = uuid.uuid4(), uuid.uuid4()
    engine = create_async_engine(to_asyncpg_url(scratch_url))
    async with engine.begin() as connection:
        await connection.execute(
            text("INSERT INTO crm_companies (id, name, slug) VALUES (:id, 'Acme', 'acme')"),
            {"id": company},
        )
        await connection.execute(
            text(
                "INSERT INTO crm_contacts (id, company_id, external_id, email, interests, "
                "attributes, consented_channels) VALUES (:id, :company, 'c-1', "
                "'Ann@Example.COM', '{art}', '{\"tier\": \"gold\"}', '{email}')"
            ),
            {"id": contact, "company": company},
        )
        await connection.execute(
            text(
                "INSERT INTO crm_contact_events (company_id, event_id, contact_id, event_type, "
                "occurred_at) VALUES (:company, 'e-1', :contact, 'purchase', now())"
            ),
            {"company": company, "contact": contact},
        )
    await engine.dispose()

    await migrate.upgrade(scratch_url, "0002")
    engine = create_async_engine(to_asyncpg_url(scratch_url))
    async with engine.begin() as connection:
        row = (
            await connection.execute(
                text(
                    "SELECT email, interests, attributes, consented_channels "
                    "FROM crm_contacts WHERE id = :id"
                ),
                {"id": contact},
            )
        ).one()
        assert tuple(row) == ("ann@example.com", ["art"], {"tier": "gold"}, ["email"])
        with pytest.raises(DBAPIError, match="email_lower_case"):
            async with connection.begin_nested():
                await connection.execute(
                    text("UPDATE crm_contacts SET email = 'Ann@Example.COM' WHERE id = :id"),
                    {"id": contact},
                )
    await engine.dispose()

    # Later migrations keep the row: 0015 carries the email over as its UTF-8 bytes, unsealed
    # (no key version) until `crm encrypt-pii` runs, with its domain split out.
    await migrate.upgrade(scratch_url)
    engine = create_async_engine(to_asyncpg_url(scratch_url))
    async with engine.begin() as connection:
        row = (
            await connection.execute(
                text(
                    "SELECT email, email_domain, pii_key_version, interests, attributes, "
                    "consented_channels FROM crm_contacts WHERE id = :id"
                ),
                {"id": contact},
            )
        ).one()
        assert tuple(row) == (
            b"ann@example.com",
            "example.com",
            None,
            ["art"],
            {"tier": "gold"},
            ["email"],
        )
        # The events' foreign key was recreated on the new table: deleting cascades.
        await connection.execute(text("DELETE FROM crm_contacts WHERE id = :id"), {"id": contact})
        events = await connection.scalar(text("SELECT count(*) FROM crm_contact_events"))
        assert events == 0
    await engine.dispose()

    await migrate.downgrade(scratch_url, "0001")
    catalog = await _catalog(scratch_url)
    assert {
        "fk_crm_segment_memberships_company_id",
        "fk_crm_segment_memberships_segment_id",
        "fk_crm_segment_memberships_contact_id",
    } <= catalog["constraints"]
    assert "ck_crm_contacts_email_lower_case" not in catalog["constraints"]


async def test_0003_gives_existing_contacts_and_events_their_sample_bucket(
    scratch_url: str,
) -> None:
    await migrate.upgrade(scratch_url, "0002")
    company = uuid.uuid4()
    contacts = [uuid.uuid4() for _ in range(20)]
    engine = create_async_engine(to_asyncpg_url(scratch_url))
    async with engine.begin() as connection:
        await connection.execute(
            text("INSERT INTO crm_companies (id, name, slug) VALUES (:id, 'Acme', 'acme')"),
            {"id": company},
        )
        for number, contact in enumerate(contacts):
            await connection.execute(
                text(
                    "INSERT INTO crm_contacts (id, company_id, external_id) "
                    "VALUES (:id, :company, :external)"
                ),
                {"id": contact, "company": company, "external": f"c-{number}"},
            )
            await connection.execute(
                text(
                    "INSERT INTO crm_contact_events (company_id, event_id, contact_id, "
                    "event_type, occurred_at) VALUES (:company, :event, :contact, 'open', now())"
                ),
                {"company": company, "event": f"e-{number}", "contact": contact},
            )
    await engine.dispose()

    await migrate.upgrade(scratch_url)
    engine = create_async_engine(to_asyncpg_url(scratch_url))
    async with engine.begin() as connection:
        stored = {
            row.id: row.sample_bucket
            for row in await connection.execute(text("SELECT id, sample_bucket FROM crm_contacts"))
        }
        assert stored == {contact: sample_bucket(contact) for contact in contacts}
        # Several buckets, or the expression would not split anything.
        assert len(set(stored.values())) > 10
        mismatched = await connection.scalar(
            text(
                "SELECT count(*) FROM crm_contact_events e JOIN crm_contacts c "
                "ON c.id = e.contact_id WHERE e.sample_bucket <> c.sample_bucket"
            )
        )
        assert mismatched == 0
        # Rewritten, then vacuumed after the commit: the visibility map is back.
        visible = await connection.execute(
            text(
                "SELECT relname, relallvisible FROM pg_class "
                "WHERE relname IN ('crm_contacts', 'crm_contact_events')"
            )
        )
        assert {row.relname: row.relallvisible > 0 for row in visible} == {
            "crm_contacts": True,
            "crm_contact_events": True,
        }
        with pytest.raises(DBAPIError, match="can only be updated to DEFAULT"):
            async with connection.begin_nested():
                await connection.execute(text("UPDATE crm_contacts SET sample_bucket = 0"))
    await engine.dispose()

    await migrate.downgrade(scratch_url, "0002")
    catalog = await _catalog(scratch_url)
    assert ("crm_contacts", "sample_bucket") not in catalog["columns"]
    assert ("crm_contact_events", "sample_bucket") not in catalog["columns"]


async def _storage_parameters(url: str) -> dict[str, set[str]]:
    engine = create_async_engine(to_asyncpg_url(url))
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(
                text(
                    "SELECT relname, reloptions FROM pg_class WHERE relkind = 'r' "
                    "AND relnamespace = 'public'::regnamespace AND reloptions IS NOT NULL"
                )
            )
            return {row.relname: set(row.reloptions) for row in rows}
    finally:
        await engine.dispose()


async def test_0021_gives_the_churning_tables_tighter_autovacuum_thresholds(
    scratch_url: str,
) -> None:
    await migrate.upgrade(scratch_url)
    parameters = await _storage_parameters(scratch_url)
    for table in ("crm_outbox", "crm_idempotency_keys", "crm_processed_events", "crm_deliveries"):
        assert "autovacuum_vacuum_scale_factor=0.01" in parameters[table], table
    assert "autovacuum_vacuum_insert_scale_factor=0.05" in parameters["crm_contact_events"]
    assert "crm_campaigns" not in parameters

    await migrate.downgrade(scratch_url, "0020")
    assert await _storage_parameters(scratch_url) == {}
