"""AES-256-GCM sealing of one value under a data key, and keyed hashes for equality lookups.

A sealed value is binary: format byte, key version (2 bytes, big-endian), 12-byte nonce, then
ciphertext and tag. The associated data binds the company, the column and the row, so a value
copied into another row, column or tenant does not decrypt.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import uuid

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from crm_common.crypto.kek import NONCE_BYTES

FORMAT = 1
HEADER_BYTES = 3
HASH_BYTES = 16


class UndecryptableValue(Exception):
    """A sealed value that does not authenticate under its key, column and row."""


def associated_data(company_id: uuid.UUID, column: str, row_id: uuid.UUID) -> bytes:
    return b"crm-pii:" + company_id.bytes + row_id.bytes + column.encode()


def key_version(sealed: bytes) -> int:
    """The data key version a sealed value was written with."""
    if len(sealed) < HEADER_BYTES + NONCE_BYTES or sealed[0] != FORMAT:
        raise UndecryptableValue("not a sealed value")
    return int.from_bytes(sealed[1:HEADER_BYTES], "big")


def seal(key: AESGCM, version: int, plaintext: str, aad: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    header = bytes((FORMAT,)) + version.to_bytes(2, "big")
    return header + nonce + key.encrypt(nonce, plaintext.encode(), aad)


def open_sealed(key: AESGCM, sealed: bytes, aad: bytes) -> str:
    nonce = sealed[HEADER_BYTES : HEADER_BYTES + NONCE_BYTES]
    try:
        return key.decrypt(nonce, sealed[HEADER_BYTES + NONCE_BYTES :], aad).decode()
    except InvalidTag:
        raise UndecryptableValue("value does not authenticate for this row") from None


def keyed_hash(hash_key: bytes, normalised: str) -> bytes:
    """HMAC-SHA256 of a normalised value (lower-case email, E.164 phone), truncated to 128
    bits: equal values hash equal within a company, and nothing can be read back."""
    return hmac.new(hash_key, normalised.encode(), hashlib.sha256).digest()[:HASH_BYTES]
