"""Personal data encrypted at rest: envelope keys (a KEK wraps per-company data keys),
AES-256-GCM values bound to their company, column and row, keyed hashes for equality lookups,
and rotation of data keys and KEKs (docs/pii-encryption.md).

The process has one `Keyring` (its unwrapped-key cache), built from settings on first use or
explicitly with `configure`.
"""

from __future__ import annotations

from crm_common.crypto.envelope import UndecryptableValue
from crm_common.crypto.kek import (
    KeyProvider,
    KeyUnavailable,
    LocalKeyProvider,
    provider_from_settings,
)
from crm_common.crypto.keyring import Keyring, PiiCipher, UnknownKeyVersion
from crm_common.settings import Settings, get_settings

__all__ = [
    "KeyProvider",
    "KeyUnavailable",
    "Keyring",
    "LocalKeyProvider",
    "PiiCipher",
    "UndecryptableValue",
    "UnknownKeyVersion",
    "configure",
    "process_keyring",
]

_keyring: Keyring | None = None


def configure(settings: Settings) -> Keyring:
    """Build the process's keyring from `settings` (CRM_KEK, CRM_KEK_PREVIOUS)."""
    global _keyring
    _keyring = Keyring(provider_from_settings(settings))
    return _keyring


def process_keyring() -> Keyring:
    """The process's keyring (built from the process settings on first use)."""
    return _keyring if _keyring is not None else configure(get_settings())
