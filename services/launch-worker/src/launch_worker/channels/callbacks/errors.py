"""Errors of the provider callbacks."""

from __future__ import annotations

from crm_common.errors import CRMError


class InvalidCallbackSignature(CRMError):
    status_code = 401
    error_code = "invalid_signature"
    message = "The callback's signature is missing, invalid or too old."


class CallbackNotConfigured(CRMError):
    status_code = 401
    error_code = "callback_not_configured"
    message = "This provider's callbacks cannot be verified: its key is not configured."


class CallbackPayloadInvalid(CRMError):
    status_code = 400
    error_code = "invalid_callback_payload"
    message = "The callback body is not what the provider sends."
