"""A full flow through the all-in-one — contacts with a known email, phone and name, a segment
built on them, a test send, a launch to them, a tracked click and an unsubscribe, with errors
on the way — under uvicorn with structlog and the standard library logging at DEBUG: none of
the contacts' emails, phone numbers or names appears in anything logged."""

import asyncio
import contextlib
import logging
import re
import socket
import sys
import time
import uuid
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
import structlog
import uvicorn
from sqlalchemy import select

from crm_cli.gateway import Gateway, build_apps
from crm_common import logging as crm_logging
from crm_common.db import Database
from crm_common.models import Delivery, MessageLink
from crm_common.resources import Resources
from crm_common.settings import Settings
from crm_common.testing.builders import TEST_PASSWORD, make_company, make_email_campaign, make_user
from crm_common.tracking_tokens import TrackingClaims, TrackingKind, TrackingSigner

pytestmark = pytest.mark.slow

TAG = uuid.uuid4().hex[:8]
PEOPLE = [
    {
        "external_id": f"pii-{TAG}-1",
        "email": f"zelda.quorn.{TAG}@pii-probe.example",
        "phone": "+14155550187",
        "first_name": f"Zelda{TAG}",
        "last_name": f"Quorn{TAG}",
        "consent": {"email": True, "sms": True},
        "attributes": {"probe": TAG},
    },
    {
        "external_id": f"pii-{TAG}-2",
        "email": f"yannick.brevard.{TAG}@pii-probe.example",
        "phone": "+442079460958",
        "first_name": f"Yannick{TAG}",
        "last_name": f"Brevard{TAG}",
        "consent": {"email": True},
        "attributes": {"probe": TAG},
    },
]
HTML = (
    "<p>Hi {{ first_name }} {{ last_name }} ({{ email }})</p>"
    '<p><a href="https://shop.example.com/spring">Shop</a></p>'
)


def _secrets() -> list[str]:
    found = []
    for person in PEOPLE:
        found += [person["email"], person["first_name"], person["last_name"], person["phone"]]
        found.append(person["phone"][-7:])  # the subscriber number, however it is formatted
        found.append(person["email"].split("@")[0])
    return found


@contextlib.contextmanager
def process_streams() -> Iterator[None]:
    """sys.stdout/sys.stderr as the process's own file descriptors while handlers are built:
    what they write then reaches fd 1 and 2, which `capfd` captures, and never a test-run
    stream that closes meanwhile."""
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    try:
        yield
    finally:
        sys.stdout, sys.stderr = streams


@pytest.fixture
def debug_logging() -> Iterator[None]:
    """The product's logging pipeline at DEBUG for this test, the previous one after it."""
    root = logging.getLogger()
    previous = (root.level, list(root.handlers), logging.getLogRecordFactory())
    with process_streams():
        crm_logging.configure_logging("DEBUG", json=True, force=True)
    yield
    structlog.reset_defaults()
    root.handlers[:] = previous[1]
    root.setLevel(previous[0])
    logging.setLogRecordFactory(previous[2])
    crm_logging._configured = False


@pytest.fixture
async def stack(db: Database, settings: Settings, debug_logging) -> AsyncIterator[str]:
    """The all-in-one gateway (all four services, the worker and relays) under uvicorn with
    its access log on."""
    resources = Resources.open(settings, name="crm-pii-logs")
    gateway = Gateway(resources, build_apps(resources), spa_dir=None)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    with process_streams():
        config = uvicorn.Config(gateway, log_level="debug", access_log=True, lifespan="on")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        await asyncio.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    await task


async def _wait_launch(api: httpx.AsyncClient, launch_id: str, headers) -> dict:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        body = (await api.get(f"/api/launches/{launch_id}/", headers=headers)).json()
        if body.get("launch_status") in ("completed", "failed", "cancelled"):
            return body
        await asyncio.sleep(0.5)
    raise AssertionError(f"launch not finished: {body}")


async def test_a_full_flow_logs_no_contact_data(
    db: Database, settings: Settings, stack: str, capfd
) -> None:
    company = await make_company(db)
    admin = await make_user(db, company, "admin")
    async with httpx.AsyncClient(base_url=stack, timeout=30) as api:
        token = await api.post(
            "/api/auth/token", data={"username": admin.email, "password": TEST_PASSWORD}
        )
        assert token.status_code == 200, token.text
        headers = {"Authorization": f"Bearer {token.json()['access_token']}"}

        for person in PEOPLE:
            created = await api.post("/api/contacts/", json=person, headers=headers)
            assert created.status_code == 201, created.text
        duplicate = await api.post("/api/contacts/", json=PEOPLE[0], headers=headers)
        assert duplicate.status_code in (409, 422), duplicate.text
        listed = await api.get(
            "/api/contacts/", params={"email": PEOPLE[0]["email"]}, headers=headers
        )
        assert listed.status_code in (200, 422), listed.text

        criteria = {"field": "email", "op": "in", "value": [p["email"] for p in PEOPLE]}
        estimate = await api.post(
            "/api/segments/estimate/",
            json={"demographic_criteria": criteria, "channel": "email"},
            headers=headers,
        )
        assert estimate.status_code == 200, estimate.text
        assert estimate.json()["count"] == 2
        campaign, _ = await make_email_campaign(
            db,
            company,
            admin,
            content=HTML,
            subject="Hi {{ first_name }}",
            criteria={"field": "attributes.probe", "op": "eq", "value": TAG},
        )
        tested = await api.post(
            f"/api/campaigns/{campaign.id}/test-send/",
            json={"to": PEOPLE[1]["email"]},
            headers=headers,
        )
        assert tested.status_code == 202, tested.text

        launched = await api.post(
            f"/api/campaigns/{campaign.id}/launch/",
            json={},
            headers={**headers, "Idempotency-Key": f"pii-{TAG}"},
        )
        assert launched.status_code == 202, launched.text
        finished = await _wait_launch(api, launched.json()["launch"]["id"], headers)
        assert finished["launch_status"] == "completed", finished

        async with db.tenant_session(company.id) as session:
            delivery = (
                (await session.execute(select(Delivery).where(Delivery.campaign_id == campaign.id)))
                .scalars()
                .first()
            )
            link = (
                (
                    await session.execute(
                        select(MessageLink).where(MessageLink.delivery_id == delivery.id)
                    )
                )
                .scalars()
                .first()
            )
        signer = TrackingSigner.from_settings(settings)
        ids = {
            "company_id": company.id,
            "delivery_id": delivery.id,
            "contact_id": delivery.contact_id,
            "campaign_id": campaign.id,
        }
        click = await api.get(
            f"/t/c/{signer.mint(TrackingClaims(kind=TrackingKind.CLICK, position=link.position, **ids))}"
        )
        assert click.status_code == 302, click.text
        unsubscribe = await api.post(
            f"/t/u/{signer.mint(TrackingClaims(kind=TrackingKind.UNSUBSCRIBE, position=None, **ids))}",
            data={"List-Unsubscribe": "One-Click"},
        )
        assert unsubscribe.status_code == 200, unsubscribe.text

    captured = capfd.readouterr()
    logs = captured.out + captured.err
    assert "/api/contacts/?email=" in logs, "the access log with the query string was captured"
    assert re.search(r"DEBUG", logs), "DEBUG lines were captured"
    leaked = [secret for secret in _secrets() if secret in logs]
    assert leaked == [], [line for line in logs.splitlines() if any(s in line for s in leaked)][:20]
