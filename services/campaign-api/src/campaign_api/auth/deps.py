"""Dependencies of the auth endpoints: the sign-in form, its brute-force limit, and the
optional caller of sign-out."""

from __future__ import annotations

import hashlib
import uuid
from typing import Annotated

from fastapi import Depends, Form, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from crm_common.deps import AppResources
from crm_common.ratelimit import client_ip, ip_bucket
from crm_common.security.attempts import AttemptKey
from crm_common.security.jwt import TokenType
from crm_common.security.principal import (
    Principal,
    check_session,
    get_codec,
    principal_from_claims,
)
from crm_common.settings import Settings


class SignInForm:
    """The OAuth2 password grant: `username` (the email) and `password`, form-encoded; and
    what its failures count against (`attempt_keys`, set by `sign_in_form`)."""

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
        self.attempt_keys: list[AttemptKey] = []


def _failure_key(settings: Settings, scope: str, part: str, free: int) -> AttemptKey:
    return AttemptKey(
        f"{settings.rate_limit_prefix}:sign-in-failures:{part}",
        scope,
        free,
        base_s=settings.sign_in_backoff_base_s,
        max_s=settings.sign_in_backoff_max_s,
        memory_s=settings.sign_in_failure_memory_s,
    )


def sign_in_attempt_keys(settings: Settings, username: str, ip: str | None) -> list[AttemptKey]:
    """What a failed sign-in counts against: the account (guessing one password from
    anywhere) and the client address (trying many accounts)."""
    account = hashlib.sha256(username.lower().encode()).hexdigest()[:24]
    return [
        _failure_key(
            settings,
            "sign_in_account",
            f"account:{account}",
            settings.sign_in_free_failures_per_account,
        ),
        _failure_key(
            settings,
            "sign_in_address",
            f"ip:{ip_bucket(ip)}",
            settings.sign_in_free_failures_per_ip,
        ),
    ]


def password_change_attempt_keys(settings: Settings, user_id: uuid.UUID) -> list[AttemptKey]:
    """What a wrong current password counts against: the user, with the sign-in's rules per
    account (a stolen access token must not guess the password faster than a sign-in can)."""
    return [
        _failure_key(
            settings,
            "password_change",
            f"password-change:{user_id}",
            settings.sign_in_free_failures_per_account,
        )
    ]


async def sign_in_form(
    request: Request, resources: AppResources, form: Annotated[SignInForm, Depends()]
) -> SignInForm:
    """The form, once neither its account nor its client address is backing off after
    failed sign-ins (429 with Retry-After otherwise)."""
    settings = resources.settings
    if settings.rate_limit_enabled:
        ip = client_ip(request.scope)
        form.attempt_keys = sign_in_attempt_keys(settings, form.username, ip)
        await resources.sign_in_attempts.check(form.attempt_keys)
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
