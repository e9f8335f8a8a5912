"""Idempotency keys: the first response to a keyed POST is stored and replayed for the same
key; the same key with different parameters is a 422. Keys live at least 24 hours.

The claim is an upsert inside the request's transaction, so a concurrent request with the
same key waits on the first one's row and then replays its committed response; a request
that fails rolls its claim back and the key can be used again."""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import Header
from sqlalchemy.dialects.postgresql import insert

from crm_common.errors import Conflict, ValidationFailed
from crm_common.models import IdempotencyKey
from crm_common.tenancy import TenantScope

KEY_TTL = timedelta(hours=24)
REPLAY_HEADER = "Idempotent-Replayed"

IdempotencyKeyHeader = Annotated[
    str,
    Header(
        alias="Idempotency-Key",
        min_length=8,
        max_length=255,
        pattern=r"^[\x21-\x7e]+$",
        description="A unique key per intended action (e.g. a UUID); retries with the same key "
        "replay the first response.",
    ),
]


class IdempotencyKeyReused(ValidationFailed):
    error_code = "idempotency_key_reused"
    message = "This Idempotency-Key was used for a different request."


class IdempotencyKeyInFlight(Conflict):
    error_code = "idempotency_key_in_flight"
    message = "A request with this Idempotency-Key is still being processed."


@dataclass(frozen=True)
class StoredResponse:
    status_code: int
    body: dict[str, Any]


def request_fingerprint(*parts: Any) -> str:
    """A stable hash of what makes two requests "the same"."""
    canonical = json.dumps(parts, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


async def claim(
    scope: TenantScope,
    *,
    key: str,
    operation: str,
    user_id: uuid.UUID,
    fingerprint: str,
) -> StoredResponse | None:
    """None when this request owns the key (go ahead, then `store`); the stored response
    when the key was already used for the same request; 422 for a different request."""
    now = datetime.now(UTC)
    values = {
        "key": key,
        "scope": operation,
        "company_id": scope.company_id,
        "user_id": user_id,
        "request_hash": fingerprint,
        "response_status": None,
        "response_body": None,
        "created_at": now,
        "expires_at": now + KEY_TTL,
    }
    upsert = insert(IdempotencyKey).values(**values)
    statement = upsert.on_conflict_do_update(
        index_elements=[IdempotencyKey.key, IdempotencyKey.scope, IdempotencyKey.company_id],
        set_={
            name: upsert.excluded[name]
            for name in values
            if name not in ("key", "scope", "company_id")
        },
        where=IdempotencyKey.expires_at < now,
    ).returning(IdempotencyKey.key)
    if (await scope.session.execute(statement)).scalar_one_or_none() is not None:
        return None
    existing = (
        await scope.session.execute(
            scope.select(
                IdempotencyKey, IdempotencyKey.key == key, IdempotencyKey.scope == operation
            )
        )
    ).scalar_one()
    if existing.request_hash != fingerprint:
        raise IdempotencyKeyReused()
    if existing.response_status is None or existing.response_body is None:
        raise IdempotencyKeyInFlight()
    return StoredResponse(existing.response_status, existing.response_body)


async def store(
    scope: TenantScope, *, key: str, operation: str, status_code: int, body: dict[str, Any]
) -> None:
    """Keep the response of the request that owns the key."""
    statement = scope.update(
        IdempotencyKey, IdempotencyKey.key == key, IdempotencyKey.scope == operation
    ).values(response_status=status_code, response_body=body)
    await scope.session.execute(statement)
