"""The authenticated caller and the FastAPI dependencies that produce and check it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPBearer

from crm_common.errors import NotAuthenticated, PermissionDenied, SessionRevoked
from crm_common.security.jwt import TokenCodec
from crm_common.security.permissions import Permission, permissions_for

if TYPE_CHECKING:
    from crm_common.resources import Resources


@dataclass(frozen=True)
class Principal:
    """Who is calling: user, company, roles and the permissions they grant."""

    user_id: uuid.UUID
    company_id: uuid.UUID
    roles: frozenset[str]
    permissions: frozenset[str]
    token_id: str | None = None
    expires_at: int | None = None
    session_id: str | None = None
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
        session_id=str(claims["sid"]) if claims.get("sid") else None,
        claims=claims,
    )


async def check_session(resources: Resources, principal: Principal) -> Principal:
    """The principal as its session stands now: refused (SessionRevoked) when the session
    was ended or the user or company deactivated, else with the user's current roles and
    the permissions they grant, whatever the token says. A token naming no session keeps
    its claims unless the settings refuse such tokens."""
    if principal.session_id is None:
        if resources.settings.sessionless_tokens_refused:
            raise SessionRevoked("The token names no session; sign in again.")
        return principal
    state = await resources.sessions.state(
        principal.company_id, principal.user_id, principal.session_id
    )
    if not state.live:
        raise SessionRevoked()
    if state.roles == principal.roles:
        return principal
    return replace(
        principal,
        roles=state.roles,
        permissions=frozenset(p.value for p in permissions_for(state.roles)),
    )


class BearerPrincipal(HTTPBearer):
    """The caller of a request, from its bearer access token checked against its session
    (crm_common.security.sessions), holding `permissions` (403 otherwise).

    A dependency that is itself the bearer security scheme: OpenAPI documents it as
    `HTTPBearer` on every operation that uses it, and FastAPI resolves it as one node of the
    dependency graph (no sub-dependency to walk on each request). The token is checked once
    per request: the first resolution keeps the principal in `request.state.principal`, the
    others (another permission check, the tenant scope) take it from there."""

    def __init__(self, *permissions: Permission | str) -> None:
        super().__init__(
            auto_error=False,
            scheme_name="HTTPBearer",
            description="An access token from POST /api/auth/token",
        )
        self.permissions = tuple(str(p) for p in permissions)

    async def __call__(self, request: Request) -> Principal:  # type: ignore[override]
        principal: Principal | None = getattr(request.state, "principal", None)
        if principal is None:
            credentials = await super().__call__(request)
            if credentials is None:
                raise NotAuthenticated()
            claims = get_codec(request).decode_access(credentials.credentials)
            principal = await check_session(
                request.app.state.resources, principal_from_claims(claims)
            )
            request.state.principal = principal
        missing = [p for p in self.permissions if not principal.has(p)]
        if missing:
            raise PermissionDenied(details={"missing_permissions": missing})
        return principal


def get_codec(request: Request) -> TokenCodec:
    codec: TokenCodec = request.app.state.token_codec
    return codec


current_principal = BearerPrincipal()
"""The caller of this request (see `BearerPrincipal`)."""

CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


def require(*permissions: Permission | str) -> BearerPrincipal:
    """A dependency giving the principal when it holds every permission."""
    return BearerPrincipal(*permissions)
