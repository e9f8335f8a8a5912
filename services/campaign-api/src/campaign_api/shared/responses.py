"""JSON responses with field-level security applied: budget figures only for `view_budget`."""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel

from crm_common.masking import redact_budget
from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal


def visible(data: Any, principal: Principal) -> Any:
    """`data` as `principal` may see it."""
    return data if principal.has(Permission.VIEW_BUDGET) else redact_budget(data)


def respond(
    payload: BaseModel | dict[str, Any] | list[Any],
    principal: Principal,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """Serialise `payload` (JSON mode: decimals as strings, datetimes ISO 8601) for `principal`."""
    data = payload.model_dump(mode="json") if isinstance(payload, BaseModel) else payload
    return JSONResponse(visible(data, principal), status_code=status_code, headers=headers)
