"""Who is on a connection: an access JWT, or a one-time ws ticket from
`POST /api/ws-ticket/` whose jti is burnt in Redis on first use. Either is checked against
its session (crm_common.security.sessions): an ended session is refused, and the user's
current roles count, not the token's."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from redis.asyncio import Redis

from crm_common.errors import CRMError, InvalidToken
from crm_common.resources import Resources
from crm_common.security.jwt import TokenCodec, TokenType
from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal, check_session, principal_from_claims
from notify_gateway.ws.protocol import CloseCode

USED_TICKET_PREFIX = "crm:ws:ticket-used:"


class AuthFailed(Exception):
    """The credential is refused; `code` is the close code to answer with."""

    def __init__(self, reason: str, code: int = CloseCode.UNAUTHENTICATED) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


@dataclass(frozen=True)
class Credential:
    """A verified caller and the moment (epoch seconds) its authentication lapses."""

    principal: Principal
    expires_at: int


class Authenticator:
    """Verifies the token of an `auth` message."""

    def __init__(self, codec: TokenCodec, redis: Redis, resources: Resources) -> None:
        self.codec = codec
        self.redis = redis
        self.resources = resources

    async def authenticate(self, token: str) -> Credential:
        """The credential behind `token`; AuthFailed when refused."""
        claims = self._decode(token)
        if claims["typ"] == TokenType.WS_TICKET:
            expires_at = await self._redeem_ticket(claims)
        else:
            expires_at = int(claims["exp"])
        try:
            principal = await check_session(self.resources, principal_from_claims(claims))
        except CRMError:
            raise AuthFailed("invalid token or session ended") from None
        if not principal.has(Permission.READ_CAMPAIGN):
            raise AuthFailed("read_campaign permission required", CloseCode.FORBIDDEN)
        return Credential(principal, expires_at)

    def _decode(self, token: str) -> dict[str, Any]:
        for token_type in (TokenType.ACCESS, TokenType.WS_TICKET):
            try:
                return self.codec.decode(token, token_type)
            except InvalidToken:
                continue
        raise AuthFailed("invalid or expired token")

    async def _redeem_ticket(self, claims: dict[str, Any]) -> int:
        """Burn the ticket's jti (first use wins, across instances); the session it opens
        lasts as long as the access token it was issued against."""
        session_exp = claims.get("session_exp")
        if not isinstance(session_exp, int) or session_exp <= time.time():
            raise AuthFailed("invalid ticket")
        keep_s = max(1, int(claims["exp"]) - int(time.time()) + 60)
        key = f"{USED_TICKET_PREFIX}{claims['jti']}"
        first = await self.redis.set(key, "1", nx=True, ex=keep_s)
        if not first:
            raise AuthFailed("ticket already used")
        return session_exp
