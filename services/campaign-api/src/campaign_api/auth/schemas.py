"""Request and response bodies of the auth endpoints."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, ConfigDict, Field, StringConstraints

from crm_common.schemas import Schema, WriteSchema
from crm_common.security.password_policy import password_problem

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 128


def _password_policy(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    problem = password_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


NewPassword = Annotated[
    str,
    StringConstraints(
        strip_whitespace=False, min_length=MIN_PASSWORD_LENGTH, max_length=MAX_PASSWORD_LENGTH
    ),
    AfterValidator(_password_policy),
    Field(
        description=f"{MIN_PASSWORD_LENGTH} to {MAX_PASSWORD_LENGTH} characters, not a commonly "
        "used or breached password (nor one with digits or symbols added), a repeated block "
        "or a keyboard sequence.",
        examples=["correct-horse-battery"],
    ),
]
# Secrets are taken exactly as typed: request bodies otherwise strip surrounding whitespace.
RefreshToken = Annotated[
    str, StringConstraints(strip_whitespace=False, min_length=1, max_length=4096)
]
CurrentPassword = Annotated[
    str, StringConstraints(strip_whitespace=False, min_length=1, max_length=1024)
]
TotpCode = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[0-9]{6}$"),
    Field(description="The 6-digit code of the authenticator app.", examples=["492039"]),
]


class TokenPair(Schema):
    """A signed-in session: a short-lived access token and its rotating refresh token."""

    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 - a type name, not a secret
    expires_in: int = Field(description="Seconds the access token stays valid.")
    refresh_expires_in: int = Field(description="Seconds the refresh token stays valid.")

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "access_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.…",
                "refresh_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.…",
                "token_type": "bearer",
                "expires_in": 900,
                "refresh_expires_in": 28800,
            }
        }
    )


class MFAChallenge(Schema):
    """The password was right but the account has MFA: no tokens yet. Send `mfa_token` with
    a code of the authenticator to POST /api/auth/mfa/sign-in for the token pair."""

    mfa_required: Literal[True] = True
    mfa_token: str = Field(description="A short-lived, single-use challenge for the second step.")
    token_type: Literal["mfa_challenge"] = "mfa_challenge"  # noqa: S105 - a type name
    expires_in: int = Field(description="Seconds left to complete the sign-in.")
    methods: list[Literal["totp"]] = Field(
        default=["totp"], description="The second factors accepted (a TOTP code)."
    )

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "mfa_required": True,
                "mfa_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.…",
                "token_type": "mfa_challenge",
                "expires_in": 300,
                "methods": ["totp"],
            }
        }
    )


class MFASignIn(WriteSchema):
    """The second step of signing in with MFA: the challenge and a current code."""

    mfa_token: RefreshToken = Field(description="The `mfa_token` of the challenge.")
    code: TotpCode

    model_config = ConfigDict(
        json_schema_extra={"example": {"mfa_token": "eyJhbGci…", "code": "492039"}}
    )


class RefreshRequest(WriteSchema):
    refresh_token: RefreshToken

    model_config = ConfigDict(json_schema_extra={"example": {"refresh_token": "eyJhbGci…"}})


class LogoutRequest(WriteSchema):
    """Which session to end: the one of `refresh_token`, else the caller's current one;
    `all_sessions` ends every session of the user."""

    refresh_token: RefreshToken | None = None
    all_sessions: bool = False

    model_config = ConfigDict(
        json_schema_extra={"example": {"refresh_token": "eyJhbGci…", "all_sessions": False}}
    )


class PasswordChange(WriteSchema):
    current_password: CurrentPassword
    new_password: NewPassword

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "current_password": "the-current-password",
                "new_password": "correct-horse-battery",
            }
        }
    )


class CompanyRef(Schema):
    id: uuid.UUID
    name: str
    slug: str


class Me(Schema):
    """The signed-in user, their company, roles and the permissions those grant."""

    id: uuid.UUID
    email: str
    full_name: str
    company: CompanyRef
    roles: list[str]
    permissions: list[str]
    mfa_enabled: bool
    last_login_at: datetime | None
    session_expires_at: datetime | None = Field(
        default=None, description="When the current access token expires."
    )

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "id": "0b8f8c61-7f7e-4a55-9a8e-5b0d0c0f6a11",
                "email": "admin@acme.test",
                "full_name": "Ada Admin",
                "company": {
                    "id": "5d2b7c1e-0b59-4c4e-8e0f-7d1f2f0c9a01",
                    "name": "Acme",
                    "slug": "acme",
                },
                "roles": ["admin"],
                "permissions": ["approve_campaign", "create_campaign", "read_campaign"],
                "mfa_enabled": False,
                "last_login_at": "2026-03-02T09:15:00+00:00",
                "session_expires_at": "2026-03-02T09:30:00+00:00",
            }
        }
    )


class MFAEnrollment(Schema):
    """The new TOTP secret, shown once: scan the URI as a QR code, then confirm with a code."""

    secret: str
    otpauth_uri: str
    issuer: str
    account_name: str

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "secret": "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
                "otpauth_uri": "otpauth://totp/Campaign%20Creation%20CRM:admin%40acme.test"
                "?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Campaign%20Creation%20CRM",
                "issuer": "Campaign Creation CRM",
                "account_name": "admin@acme.test",
            }
        }
    )


class MFACode(WriteSchema):
    code: TotpCode

    model_config = ConfigDict(json_schema_extra={"example": {"code": "492039"}})


class MFAStatus(Schema):
    mfa_enabled: bool

    model_config = ConfigDict(json_schema_extra={"example": {"mfa_enabled": True}})


class StepUpToken(Schema):
    """Proof of a fresh TOTP check, sent as `X-MFA-Token` on actions that need it."""

    mfa_token: str
    token_type: Literal["mfa"] = "mfa"  # noqa: S105 - a type name, not a secret
    expires_in: int

    model_config = ConfigDict(
        json_schema_extra={
            "example": {"mfa_token": "eyJhbGci…", "token_type": "mfa", "expires_in": 300}
        }
    )


class JWKS(Schema):
    """The public keys that verify this service's tokens (empty with a shared secret)."""

    keys: list[dict[str, Any]]

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "keys": [
                    {
                        "kty": "RSA",
                        "kid": "3f1c0d9a2b7e4c11",
                        "use": "sig",
                        "alg": "RS256",
                        "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4…",
                        "e": "AQAB",
                    }
                ]
            }
        }
    )
