"""Issuing and verifying JWTs: explicit algorithm allow-list, required exp/iss/aud/typ."""

from __future__ import annotations

import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from jose import jwk, jwt
from jose.exceptions import JOSEError

from crm_common.errors import InvalidToken
from crm_common.settings import Settings

REQUIRED_CLAIMS = ("exp", "iat", "iss", "aud", "sub", "jti", "typ")


class TokenType(StrEnum):
    ACCESS = "access"
    REFRESH = "refresh"
    WS_TICKET = "ws_ticket"
    MFA = "mfa"
    MFA_CHALLENGE = "mfa_challenge"


@dataclass(frozen=True)
class TokenKeys:
    """The signing and verifying key for the configured algorithm."""

    algorithm: str
    signing_key: str
    verifying_key: str
    key_id: str | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> TokenKeys:
        if settings.jwt_algorithm.startswith("HS"):
            secret = settings.jwt_secret.get_secret_value()
            return cls(settings.jwt_algorithm, secret, secret)
        if settings.jwt_private_key is None or settings.jwt_public_key is None:
            raise ValueError("CRM_JWT_PRIVATE_KEY and CRM_JWT_PUBLIC_KEY are required for RS/ES")
        public = settings.jwt_public_key
        return cls(
            settings.jwt_algorithm,
            settings.jwt_private_key.get_secret_value(),
            public,
            key_id=uuid.uuid5(uuid.NAMESPACE_OID, public).hex[:16],
        )

    def jwks(self) -> dict[str, Any]:
        """The public keys as a JWKS document (empty for shared-secret algorithms)."""
        if self.algorithm.startswith("HS"):
            return {"keys": []}
        key = jwk.construct(self.verifying_key, self.algorithm).to_dict()
        key.update({"kid": self.key_id, "use": "sig", "alg": self.algorithm})
        return {"keys": [key]}


VERIFIED_TOKENS_KEPT = 10_000
"""Access tokens whose signature a process remembers as checked (least recently used go)."""


class TokenCodec:
    """Encode and decode the project's tokens; decoding accepts exactly one algorithm."""

    def __init__(self, settings: Settings) -> None:
        self.keys = TokenKeys.from_settings(settings)
        self.issuer = settings.jwt_issuer
        self.audience = settings.jwt_audience
        self._verified: OrderedDict[str, dict[str, Any]] = OrderedDict()

    def encode(
        self,
        token_type: TokenType,
        subject: str,
        ttl: timedelta,
        claims: dict[str, Any] | None = None,
        *,
        jti: uuid.UUID | None = None,
        now: datetime | None = None,
    ) -> str:
        issued = now or datetime.now(UTC)
        payload = {
            **(claims or {}),
            "sub": subject,
            "typ": token_type.value,
            "iss": self.issuer,
            "aud": self.audience,
            "iat": int(issued.timestamp()),
            "nbf": int(issued.timestamp()) - 5,
            "exp": int((issued + ttl).timestamp()),
            "jti": str(jti or uuid.uuid4()),
        }
        headers = {"kid": self.keys.key_id} if self.keys.key_id else None
        return str(
            jwt.encode(
                payload, self.keys.signing_key, algorithm=self.keys.algorithm, headers=headers
            )
        )

    def decode_access(self, token: str) -> dict[str, Any]:
        """`decode(token, TokenType.ACCESS)` with its signature checked once per process: a
        token seen before is only checked for expiry again (the one claim that changes its
        validity with time; revocation is the session check's), so the rate limiter and the
        principal of a request, and a client's next requests, share one verification.
        Invalid tokens are never remembered: every caller gets InvalidToken."""
        known = self._verified.get(token)
        if known is not None and time.time() < known["exp"]:
            self._verified.move_to_end(token)
            return dict(known)
        claims = self.decode(token, TokenType.ACCESS)
        self._verified[token] = dict(claims)
        if len(self._verified) > VERIFIED_TOKENS_KEPT:
            self._verified.popitem(last=False)
        return claims

    def decode(self, token: str, expected: TokenType) -> dict[str, Any]:
        """Verified claims of `token`, which must be of type `expected`; else InvalidToken."""
        try:
            header = jwt.get_unverified_header(token)
        except JOSEError:
            raise InvalidToken() from None
        if header.get("alg") != self.keys.algorithm:
            raise InvalidToken()
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                self.keys.verifying_key,
                algorithms=[self.keys.algorithm],
                audience=self.audience,
                issuer=self.issuer,
                options={
                    "require_exp": True,
                    "require_iat": True,
                    "require_aud": True,
                    "require_iss": True,
                    "require_sub": True,
                    "require_jti": True,
                    "leeway": 0,
                },
            )
        except JOSEError:
            raise InvalidToken() from None
        if any(claim not in claims for claim in REQUIRED_CLAIMS):
            raise InvalidToken()
        if claims.get("typ") != expected.value:
            raise InvalidToken("The token is not of the expected type.")
        return claims
