"""Writing the immutable audit log inside the caller's transaction."""

from __future__ import annotations

import ipaddress
import uuid
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.models import AuditLog


@dataclass(frozen=True)
class RequestMeta:
    """Where a change came from."""

    request_id: str | None = None
    client_ip: str | None = None
    user_agent: str | None = None

    @classmethod
    def from_request(cls, request: Request) -> RequestMeta:
        ip = request.client.host if request.client else None
        try:
            ip = str(ipaddress.ip_address(ip)) if ip else None
        except ValueError:
            ip = None
        agent = request.headers.get("user-agent")
        return cls(
            request_id=getattr(request.state, "request_id", None),
            client_ip=ip,
            user_agent=agent[:255] if agent else None,
        )


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
    """Append one audit row; values must be JSON-ready (use `jsonable`)."""
    meta = meta or RequestMeta()
    session.add(
        AuditLog(
            company_id=company_id,
            actor_user_id=actor_user_id,
            action=action,
            entity_type=entity_type,
            entity_id=entity_id,
            old_values=old_values,
            new_values=new_values,
            request_id=meta.request_id,
            client_ip=meta.client_ip,
            user_agent=meta.user_agent,
        )
    )
    await session.flush()
