"""Optional TOTP multi-factor authentication and the step-up check of sensitive actions.

The TOTP secret is stored encrypted (AES-256-GCM, bound to the user id) and shown only once,
at enrolment. A code is accepted once (its time step is burnt in Redis) within ±1 step of
clock drift, and attempts are rate limited. A verified code buys a short-lived MFA token,
which actions above the company's `mfa_approval_threshold` require in `X-MFA-Token`.
"""

from __future__ import annotations

import base64
import hmac
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

import pyotp
import structlog
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from fastapi import Header
from redis.exceptions import RedisError

from campaign_api.auth import repository
from campaign_api.auth.errors import (
    InvalidMFACode,
    MFAAlreadyEnabled,
    MFANotEnrolled,
    MFARequired,
)
from campaign_api.auth.schemas import MFAEnrollment, StepUpToken
from crm_common import audit
from crm_common.errors import InvalidToken, NotFound, ServiceUnavailable
from crm_common.models import User
from crm_common.ratelimit import Limit, RateLimiter
from crm_common.resources import Resources
from crm_common.security.jwt import TokenCodec, TokenType
from crm_common.security.principal import Principal
from crm_common.settings import Settings
from crm_common.tenancy import TenantScope

log = structlog.get_logger(__name__)

MFA_HEADER = "X-MFA-Token"
THRESHOLD_SETTING = "mfa_approval_threshold"
USED_CODE_PREFIX = "crm:mfa:used"
_CIPHER_VERSION = "v1"

MFATokenHeader = Annotated[
    str | None,
    Header(
        alias=MFA_HEADER,
        description="A step-up token from POST /api/auth/mfa/step-up; required when the "
        "amount is above the company's MFA approval threshold.",
    ),
]


class SecretBox:
    """Authenticated encryption of TOTP secrets with a key derived from the configuration."""

    def __init__(self, settings: Settings) -> None:
        configured = settings.mfa_encryption_key or settings.jwt_secret
        self._cipher = AESGCM(
            HKDF(
                algorithm=hashes.SHA256(),
                length=32,
                salt=b"crm-mfa-totp-secret",
                info=b"aes-256-gcm/v1",
            ).derive(configured.get_secret_value().encode())
        )

    def seal(self, secret: str, user_id: uuid.UUID) -> str:
        nonce = os.urandom(12)
        sealed = self._cipher.encrypt(nonce, secret.encode(), user_id.bytes)
        return f"{_CIPHER_VERSION}.{base64.urlsafe_b64encode(nonce + sealed).decode()}"

    def open(self, stored: str, user_id: uuid.UUID) -> str:
        version, _, payload = stored.partition(".")
        if version != _CIPHER_VERSION:
            raise ValueError("unknown secret format")
        raw = base64.urlsafe_b64decode(payload.encode())
        try:
            return self._cipher.decrypt(raw[:12], raw[12:], user_id.bytes).decode()
        except InvalidTag:
            raise ValueError("the secret does not decrypt with the configured key") from None


def _totp(secret: str) -> pyotp.TOTP:
    return pyotp.TOTP(secret)


