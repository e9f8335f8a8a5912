"""One error hierarchy, one renderer: `{error_code, message, details}` (README "Contracts")."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

log = structlog.get_logger(__name__)


class ErrorBody(BaseModel):
    """The body of every non-2xx JSON response."""

    error_code: str
    message: str
    details: dict[str, Any] = {}


class CRMError(Exception):
    """Base of every error a service raises on purpose."""

    status_code = 400
    error_code = "bad_request"
    message = "The request could not be processed."

    def __init__(
        self,
        message: str | None = None,
        *,
        error_code: str | None = None,
        status_code: int | None = None,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.message = message or self.message
        self.error_code = error_code or self.error_code
        self.status_code = status_code or self.status_code
        self.details = details or {}
        self.headers = headers
        super().__init__(self.message)

    @classmethod
    def openapi(cls, description: str | None = None) -> dict[int | str, dict[str, Any]]:
        """A `responses=` entry documenting this error."""
        return {
            cls.status_code: {
                "model": ErrorBody,
                "description": description or cls.message,
                "content": {
                    "application/json": {
                        "example": {
                            "error_code": cls.error_code,
                            "message": cls.message,
                            "details": {},
                        }
                    }
                },
            }
        }


class NotAuthenticated(CRMError):
    status_code = 401
    error_code = "not_authenticated"
    message = "Authentication is required."

    def __init__(self, message: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("headers", {"WWW-Authenticate": "Bearer"})
        super().__init__(message, **kwargs)


class InvalidToken(NotAuthenticated):
    error_code = "invalid_token"
    message = "The token is invalid or expired."


class SessionRevoked(NotAuthenticated):
    error_code = "session_revoked"
    message = "The session has ended (signed out, revoked or the account changed); sign in again."


class PermissionDenied(CRMError):
    status_code = 403
    error_code = "permission_denied"
    message = "You do not have permission to do this."


class NotFound(CRMError):
    status_code = 404
    error_code = "not_found"
    message = "The resource was not found."


class ContactNotFound(NotFound):
    """A contact of the company's audience (every service that reads contacts raises this)."""

    error_code = "contact_not_found"
    message = "The contact was not found."


class Conflict(CRMError):
    status_code = 409
    error_code = "conflict"
    message = "The request conflicts with the current state."


class PreconditionFailed(CRMError):
    status_code = 412
    error_code = "precondition_failed"
    message = "The resource was changed by someone else; reload and try again."


class PayloadTooLarge(CRMError):
    status_code = 413
    error_code = "payload_too_large"
    message = "The request body is too large."


class ValidationFailed(CRMError):
    status_code = 422
    error_code = "validation_error"
    message = "The request is not valid."


class RateLimited(CRMError):
    status_code = 429
    error_code = "rate_limited"
    message = "Too many requests; slow down."

    def __init__(self, retry_after: int, **kwargs: Any) -> None:
        super().__init__(
            headers={"Retry-After": str(retry_after)},
            details={"retry_after": retry_after},
            **kwargs,
        )


class ServiceUnavailable(CRMError):
    status_code = 503
    error_code = "service_unavailable"
    message = "A backing service is unavailable."


def error_responses(*errors: type[CRMError]) -> dict[int | str, dict[str, Any]]:
    """A `responses=` entry documenting several errors; those sharing a status code are
    listed as named examples of it instead of overwriting one another."""
    responses: dict[int | str, dict[str, Any]] = {}
    for error in errors:
        example = {"error_code": error.error_code, "message": error.message, "details": {}}
        entry = responses.setdefault(
            error.status_code,
            {
                "model": ErrorBody,
                "description": error.message,
                "content": {"application/json": {"examples": {}}},
            },
        )
        examples = entry["content"]["application/json"]["examples"]
        if examples:
            entry["description"] = "; ".join(
                [*(e["summary"] for e in examples.values()), error.message]
            )
        examples[error.error_code] = {"summary": error.message, "value": example}
    return responses


