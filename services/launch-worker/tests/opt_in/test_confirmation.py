"""The double opt-in confirmation message, sent through the company's email adapter for an
open request only; implied consent past its end expired company by company; a launch never
resolves a pending contact."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from crm_common.db import Database
from crm_common.events import EventEnvelope
from crm_common.models import Company, Contact
from crm_common.privacy import consent as ledger
from crm_common.privacy.opt_in_tokens import OptInSigner
from crm_common.resources import Resources
from crm_common.tenancy import TenantScope
from crm_common.testing.builders import make_company
from launch_worker.channels.registry import ChannelRegistry
from launch_worker.opt_in.consumers import requests_handler
from launch_worker.opt_in.service import expire_consent, send_confirmation

from ..launches.conftest import (
    RecordingAdapter,
    add_contacts,
    load_launch,
    make_world,
    request_launch,
    wait_for,
)


async def _pending_contact(db: Database, company: Company) -> tuple[uuid.UUID, uuid.UUID]:
    [contact] = await add_contacts(db, company, 1, consent=())
    async with db.tenant_session(company.id) as session:
        scope = TenantScope(session, company.id)
        await ledger.lock_contacts(scope, [contact.id])
        recorded = await ledger.record(
            scope,
            [ledger.ConsentInput(contact.id, "email", True, "signup_form")],
            ledger.ConsentContext(recorded_at=datetime.now(UTC)),
        )
    [(contact_id, request_id)] = recorded.requests
    return contact_id, request_id


def _registry(resources: Resources, adapter: RecordingAdapter) -> ChannelRegistry:
    registry = ChannelRegistry(resources.settings)
    registry.install(adapter)
    return registry


async def test_an_open_request_gets_one_signed_confirmation(
    db: Database, resources: Resources
) -> None:
    company = await make_company(
        db, "doi", double_opt_in_email=True, sender={"from_name": "Acme News"}
    )
    contact_id, request_id = await _pending_contact(db, company)
    adapter = RecordingAdapter()
    signer = OptInSigner.from_settings(resources.settings)

    sent = await send_confirmation(
        db,
        _registry(resources, adapter),
        signer,
        "https://crm.example.com",
        company_id=company.id,
        contact_id=contact_id,
        request_id=request_id,
    )

    assert sent is not None
    [message] = adapter.messages
    assert message.recipient == "c0@example.com"
    assert message.idempotency_key == f"opt-in-{request_id}"
    assert "Acme News" in (message.subject or "")
    token = message.text.split("https://crm.example.com/t/opt-in/")[1].split()[0]
    claims = signer.verify(token)
    assert (claims.company_id, claims.contact_id, claims.request_id) == (
        company.id,
        contact_id,
        request_id,
    )
    assert "Acme News" in message.text  # the sender and its postal address close the message


async def test_a_confirmed_or_withdrawn_request_sends_nothing(
    db: Database, resources: Resources
) -> None:
    company = await make_company(db, "doi2", double_opt_in_email=True)
    contact_id, request_id = await _pending_contact(db, company)
    async with db.tenant_session(company.id) as session:
        scope = TenantScope(session, company.id)
        await ledger.lock_contacts(scope, [contact_id])
        await ledger.record(
            scope,
            [ledger.ConsentInput(contact_id, "email", False, "preference_center")],
            ledger.ConsentContext(recorded_at=datetime.now(UTC)),
        )
    adapter = RecordingAdapter()
    handler = requests_handler(resources, _registry(resources, adapter))
    await handler(
        EventEnvelope(
            type=ledger.CONFIRMATION_REQUESTED,
            company_id=company.id,
            data={"contact_id": str(contact_id), "request_id": str(request_id)},
        )
    )
    await handler(
        EventEnvelope(
            type=ledger.CONFIRMATION_REQUESTED, company_id=company.id, data={"contact_id": "x"}
        )
    )
    assert adapter.messages == []


async def test_expired_consent_is_withdrawn_in_every_company(
    db: Database, resources: Resources
) -> None:
    companies = [await make_company(db, f"exp-{i}") for i in range(2)]
    contacts = []
    for company in companies:
        [contact] = await add_contacts(db, company, 1, consent=())
        async with db.tenant_session(company.id) as session:
            scope = TenantScope(session, company.id)
            await ledger.lock_contacts(scope, [contact.id])
            await ledger.record(
                scope,
                [ledger.ConsentInput(contact.id, "email", True, "purchase", legal_basis="implied")],
                ledger.ConsentContext(recorded_at=datetime.now(UTC) - timedelta(days=800)),
            )
        contacts.append(contact.id)

    assert await expire_consent(db) == 2
    assert await expire_consent(db) == 0
    async with db.system_session() as session:
        arrays = (
            await session.execute(
                select(Contact.consented_channels).where(Contact.id.in_(contacts))
            )
        ).scalars()
        assert [list(a) for a in arrays] == [[], []]


async def test_a_launch_sends_to_confirmed_contacts_only(
    db: Database, resources: Resources, adapter: RecordingAdapter, start_runtime
) -> None:
    world = await make_world(db, company_settings={"double_opt_in_email": True})
    confirmed = await add_contacts(db, world.company, 2, prefix="ok", consent=("email",))
    pending = []
    for _ in range(3):
        contact_id, _request = await _pending_contact(db, world.company)
        pending.append(contact_id)
    launch = await request_launch(world)
    await start_runtime()

    async def finished() -> bool:
        return (await load_launch(db, launch.id)).finished_at is not None

    await wait_for(finished)
    done = await load_launch(db, launch.id)
    assert done.launch_status == "completed"
    assert done.total_recipients == 2
    assert set(adapter.recipients()) == {c.email for c in confirmed}