async def check_code(resources: Resources, user_id: uuid.UUID, secret: str, code: str) -> None:
    """Accept `code` once: a match within ±1 time step that was not used before. Attempts
    per user are limited; raises InvalidMFACode (or RateLimited) otherwise."""
    settings = resources.settings
    limiter = RateLimiter(resources.redis, settings.rate_limit_prefix)
    await limiter.enforce(
        Limit(
            limiter.key("mfa", str(user_id)),
            settings.rate_limit_mfa_attempts,
            settings.rate_limit_sign_in_window_s,
            "mfa",
        )
    )
    totp = _totp(secret)
    current = totp.timecode(datetime.now(UTC))
    matched: int | None = None
    for step in (current - 1, current, current + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            matched = step
    if matched is None:
        raise InvalidMFACode()
    key = f"{USED_CODE_PREFIX}:{user_id}:{matched}"
    try:
        first_use = await resources.redis.set(key, "1", nx=True, ex=totp.interval * 4)
    except RedisError:
        # Without the replay guard a code could be used twice: refuse rather than guess.
        raise ServiceUnavailable("MFA cannot be checked right now; try again.") from None
    if not first_use:
        raise InvalidMFACode()


async def _own_user(scope: TenantScope, principal: Principal) -> User:
    user = await repository.get_user(scope, principal.user_id, for_update=True)
    if user is None:
        raise NotFound("The user was not found.")
    return user


async def _audit(scope: TenantScope, principal: Principal, action: str) -> None:
    await audit.record(
        scope.session,
        company_id=scope.company_id,
        actor_user_id=principal.user_id,
        action=action,
        entity_type="user",
        entity_id=principal.user_id,
    )


async def enroll(scope: TenantScope, resources: Resources, principal: Principal) -> MFAEnrollment:
    """Start (or restart) enrolment with a new secret, returned this once."""
    user = await _own_user(scope, principal)
    if user.mfa_enabled:
        raise MFAAlreadyEnabled()
    secret = pyotp.random_base32(length=32)
    user.mfa_secret = SecretBox(resources.settings).seal(secret, user.id)
    await _audit(scope, principal, "user.mfa_enrollment_started")
    issuer = resources.settings.mfa_issuer
    return MFAEnrollment(
        secret=secret,
        otpauth_uri=_totp(secret).provisioning_uri(name=user.email, issuer_name=issuer),
        issuer=issuer,
        account_name=user.email,
    )


def stored_secret(resources: Resources, user: User) -> str:
    """The user's TOTP secret, decrypted."""
    if user.mfa_secret is None:
        raise MFANotEnrolled()
    try:
        return SecretBox(resources.settings).open(user.mfa_secret, user.id)
    except ValueError:
        log.error("mfa_secret_unreadable", user_id=str(user.id))
        raise MFANotEnrolled(
            "The stored MFA secret cannot be read (the encryption key changed); enrol again."
        ) from None


async def confirm(
    scope: TenantScope, resources: Resources, principal: Principal, code: str
) -> None:
    """Turn MFA on once the user proves their authenticator holds the new secret."""
    user = await _own_user(scope, principal)
    if user.mfa_enabled:
        raise MFAAlreadyEnabled()
    await check_code(resources, user.id, stored_secret(resources, user), code)
    user.mfa_enabled = True
    await _audit(scope, principal, "user.mfa_enabled")


async def disable(
    scope: TenantScope, resources: Resources, principal: Principal, code: str
) -> None:
    """Turn MFA off; a current code proves it is the holder who asks."""
    user = await _own_user(scope, principal)
    if not user.mfa_enabled:
        raise MFANotEnrolled()
    await check_code(resources, user.id, stored_secret(resources, user), code)
    user.mfa_enabled = False
    user.mfa_secret = None
    await _audit(scope, principal, "user.mfa_disabled")


async def step_up(
    scope: TenantScope, resources: Resources, principal: Principal, code: str
) -> StepUpToken:
    """Exchange a fresh TOTP code for a short-lived MFA token."""
    user = await repository.get_user(scope, principal.user_id)
    if user is None:
        raise NotFound("The user was not found.")
    if not user.mfa_enabled:
        raise MFANotEnrolled()
    await check_code(resources, user.id, stored_secret(resources, user), code)
    ttl = resources.settings.mfa_token_ttl_s
    token = resources.codec.encode(
        TokenType.MFA,
        str(principal.user_id),
        timedelta(seconds=ttl),
        {"company_id": str(principal.company_id), "amr": ["otp"]},
    )
    await _audit(scope, principal, "auth.mfa_step_up")
    return StepUpToken(mfa_token=token, expires_in=ttl)


def mfa_threshold(company_settings: dict[str, Any]) -> Decimal | None:
    """The amount above which approvals need a step-up; None when the company sets none.
    A value that is not a non-negative number requires the step-up for every amount."""
    raw = company_settings.get(THRESHOLD_SETTING)
    if raw is None or raw == "":
        return None
    try:
        threshold = Decimal(str(raw))
    except (InvalidOperation, ValueError):
        threshold = Decimal(-1)
    if isinstance(raw, bool) or not threshold.is_finite() or threshold < 0:
        log.warning("mfa_threshold_invalid", value=str(raw))
        return Decimal(-1)
    return threshold


def verify_step_up_token(codec: TokenCodec, token: str, principal: Principal) -> None:
    """Raise MFARequired unless `token` is a live MFA token of this very user and company."""
    try:
        claims = codec.decode(token, TokenType.MFA)
    except InvalidToken:
        raise MFARequired(
            "The MFA token is invalid or has expired; step up again.",
            details={"header": MFA_HEADER, "reason": "invalid"},
        ) from None
    if claims.get("sub") != str(principal.user_id) or claims.get("company_id") != str(
        principal.company_id
    ):
        raise MFARequired(
            "The MFA token belongs to another user.",
            details={"header": MFA_HEADER, "reason": "wrong_user"},
        )


@dataclass(frozen=True)
class StepUp:
    """What a request offers for a step-up: its `X-MFA-Token` (None when absent) and the
    codec that verifies it. The endpoint reads the header; domain code sees only values."""

    codec: TokenCodec
    token: str | None


def step_up_needed(amount: Decimal | None, company_settings: dict[str, Any]) -> bool:
    """Whether an action on `amount` (in the company's default currency, which the threshold
    is stated in) needs a step-up. An amount that cannot be stated in it (None: no exchange
    rate for its currency) needs one whenever the company sets a threshold."""
    threshold = mfa_threshold(company_settings)
    return threshold is not None and (amount is None or amount > threshold)


async def require_step_up(
    step_up: StepUp,
    principal: Principal,
    amount: Decimal | None,
    company_settings: dict[str, Any],
) -> None:
    """Refuse (403 mfa_required) an action on `amount` (`step_up_needed`) above the company's
    MFA approval threshold unless the request carries a valid `X-MFA-Token` of the caller."""
    if not step_up_needed(amount, company_settings):
        return
    threshold = mfa_threshold(company_settings)
    token = step_up.token
    if not token:
        raise MFARequired(
            details={
                "header": MFA_HEADER,
                "reason": "missing",
                "threshold": str(threshold) if threshold is not None and threshold >= 0 else None,
                "amount": str(amount) if amount is not None else None,
                "step_up": "/api/auth/mfa/step-up",
            }
        )
    verify_step_up_token(step_up.codec, token, principal)
