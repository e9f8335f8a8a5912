"""Errors of sign-in, sessions and MFA."""

from __future__ import annotations

from crm_common.errors import Conflict, CRMError, InvalidToken, NotAuthenticated, PermissionDenied


class InvalidCredentials(NotAuthenticated):
    error_code = "invalid_credentials"
    message = "The email or password is wrong."


class AccountDisabled(NotAuthenticated):
    error_code = "account_disabled"
    message = "This account is disabled."


class InvalidRefreshToken(InvalidToken):
    error_code = "invalid_refresh_token"
    message = "The refresh token is invalid, expired or revoked; sign in again."


class RefreshTokenReused(InvalidToken):
    error_code = "refresh_token_reused"
    message = "The refresh token was already used; every session of its family is revoked."


class SessionExpired(InvalidToken):
    error_code = "session_expired"
    message = "The session has expired; sign in again."


class WrongCurrentPassword(CRMError):
    status_code = 422
    error_code = "invalid_current_password"
    message = "The current password is wrong."


class InvalidMFAChallenge(NotAuthenticated):
    error_code = "invalid_mfa_challenge"
    message = (
        "The MFA challenge is invalid, expired or already used; sign in with the password again."
    )


class MFARequired(PermissionDenied):
    error_code = "mfa_required"
    message = (
        "This action needs a recent MFA step-up: send the token from "
        "POST /api/auth/mfa/step-up in the X-MFA-Token header."
    )


class InvalidMFACode(CRMError):
    status_code = 422
    error_code = "invalid_mfa_code"
    message = "The authentication code is wrong, expired or already used."


class MFAAlreadyEnabled(Conflict):
    error_code = "mfa_already_enabled"
    message = "MFA is already enabled; disable it before enrolling again."


class MFANotEnrolled(Conflict):
    error_code = "mfa_not_enrolled"
    message = "MFA is not set up for this account; enrol first."
