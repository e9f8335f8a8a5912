"""Dependencies of the auth endpoints: the sign-in form, its brute-force limit, and the
optional caller of sign-out."""

from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import Depends, Form, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from crm_common.deps import AppResources
from crm_common.ratelimit import Limit, RateLimiter, client_ip, ip_bucket
from crm_common.security.jwt import TokenType
from crm_common.security.principal import (
    Principal,
    check_session,
    get_codec,
    principal_from_claims,
)


class SignInForm:
    """The OAuth2 password grant: `username` (the email) and `password`, form-encoded."""

    def __init__(
        self,
        username: Annotated[
            str, Form(min_length=1, max_length=254, description="The user's email address.")
        ],
        password: Annotated[str, Form(min_length=1, max_length=1024)],
        grant_type: Annotated[
            str | None, Form(pattern="^password$", description="`password` when given.")
        ] = None,
    ) -> None:
        self.username = username.strip()
        self.password = password


async def sign_in_form(
    request: Request, resources: AppResources, form: Annotated[SignInForm, Depends()]
) -> SignInForm:
    """The form, once the caller is within the sign-in limits: per address and username
    (guessing one account's password) and per address (trying many accounts)."""
    settings = resources.settings
    if settings.rate_limit_enabled:
        limiter = RateLimiter(resources.redis, settings.rate_limit_prefix)
        ip = ip_bucket(client_ip(request.scope, settings.rate_limit_proxy_hops))
        account = hashlib.sha256(form.username.lower().encode()).hexdigest()[:24]
        window = settings.rate_limit_sign_in_window_s
        await limiter.enforce(
            Limit(
                limiter.key("sign-in", ip, account),
                settings.rate_limit_sign_in_per_ip_user,
                window,
                "sign_in",
            ),
            Limit(
                limiter.key("sign-in", ip), settings.rate_limit_sign_in_per_ip, window, "sign_in"
            ),
        )
    return form


SignIn = Annotated[SignInForm, Depends(sign_in_form)]

_optional_bearer = HTTPBearer(auto_error=False)


async def optional_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_optional_bearer)],
) -> Principal | None:
    """The caller when a valid access token is sent; None when none is sent."""
    if credentials is None:
        return None
    claims = get_codec(request).decode(credentials.credentials, TokenType.ACCESS)
    return await check_session(request.app.state.resources, principal_from_claims(claims))


OptionalPrincipal = Annotated[Principal | None, Depends(optional_principal)]
