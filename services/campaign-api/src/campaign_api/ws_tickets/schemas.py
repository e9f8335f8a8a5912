"""Response body of the ws-ticket endpoint."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from crm_common.schemas import Schema


class WsTicket(Schema):
    """A short-lived, single-use credential for the first message on `/ws`."""

    model_config = ConfigDict(extra="forbid")

    ticket: str = Field(description='Send as `{"type": "auth", "token": <ticket>}` on `/ws`.')
    token_type: Literal["ws_ticket"] = "ws_ticket"  # noqa: S105 - a type name, not a secret
    expires_in: int = Field(description="Seconds left to open the connection with it.")
