"""Webhook signing secrets at rest: AES-256-GCM under a key derived from the configuration
(`CRM_WEBHOOK_ENCRYPTION_KEY`, else `CRM_JWT_SECRET`), bound to the subscription's id so a
sealed secret copied onto another row does not open."""

from __future__ import annotations

import base64
import os
import uuid

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from crm_common.settings import Settings

_VERSION = "v1"
_NONCE_BYTES = 12


class SecretUnreadable(ValueError):
    """A stored secret does not decrypt with the configured key."""


class WebhookSecretBox:
    def __init__(self, settings: Settings) -> None:
        configured = settings.webhook_encryption_key or settings.jwt_secret
        key = HKDF(
            algorithm=hashes.SHA256(),
            length=32,
            salt=b"crm-webhook-signing-secret",
            info=b"aes-256-gcm/v1",
        ).derive(configured.get_secret_value().encode())
        self._cipher = AESGCM(key)

    def seal(self, secret: str, subscription_id: uuid.UUID) -> str:
        nonce = os.urandom(_NONCE_BYTES)
        sealed = self._cipher.encrypt(nonce, secret.encode(), subscription_id.bytes)
        return f"{_VERSION}.{base64.urlsafe_b64encode(nonce + sealed).decode()}"

    def open(self, stored: str, subscription_id: uuid.UUID) -> str:
        version, _, payload = stored.partition(".")
        if version != _VERSION:
            raise SecretUnreadable("unknown secret format")
        raw = base64.urlsafe_b64decode(payload.encode())
        try:
            plain = self._cipher.decrypt(
                raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], subscription_id.bytes
            )
        except InvalidTag:
            raise SecretUnreadable("the secret does not decrypt with the configured key") from None
        return plain.decode()
