"""Key-encryption keys: what wraps the per-company data keys.

`KeyProvider` is the interface a KMS can stand behind (`wrap`, `unwrap`, and the id of the key
that wraps now). `LocalKeyProvider` holds the KEKs in process memory, from settings: `CRM_KEK`
wraps, `CRM_KEK_PREVIOUS` (comma-separated) only unwraps, so a KEK rotation is "set the new
one, keep the old one as previous, rewrap the data keys, drop the old one". A wrapped blob
names the KEK that wrapped it, so unwrapping never guesses.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from crm_common.settings import Settings, SettingsError

KEY_BYTES = 32
NONCE_BYTES = 12
_WRAP_FORMAT = b"\x01"
_KEK_ID_BYTES = 8
# The development KEK: derived from a fixed label, never accepted in production (settings).
_DEV_KEK_LABEL = b"crm-campaign-creation dev-only key-encryption key"


class KeyUnavailable(Exception):
    """A wrapped key names a KEK this process does not hold, or does not unwrap."""


class KeyProvider(Protocol):
    """Wraps and unwraps data keys (a KMS client can implement this)."""

    @property
    def current_kek_id(self) -> str: ...

    def wrap(self, data_key: bytes) -> bytes: ...

    def unwrap(self, blob: bytes) -> bytes: ...

    def wrapped_by(self, blob: bytes) -> str: ...


def kek_id(kek: bytes) -> str:
    """A KEK's public fingerprint (names it in wrapped blobs and the keys table)."""
    return hashlib.sha256(b"crm-kek-id:" + kek).hexdigest()[: _KEK_ID_BYTES * 2]


class LocalKeyProvider:
    """AES-256-GCM key wrapping with KEKs held in memory."""

    def __init__(self, current: bytes, previous: tuple[bytes, ...] = ()) -> None:
        for key in (current, *previous):
            if len(key) != KEY_BYTES:
                raise ValueError("a KEK is 32 bytes")
        self._current = kek_id(current)
        self._keks = {kek_id(key): AESGCM(key) for key in (*previous, current)}

    @property
    def current_kek_id(self) -> str:
        return self._current

    def wrap(self, data_key: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        header = _WRAP_FORMAT + bytes.fromhex(self._current)
        return header + nonce + self._keks[self._current].encrypt(nonce, data_key, header)

    def wrapped_by(self, blob: bytes) -> str:
        if blob[:1] != _WRAP_FORMAT or len(blob) < 1 + _KEK_ID_BYTES + NONCE_BYTES:
            raise KeyUnavailable("not a wrapped key")
        return blob[1 : 1 + _KEK_ID_BYTES].hex()

    def unwrap(self, blob: bytes) -> bytes:
        wrapping = self._keks.get(self.wrapped_by(blob))
        if wrapping is None:
            raise KeyUnavailable(f"key wrapped by KEK {self.wrapped_by(blob)}, which is not set")
        header = blob[: 1 + _KEK_ID_BYTES]
        nonce = blob[len(header) : len(header) + NONCE_BYTES]
        try:
            return wrapping.decrypt(nonce, blob[len(header) + NONCE_BYTES :], header)
        except InvalidTag:
            raise KeyUnavailable("wrapped key does not authenticate") from None


def decode_kek(value: str, variable: str) -> bytes:
    """A KEK from its base64 text (32 bytes)."""
    try:
        key = base64.b64decode(value.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise SettingsError(variable, "must be base64") from None
    if len(key) != KEY_BYTES:
        raise SettingsError(variable, "must be 32 bytes (base64 of 32 random bytes)")
    return key


def provider_from_settings(settings: Settings) -> LocalKeyProvider:
    """The KEK provider of `settings`: CRM_KEK (+ CRM_KEK_PREVIOUS), or the development KEK
    outside production."""
    if settings.kek is None:
        if settings.env == "prod":
            raise SettingsError("CRM_KEK", "must be set in production")
        current = hashlib.sha256(_DEV_KEK_LABEL).digest()
    else:
        current = decode_kek(settings.kek.get_secret_value(), "CRM_KEK")
    previous = tuple(
        decode_kek(part, "CRM_KEK_PREVIOUS")
        for part in (settings.kek_previous.get_secret_value() if settings.kek_previous else "")
        .replace(" ", "")
        .split(",")
        if part
    )
    return LocalKeyProvider(current, previous)