COMMON_RESPONSES: dict[int | str, dict[str, Any]] = error_responses(
    NotAuthenticated, InvalidToken, SessionRevoked, PermissionDenied, ValidationFailed
)
"""What any authenticated route may answer: no, a bad or an ended session, a missing
permission, an invalid request."""


_STATUS_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
}


def error_response(
    status_code: int,
    error_code: str,
    message: str,
    details: dict[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body = {"error_code": error_code, "message": message, "details": details or {}}
    return JSONResponse(body, status_code=status_code, headers=headers)


_UNION_BRANCH = re.compile(r"^(none|[a-z]+(-[a-z]+)+|[a-z][a-z-]*\[.+\])$")
"""The tag pydantic puts in an error's location for the member of a union that refused the
value (`none`, `constrained-str`, `str-enum[Channel]`, `function-after[...]`): the
validator's anatomy, not a field the caller sent."""
_NOT_NONE = "Input should be None"


def _field_path(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [
        str(part)
        for index, part in enumerate(loc)
        if part not in ("body", "query", "path", "header")
        and not (index > 1 and isinstance(part, str) and _UNION_BRANCH.match(part))
    ]
    return ".".join(parts) or "body"


def validation_details(errors: Sequence[Any]) -> dict[str, Any]:
    """Per-field messages keyed by dotted path (a body's fields set to null that may not be
    are each reported under their own name). A union's members answer for the field they
    belong to, and an optional field's "should be None" is left out beside the reason its
    value was refused; a body that is not JSON is reported on `body`, where it broke."""
    fields: dict[str, list[str]] = {}
    for error in errors:
        if error.get("type") == "json_invalid":
            position = next((p for p in error.get("loc", ()) if isinstance(p, int)), None)
            where = f" at character {position}" if position is not None else ""
            fields.setdefault("body", []).append(f"{error.get('msg')}{where}")
            continue
        path = _field_path(error.get("loc", ()))
        named = (
            (error.get("ctx") or {}).get("fields") if error.get("type") == "null_refused" else None
        )
        if named:
            prefix = "" if path == "body" else f"{path}."
            for name in named:
                fields.setdefault(f"{prefix}{name}", []).append("cannot be null")
            continue
        messages = fields.setdefault(path, [])
        message = str(error.get("msg"))
        if message not in messages:
            messages.append(message)
    for messages in fields.values():
        if len(messages) > 1 and _NOT_NONE in messages:
            messages.remove(_NOT_NONE)
    return {"fields": fields}


# status: (error code, message, details of the example, description)
_ANY_OPERATION = {
    "500": (
        "internal_error",
        "An unexpected error occurred.",
        {"request_id": "7c9e6679-7425-40de-944b-e07fc1f90ae7"},
        "An unexpected error; `details.request_id` names it in the log.",
    )
}
NOT_JSON = "The body must be sent as JSON (Content-Type: application/json)."
_WITH_BODY = {
    "413": (
        "payload_too_large",
        "The request body is too large.",
        {},
        "The body is larger than the service takes (CRM_MAX_BODY_BYTES).",
    ),
    "415": (
        "unsupported_media_type",
        NOT_JSON,
        {"content_type": "text/plain", "expected": "application/json"},
        "The body is compressed, or not in the media type the operation takes.",
    ),
}
OPENAPI_METHODS = ("get", "put", "post", "delete", "patch")
"""The operations of an OpenAPI path item (its other keys are parameters and summaries)."""


def amend_operations(app: FastAPI, amend: Callable[[str, dict[str, Any]], None]) -> None:
    """Have `app`'s OpenAPI document pass each operation through `amend(path, operation)`
    once it is built, with `ErrorBody` among its schemas for the responses it adds."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        schema = build()
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        schemas.setdefault("ErrorBody", ErrorBody.model_json_schema())
        for path, item in schema.get("paths", {}).items():
            for method, operation in item.items():
                if method in OPENAPI_METHODS:
                    amend(path, operation)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def document_http_errors(app: FastAPI) -> None:
    """Make `app`'s OpenAPI document list what any operation may answer besides its own
    errors: a 500 everywhere, a 413 and a 415 where a body is sent (README "Contracts")."""

    def amend(_: str, operation: dict[str, Any]) -> None:
        answers = {**_ANY_OPERATION, **(_WITH_BODY if "requestBody" in operation else {})}
        responses = operation.setdefault("responses", {})
        for status, (code, message, details, description) in answers.items():
            example = {"error_code": code, "message": message, "details": details}
            content = {"schema": {"$ref": "#/components/schemas/ErrorBody"}, "example": example}
            responses.setdefault(
                status, {"description": description, "content": {"application/json": content}}
            )

    amend_operations(app, amend)


def _body_media_type(request: Request) -> str | None:
    """The media type of a request's body when it is not JSON (None for JSON or no type)."""
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if not media_type or media_type == "application/json" or media_type.endswith("+json"):
        return None
    return media_type


def install_error_handlers(app: FastAPI) -> None:
    """Render every error, including routing and validation errors, in the error format."""

    @app.exception_handler(CRMError)
    async def _crm_error(_: Request, exc: CRMError) -> JSONResponse:
        return error_response(
            exc.status_code, exc.error_code, exc.message, exc.details, exc.headers
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        media_type = _body_media_type(request)
        if media_type is not None and any(tuple(e.get("loc", ())) == ("body",) for e in errors):
            # A JSON body sent as text or a form: the framework read it as something else and
            # the whole body failed, which says nothing of the JSON itself.
            return error_response(
                415,
                "unsupported_media_type",
                NOT_JSON,
                {"content_type": media_type, "expected": "application/json"},
            )
        return error_response(
            422, "validation_error", "The request is not valid.", validation_details(errors)
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:
            # Only the framework raises HTTP exceptions: a 400 is a body it could not parse
            # (bytes that are not UTF-8, a multipart body without its boundary), which is
            # invalid input like malformed JSON, and answered the same way.
            message = exc.detail if isinstance(exc.detail, str) else "The body is not valid."
            return error_response(
                422, "validation_error", message, {"fields": {"body": [message]}}, exc.headers
            )
        code = _STATUS_CODES.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else "HTTP error"
        return error_response(exc.status_code, code, message, headers=exc.headers)

    @app.exception_handler(PoolTimeout)
    async def _pool_exhausted(_: Request, exc: PoolTimeout) -> JSONResponse:
        # Every connection stayed busy past the pool timeout: overload, not a bug.
        log.warning("database_pool_exhausted")
        return error_response(
            503,
            "service_unavailable",
            "The service is busy; try again shortly.",
            headers={"Retry-After": "1"},
        )

    @app.exception_handler(IntegrityError)
    async def _integrity(_: Request, exc: IntegrityError) -> JSONResponse:
        constraint = getattr(getattr(exc.orig, "__cause__", None), "constraint_name", None)
        log.info("integrity_conflict", constraint=constraint)
        return error_response(
            409,
            "conflict",
            "The change conflicts with existing data.",
            {"constraint": constraint} if constraint else {},
        )

    @app.exception_handler(DBAPIError)
    async def _dbapi(request: Request, exc: DBAPIError) -> JSONResponse:
        sqlstate = getattr(getattr(exc.orig, "__cause__", None), "sqlstate", None) or ""
        if sqlstate.startswith("22"):  # data exception: bad value for the column type
            return error_response(422, "validation_error", "A value is not valid for its field.")
        return await _unhandled(request, exc)

    @app.exception_handler(Exception)
    async def _unhandled(request: Request, exc: Exception) -> JSONResponse:
        request_id = getattr(request.state, "request_id", None)
        log.exception("unhandled_error", path=request.url.path, error=type(exc).__name__)
        return error_response(
            500,
            "internal_error",
            "An unexpected error occurred.",
            {"request_id": request_id},
            headers={"X-Request-ID": request_id} if request_id else None,
        )
