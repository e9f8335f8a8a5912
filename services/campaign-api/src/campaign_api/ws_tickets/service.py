"""Issuing ws tickets: signed, typed `ws_ticket`, valid for seconds and redeemable once
(the gateway burns the jti). The session a ticket opens ends when the access token it was
issued against would have expired (`session_exp`), so a ticket never outlives its source.
It names the session (`sid`) so the gateway can close the connection when it ends."""

from __future__ import annotations

import time
from datetime import timedelta

from campaign_api.ws_tickets.schemas import WsTicket
from crm_common.security.jwt import TokenCodec, TokenType
from crm_common.security.principal import Principal


def issue_ticket(codec: TokenCodec, principal: Principal, ttl_s: int) -> WsTicket:
    """A one-time ticket for `principal`, valid `ttl_s` seconds at most."""
    session_exp = int(principal.expires_at or time.time() + ttl_s)
    lifetime = max(1, min(ttl_s, session_exp - int(time.time())))
    ticket = codec.encode(
        TokenType.WS_TICKET,
        str(principal.user_id),
        timedelta(seconds=lifetime),
        {
            "company_id": str(principal.company_id),
            "roles": sorted(principal.roles),
            "session_exp": session_exp,
            "access_jti": principal.token_id,
            **({"sid": principal.session_id} if principal.session_id else {}),
        },
    )
    return WsTicket(ticket=ticket, expires_in=lifetime)
