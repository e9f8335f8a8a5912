"""The authenticated caller and the FastAPI dependencies that produce and check it."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from crm_common.errors import NotAuthenticated, PermissionDenied
from crm_common.security.jwt import TokenCodec, TokenType
from crm_common.security.permissions import Permission, permissions_for


@dataclass(frozen=True)
class Principal:
    """Who is calling: user, company, roles and the permissions they grant."""

    user_id: uuid.UUID
    company_id: uuid.UUID
    roles: frozenset[str]
    permissions: frozenset[str]
    token_id: str | None = None
    expires_at: int | None = None
    claims: dict[str, Any] = field(default_factory=dict, compare=False)

    def has(self, permission: str) -> bool:
        return permission in self.permissions


def principal_from_claims(claims: dict[str, Any]) -> Principal:
    """Build a Principal from verified access-token claims. Permissions are recomputed from
    the roles so a token cannot grant more than its roles do."""
    try:
        user_id = uuid.UUID(str(claims["sub"]))
        company_id = uuid.UUID(str(claims["company_id"]))
    except (KeyError, ValueError):
        raise NotAuthenticated("The token does not name a user and company.") from None
    roles = frozenset(str(role) for role in claims.get("roles", []))
    return Principal(
        user_id=user_id,
        company_id=company_id,
        roles=roles,
        permissions=frozenset(p.value for p in permissions_for(roles)),
        token_id=claims.get("jti"),
        expires_at=claims.get("exp"),
        claims=claims,
    )


_bearer = HTTPBearer(auto_error=False, description="An access token from POST /api/auth/token")


def get_codec(request: Request) -> TokenCodec:
    codec: TokenCodec = request.app.state.token_codec
    return codec


async def current_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The caller of this request, from its bearer access token."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise NotAuthenticated()
    claims = get_codec(request).decode(credentials.credentials, TokenType.ACCESS)
    principal = principal_from_claims(claims)
    request.state.principal = principal
    return principal


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


def require(*permissions: Permission | str) -> Callable[..., Coroutine[Any, Any, Principal]]:
    """A dependency that passes the principal through when it holds every permission."""

    async def check(principal: CurrentPrincipal) -> Principal:
        missing = [str(p) for p in permissions if not principal.has(str(p))]
        if missing:
            raise PermissionDenied(details={"missing_permissions": missing})
        return principal

    check.__name__ = "require_" + "_".join(str(p) for p in permissions)
    return check
