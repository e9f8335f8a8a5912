"""Responses with field-level security: budget figures only for `view_budget`.

An endpoint returns its payload through `respond`; FastAPI then validates it against the route's
`response_model` and serialises it, and the schemas' serialiser (`crm_common.schemas`) leaves the
budget figures out for a principal without `view_budget`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from fastapi import Response

from crm_common.masking import redact_budget
from crm_common.schemas import respond_to
from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal

P = TypeVar("P")


def visible(data: Any, principal: Principal) -> Any:
    """`data` (JSON-mode dicts and lists) as `principal` may see it."""
    return data if principal.has(Permission.VIEW_BUDGET) else redact_budget(data)


def respond(
    payload: P,
    principal: Principal,
    response: Response | None = None,
    *,
    status_code: int | None = None,
    headers: Mapping[str, str] | None = None,
) -> P:
    """`payload`, to be validated and serialised by the route's response model as `principal`
    may see it; `status_code` and `headers` go on the route's `response`."""
    if (status_code is not None or headers) and response is None:
        raise TypeError("status_code and headers need the endpoint's Response parameter")
    if response is not None:
        if status_code is not None:
            response.status_code = status_code
        response.headers.update(headers or {})
    respond_to(principal)
    return payload
