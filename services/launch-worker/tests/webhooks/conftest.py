"""A real HTTP receiver on 127.0.0.1 (uvicorn in the test's loop) answering as scripted,
subscriptions written straight to the database, and a dispatcher over tunable settings."""

from __future__ import annotations

import asyncio
import dataclasses
import uuid
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
import uvicorn

from crm_common.models import Company, WebhookAllowList, WebhookSubscription
from crm_common.resources import Resources
from crm_common.testing.builders import make_company
from crm_common.webhooks.addresses import Resolver, system_resolver
from crm_common.webhooks.secrets import WebhookSecretBox
from crm_common.webhooks.signing import new_secret
from launch_worker.webhooks.service import WebhookDispatcher
from launch_worker.webhooks.transport import WebhookSender


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """Records every request; answers with the scripted (status, headers, body) replies in
    order, then 200."""

    port: int = 0
    requests: list[Received] = field(default_factory=list)
    replies: deque[tuple[int, dict[str, str], bytes]] = field(default_factory=deque)

    def url(self, path: str = "/hook", host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def answer(self, status: int, body: bytes = b"", **headers: str) -> None:
        self.replies.append((status, headers, body))

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
        self.requests.append(Received(scope["method"], scope["path"], headers, body))
        status, extra, reply = self.replies.popleft() if self.replies else (200, {}, b"ok")
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(k.lower().encode(), v.encode()) for k, v in extra.items()],
            }
        )
        await send({"type": "http.response.body", "body": reply})


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    app = Receiver()
    config = uvicorn.Config(app, host="127.0.0.1", port=0, lifespan="off", log_level="warning")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    app.port = server.servers[0].sockets[0].getsockname()[1]
    yield app
    server.should_exit = True
    await task


@pytest.fixture
def resolver_of() -> Callable[[dict[str, list[str]]], Resolver]:
    """`resolver_of({"name": ["10.0.0.1"]})`: resolves those names as told, anything else
    through the system resolver; `.calls` lists the names asked for."""

    def build(names: dict[str, list[str]]) -> Resolver:
        calls: list[str] = []

        async def resolve(host: str, port: int) -> list[str]:
            calls.append(host)
            if host in names:
                return names[host]
            return await system_resolver(host, port)

        resolve.calls = calls  # type: ignore[attr-defined]
        return resolve

    return build


@pytest.fixture
def tuned(resources: Resources) -> Callable[..., Resources]:
    """`tuned(webhook_max_attempts=2, …)`: the test resources with some settings changed."""

    def build(**settings: Any) -> Resources:
        changed = resources.settings.model_copy(update=settings)
        return dataclasses.replace(resources, settings=changed)

    return build


@pytest.fixture
async def dispatcher_for(tuned) -> AsyncIterator[Callable[..., WebhookDispatcher]]:
    """`dispatcher_for(resolver, **settings)`: a dispatcher with short timeouts."""
    made: list[WebhookDispatcher] = []

    def build(resolver: Resolver = system_resolver, **settings: Any) -> WebhookDispatcher:
        resources = tuned(
            **{"webhook_connect_timeout_s": 1.0, "webhook_timeout_s": 3.0, **settings}
        )
        dispatcher = WebhookDispatcher(resources, WebhookSender(resources.settings, resolver))
        made.append(dispatcher)
        return dispatcher

    yield build
    for dispatcher in made:
        await dispatcher.aclose()


@dataclass
class Hook:
    company: Company
    subscription: WebhookSubscription
    secret: str


@pytest.fixture
def make_hook(db, settings) -> Callable[..., Awaitable[Hook]]:
    """A company with one subscription (straight into the database) and its allow-list."""

    async def build(
        url: str,
        *,
        event_types: tuple[str, ...] = ("campaign.created",),
        allow: tuple[str, ...] = (),
        status: str = "active",
        company: Company | None = None,
    ) -> Hook:
        company = company or await make_company(db)
        secret = new_secret()
        subscription_id = uuid.uuid4()
        subscription = WebhookSubscription(
            id=subscription_id,
            company_id=company.id,
            name="Receiver",
            url=url,
            event_types=list(event_types),
            status=status,
            secret_sealed=WebhookSecretBox(settings).seal(secret, subscription_id),
            consecutive_failures=0,
        )
        async with db.system_session() as session:
            session.add(subscription)
            if allow:
                session.add(WebhookAllowList(company_id=company.id, entries=list(allow)))
        return Hook(company, subscription, secret)

    return build
