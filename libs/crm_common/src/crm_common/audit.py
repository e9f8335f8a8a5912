"""Writing the immutable audit log inside the caller's transaction."""

from __future__ import annotations

import ipaddress
import uuid
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.db import stage_row
from crm_common.models import AuditLog


@dataclass(frozen=True)
class RequestMeta:
    """Where a change came from."""

    request_id: str | None = None
    client_ip: str | None = None
    user_agent: str | None = None

    @classmethod
    def of(
        cls,
        request_id: str | None,
        client: Iterable[Any] | None,
        headers: Iterable[tuple[bytes, bytes]],
    ) -> RequestMeta:
        """Built from an ASGI request's id, `client` (host, port) and raw headers."""
        host = next(iter(client), None) if client else None
        try:
            ip = str(ipaddress.ip_address(host)) if host else None
        except ValueError:
            ip = None
        agent = next((v for k, v in headers if k.lower() == b"user-agent"), None)
        return cls(
            request_id=request_id,
            client_ip=ip,
            user_agent=agent.decode("latin-1")[:255] if agent else None,
        )


class PendingRequestMeta:
    """A request's id, client and headers, made into its `RequestMeta` on first use: most
    requests change nothing and never need the client address parsed."""

    __slots__ = ("_client", "_headers", "_meta", "_request_id")

    def __init__(
        self,
        request_id: str | None,
        client: Iterable[Any] | None,
        headers: Iterable[tuple[bytes, bytes]],
    ) -> None:
        self._request_id = request_id
        self._client = client
        self._headers = headers
        self._meta: RequestMeta | None = None

    def resolve(self) -> RequestMeta:
        if self._meta is None:
            self._meta = RequestMeta.of(self._request_id, self._client, self._headers)
        return self._meta


# Set for each request by the request-context middleware (like the correlation id), so
# service code records where a change came from without passing it along every call.
request_meta_var: ContextVar[PendingRequestMeta | None] = ContextVar("request_meta", default=None)


def current_request_meta() -> RequestMeta:
    """The metadata of the request being served; empty outside a request (jobs, scripts)."""
    pending = request_meta_var.get()
    return pending.resolve() if pending is not None else RequestMeta()


async def record(
    session: AsyncSession,
    *,
    company_id: uuid.UUID,
    actor_user_id: uuid.UUID | None,
    action: str,
    entity_type: str,
    entity_id: uuid.UUID,
    old_values: dict[str, Any] | None = None,
    new_values: dict[str, Any] | None = None,
    meta: RequestMeta | None = None,
) -> None:
    """Append one audit row; values must be JSON-ready (use `jsonable`). The request's
    metadata comes from the current request unless `meta` is given.

    The row is staged (`crm_common.db.stage_row`): written with the transaction's other
    staged rows just before COMMIT. Its insert takes the company's chain lock (migration
    0016), held until the transaction ends, so writing it last keeps every other writer of
    the company waiting one round trip instead of the rest of the request."""
    meta = meta or current_request_meta()
    stage_row(
        session,
        AuditLog,
        {
            "company_id": company_id,
            "actor_user_id": actor_user_id,
            "action": action,
            "entity_type": entity_type,
            "entity_id": entity_id,
            "old_values": old_values,
            "new_values": new_values,
            "request_id": meta.request_id,
            "client_ip": meta.client_ip,
            "user_agent": meta.user_agent,
        },
    )
