"""The /ws wire protocol (docs/notify-gateway.md): close codes, the messages a
client may send, and the JSON of the messages the server sends."""

from __future__ import annotations

import json
import re
import uuid
from enum import IntEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, field_validator

STREAM_ID = re.compile(r"^\d{1,20}-\d{1,20}$")
EVENT_TYPE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
MAX_FILTER_ITEMS = 200


class CloseCode(IntEnum):
    """Why the server closed a connection; 4xxx mirror the HTTP status they resemble."""

    NORMAL = 1000
    INTERNAL_ERROR = 1011
    SERVICE_RESTART = 1012  # graceful shutdown: reconnect (to another instance)
    TRY_AGAIN_LATER = 1013
    HEARTBEAT_TIMEOUT = 4000
    PROTOCOL_ERROR = 4400
    UNAUTHENTICATED = 4401
    FORBIDDEN = 4403
    SLOW_CONSUMER = 4408
    TOO_MANY_CONNECTIONS = 4429


class _Message(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Filters(_Message):
    """Optional narrowing: missing, null or empty means "no restriction" on that axis."""

    campaign_ids: list[uuid.UUID] | None = Field(default=None, max_length=MAX_FILTER_ITEMS)
    event_types: list[str] | None = Field(default=None, max_length=MAX_FILTER_ITEMS)

    @field_validator("event_types")
    @classmethod
    def _event_type_names(cls, value: list[str] | None) -> list[str] | None:
        for name in value or ():
            if len(name) > 100 or not EVENT_TYPE.match(name):
                raise ValueError(f"not an event type name: {name[:100]!r}")
        return value

    def campaign_set(self) -> frozenset[str] | None:
        return frozenset(str(c) for c in self.campaign_ids) if self.campaign_ids else None

    def event_type_set(self) -> frozenset[str] | None:
        return frozenset(self.event_types) if self.event_types else None


class AuthMessage(Filters):
    """First message (and token refresh later): an access JWT or a one-time ws ticket."""

    type: Literal["auth"]
    token: str = Field(min_length=1, max_length=8192)
    last_event_id: str | None = Field(default=None, max_length=41)

    @field_validator("last_event_id")
    @classmethod
    def _stream_id(cls, value: str | None) -> str | None:
        if value is not None and not STREAM_ID.match(value):
            raise ValueError("must be a stream entry id such as 1700000000000-0")
        return value


class SubscribeMessage(Filters):
    type: Literal["subscribe"]


class PongMessage(_Message):
    type: Literal["pong"]


class PingMessage(_Message):
    type: Literal["ping"]


ClientMessage = Annotated[
    AuthMessage | SubscribeMessage | PongMessage | PingMessage, Field(discriminator="type")
]
_client_message: TypeAdapter[ClientMessage] = TypeAdapter(ClientMessage)


class InvalidMessage(Exception):
    """A client message that is not JSON or not one of the protocol's messages."""

    def __init__(self, message: str, details: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or {}


def parse_client_message(raw: str) -> ClientMessage:
    """The validated message in `raw`; InvalidMessage names what is wrong."""
    try:
        payload = json.loads(raw)
    except ValueError:
        raise InvalidMessage("The message is not JSON.") from None
    if not isinstance(payload, dict) or "type" not in payload:
        raise InvalidMessage('The message must be a JSON object with a "type".')
    try:
        return _client_message.validate_python(payload)
    except ValidationError as exc:
        # As REST reports a body's: each field's messages in a list.
        fields: dict[str, list[str]] = {}
        for error in exc.errors(include_url=False, include_input=False):
            path = ".".join(str(part) for part in error["loc"]) or "message"
            fields.setdefault(path, []).append(error["msg"])
        raise InvalidMessage("The message is not valid.", {"fields": fields}) from None


def handshake_refusal(exc: InvalidMessage) -> tuple[CloseCode, str]:
    """How a handshake whose first message is invalid ends: an `auth` message whose token is
    well-formed but whose other fields are not (a malformed `last_event_id`, a bad filter) is
    a protocol error (4400); anything else authenticates nobody (4401)."""
    fields = list(exc.details.get("fields", {}))
    if fields and all(f.startswith("auth.") and f != "auth.token" for f in fields):
        return CloseCode.PROTOCOL_ERROR, "invalid auth message"
    return CloseCode.UNAUTHENTICATED, "authentication required"


def _dump(payload: dict[str, Any]) -> str:
    return json.dumps(payload, separators=(",", ":"))


PING = _dump({"type": "ping"})
PONG = _dump({"type": "pong"})
RELOAD_REQUIRED = _dump({"type": "reload_required"})


def auth_ok(expires_at: int) -> str:
    return _dump({"type": "auth_ok", "expires_at": expires_at})


def token_expiring(expires_at: int) -> str:
    return _dump({"type": "token_expiring", "expires_at": expires_at})


def subscribed(campaign_ids: frozenset[str] | None, event_types: frozenset[str] | None) -> str:
    return _dump(
        {
            "type": "subscribed",
            "campaign_ids": sorted(campaign_ids) if campaign_ids else None,
            "event_types": sorted(event_types) if event_types else None,
        }
    )


def error(error_code: str, message: str, details: dict[str, Any] | None = None) -> str:
    return _dump(
        {"type": "error", "error_code": error_code, "message": message, "details": details or {}}
    )


def subscription_refused(campaign_ids: list[str]) -> str:
    """The answer to a subscription naming campaigns the client may not see (another
    company's, deleted, or unknown); the previous subscription stays as it was."""
    return error(
        "subscription_refused",
        "The subscription names campaigns you cannot see; it was not changed.",
        {"campaign_ids": campaign_ids},
    )


def event_frame(stream_id: str, envelope: dict[str, Any]) -> str:
    return _dump({"type": "event", "id": stream_id, "event": envelope})
