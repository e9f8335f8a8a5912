"""OpenAPI `responses=` entries for several error classes, grouped by status code (one
example per error code)."""

from __future__ import annotations

from typing import Any

from crm_common.errors import CRMError, ErrorBody


def errors(*classes: type[CRMError]) -> dict[int | str, dict[str, Any]]:
    grouped: dict[int, list[type[CRMError]]] = {}
    for cls in classes:
        grouped.setdefault(cls.status_code, []).append(cls)
    responses: dict[int | str, dict[str, Any]] = {}
    for status, members in sorted(grouped.items()):
        examples = {
            cls.error_code: {
                "summary": cls.message,
                "value": {"error_code": cls.error_code, "message": cls.message, "details": {}},
            }
            for cls in members
        }
        responses[status] = {
            "model": ErrorBody,
            "description": " / ".join(dict.fromkeys(cls.message for cls in members)),
            "content": {"application/json": {"examples": examples}},
        }
    return responses
