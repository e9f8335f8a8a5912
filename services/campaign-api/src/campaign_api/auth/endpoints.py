"""Auth endpoints: sign-in, refresh, sign-out, the caller, password, MFA step-up, JWKS."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from campaign_api.auth import mfa, service
from campaign_api.auth.deps import OptionalPrincipal, SignIn, password_change_attempt_keys
from campaign_api.auth.errors import (
    AccountDisabled,
    InvalidCredentials,
    InvalidMFAChallenge,
    InvalidMFACode,
    InvalidRefreshToken,
    MFAAlreadyEnabled,
    MFANotEnrolled,
    RefreshTokenReused,
    SessionExpired,
    WrongCurrentPassword,
)
from campaign_api.auth.schemas import (
    JWKS,
    LogoutRequest,
    Me,
    MFAChallenge,
    MFACode,
    MFAEnrollment,
    MFASignIn,
    MFAStatus,
    PasswordChange,
    RefreshRequest,
    StepUpToken,
    TokenPair,
)
from crm_common.deps import AppResources, NoStore, Scope
from crm_common.errors import (
    NotAuthenticated,
    RateLimited,
    SessionRevoked,
    ValidationFailed,
    error_responses,
)
from crm_common.security.principal import CurrentPrincipal

router = APIRouter(prefix="/api/auth", tags=["auth"])
mfa_router = APIRouter(prefix="/api/auth/mfa", tags=["mfa"])

_MFA_ERRORS = error_responses(
    NotAuthenticated,
    InvalidMFACode,
    ValidationFailed,
    MFANotEnrolled,
    MFAAlreadyEnabled,
    RateLimited,
)


@router.post(
    "/token",
    response_model=TokenPair | MFAChallenge,
    responses=error_responses(InvalidCredentials, AccountDisabled, ValidationFailed, RateLimited),
    dependencies=[NoStore],
)
async def sign_in(form: SignIn, resources: AppResources) -> TokenPair | MFAChallenge:
    """Sign in with email and password (OAuth2 password grant) and start a session. A user
    with MFA gets an `mfa_required` challenge instead of tokens: complete it at
    POST /api/auth/mfa/sign-in."""
    return await service.sign_in(resources, form.username, form.password, form.attempt_keys)


@router.post(
    "/refresh",
    response_model=TokenPair,
    responses=error_responses(
        InvalidRefreshToken,
        RefreshTokenReused,
        SessionExpired,
        AccountDisabled,
        ValidationFailed,
        RateLimited,
    ),
    dependencies=[NoStore],
)
async def refresh(body: RefreshRequest, resources: AppResources) -> TokenPair:
    """Exchange a refresh token for a new pair; the presented token can never be used again."""
    return await service.refresh(resources, body.refresh_token)


@router.post(
    "/logout",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=error_responses(
        NotAuthenticated, SessionRevoked, InvalidRefreshToken, ValidationFailed
    ),
)
async def logout(
    principal: OptionalPrincipal,
    resources: AppResources,
    body: LogoutRequest | None = None,
) -> Response:
    """End the session (or, with all_sessions, every session of the user)."""
    request = body or LogoutRequest()
    await service.logout(resources, principal, request.refresh_token, request.all_sessions)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/me", response_model=Me, responses=error_responses(NotAuthenticated, SessionRevoked))
async def me(principal: CurrentPrincipal, scope: Scope) -> Me:
    """The signed-in user with their company, roles and permissions."""
    return await service.me(scope, principal)


@router.post(
    "/password",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=error_responses(
        NotAuthenticated, SessionRevoked, ValidationFailed, WrongCurrentPassword, RateLimited
    ),
)
async def change_password(
    body: PasswordChange, principal: CurrentPrincipal, scope: Scope, resources: AppResources
) -> Response:
    """Change the caller's password; their other sessions are ended. Wrong current passwords
    back off as failed sign-ins do (429 with Retry-After)."""
    settings = resources.settings
    keys = (
        password_change_attempt_keys(settings, principal.user_id)
        if settings.rate_limit_enabled
        else []
    )
    await resources.sign_in_attempts.check(keys)
    try:
        await service.change_password(
            scope, resources.sessions, principal, body.current_password, body.new_password
        )
    except WrongCurrentPassword:
        await resources.sign_in_attempts.failed(keys)
        raise
    await resources.sign_in_attempts.succeeded(keys)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/.well-known/jwks.json", response_model=JWKS)
async def jwks(resources: AppResources) -> JWKS:
    """The public keys that verify access tokens (empty when a shared secret signs them)."""
    return JWKS(**resources.codec.keys.jwks())


@mfa_router.post(
    "/sign-in",
    response_model=TokenPair,
    responses=error_responses(
        InvalidMFAChallenge, InvalidMFACode, AccountDisabled, ValidationFailed, RateLimited
    ),
    dependencies=[NoStore],
)
async def mfa_sign_in(body: MFASignIn, resources: AppResources) -> TokenPair:
    """Complete signing in with MFA: the challenge from POST /api/auth/token and a current
    code of the authenticator start the session."""
    return await service.complete_mfa_sign_in(resources, body.mfa_token, body.code)


@mfa_router.post(
    "/enroll",
    response_model=MFAEnrollment,
    responses=error_responses(NotAuthenticated, MFAAlreadyEnabled),
    dependencies=[NoStore],
)
async def mfa_enroll(
    principal: CurrentPrincipal, scope: Scope, resources: AppResources
) -> MFAEnrollment:
    """Start TOTP enrolment: the secret and otpauth URI are shown this once."""
    return await mfa.enroll(scope, resources, principal)


@mfa_router.post(
    "/verify",
    response_model=MFAStatus,
    responses=_MFA_ERRORS,
)
async def mfa_verify(
    body: MFACode,
    principal: CurrentPrincipal,
    scope: Scope,
    resources: AppResources,
) -> MFAStatus:
    """Confirm enrolment with a code from the authenticator; MFA is on from then."""
    await mfa.confirm(scope, resources, principal, body.code)
    return MFAStatus(mfa_enabled=True)


@mfa_router.post(
    "/disable",
    response_model=MFAStatus,
    responses=_MFA_ERRORS,
)
async def mfa_disable(
    body: MFACode,
    principal: CurrentPrincipal,
    scope: Scope,
    resources: AppResources,
) -> MFAStatus:
    """Turn MFA off with a current code."""
    await mfa.disable(scope, resources, principal, body.code)
    return MFAStatus(mfa_enabled=False)


@mfa_router.post(
    "/step-up",
    response_model=StepUpToken,
    responses=_MFA_ERRORS,
    dependencies=[NoStore],
)
async def mfa_step_up(
    body: MFACode,
    principal: CurrentPrincipal,
    scope: Scope,
    resources: AppResources,
) -> StepUpToken:
    """Exchange a TOTP code for a short-lived MFA token (send it as X-MFA-Token)."""
    return await mfa.step_up(scope, resources, principal, body.code)


routers = [router, mfa_router]
