"""The encrypted columns of contacts and suppressions: what is sealed, what is hashed, and
batch helpers that turn stored rows back into plaintext.

Sealed (AES-256-GCM, crm_common.crypto.envelope): a contact's `email`, `phone`, `first_name`,
`last_name`; a suppression's `address`. Keyed hashes: `email_hash` and `phone_hash` of the
normalised values (lower-case email, E.164 phone), a suppression's `address_hash` of its
normalised address — one hash function, so a suppression matches a contact by hash. Not
personal enough to seal and kept for targeting: `email_domain` (the part after the `@`).

`pii_key_version` (contacts) and `key_version` (suppressions) flag a row: NULL means its
values are still plaintext (written before encryption, until `crm encrypt-pii` passes), a
number is the data key version every sealed value of the row was written with.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.crypto import process_keyring
from crm_common.crypto.envelope import key_version
from crm_common.crypto.keyring import PiiCipher

CONTACTS = "crm_contacts"
SUPPRESSIONS = "crm_suppressions"
CONTACT_SEALED = ("email", "phone", "first_name", "last_name")
CONTACT_STORED = (*CONTACT_SEALED, "email_hash", "phone_hash", "email_domain", "pii_key_version")
_NOT_SHOWN = frozenset({"email_hash", "phone_hash", "pii_key_version"})


def email_domain(email: str | None) -> str | None:
    """The domain of a (normalised) address: what domain rules target."""
    if not email or "@" not in email:
        return None
    return email.rpartition("@")[2].lower()[:253] or None


def seal_contact(
    cipher: PiiCipher,
    contact_id: uuid.UUID,
    values: Mapping[str, Any],
    current: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """`values` (plaintext column values) as stored. When they touch personal data, every
    sealed column of the row is written again under the current key (from `current`, the
    row's plaintext, for those `values` leaves out), so one version describes the whole row."""
    stored = dict(values)
    if not any(name in values for name in CONTACT_SEALED):
        return stored
    plain = {name: (current or {}).get(name) for name in CONTACT_SEALED}
    plain.update({name: values[name] for name in CONTACT_SEALED if name in values})
    for name in CONTACT_SEALED:
        stored[name] = cipher.seal(f"{CONTACTS}.{name}", contact_id, plain[name])
    stored["email_hash"] = cipher.hash(plain["email"])
    stored["phone_hash"] = cipher.hash(plain["phone"])
    stored["email_domain"] = email_domain(plain["email"])
    stored["pii_key_version"] = cipher.current_version
    return stored


def _legacy(value: Any) -> str | None:
    if value is None:
        return None
    return bytes(value).decode() if isinstance(value, bytes | memoryview) else str(value)


def open_contact(cipher: PiiCipher | None, row: Mapping[str, Any]) -> dict[str, Any]:
    """A stored contact row (needs `id`, the sealed columns and `pii_key_version`) with its
    personal data in plaintext; the hash and key version columns are left out."""
    opened = {k: v for k, v in row.items() if k not in _NOT_SHOWN}
    encrypted = row.get("pii_key_version") is not None
    for name in CONTACT_SEALED:
        if name in row:
            if encrypted and cipher is not None:
                opened[name] = cipher.open(f"{CONTACTS}.{name}", row["id"], row[name])
            else:
                opened[name] = _legacy(row[name])
    return opened


def versions_in(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> set[int]:
    """The data key versions the sealed values of `rows` were written with."""
    return {
        key_version(bytes(row[name]))
        for row in rows
        for name in columns
        if row.get(name) is not None and (row.get("pii_key_version") or row.get("key_version"))
    }


async def cipher_for(
    session: AsyncSession, company_id: uuid.UUID, versions: Iterable[int] = ()
) -> PiiCipher:
    """The company's cipher from the process keyring (holding `versions`)."""
    return await process_keyring().cipher(session, company_id, versions=versions)


async def open_contacts(
    session: AsyncSession, company_id: uuid.UUID, rows: Sequence[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """Many stored contact rows in plaintext, with one key lookup for the batch."""
    if not rows:
        return []
    versions = versions_in(rows, CONTACT_SEALED)
    cipher = await cipher_for(session, company_id, versions) if versions else None
    return [open_contact(cipher, row) for row in rows]


def seal_suppression(cipher: PiiCipher, suppression_id: uuid.UUID, address: str) -> dict[str, Any]:
    """A suppression's stored address columns for a normalised `address`."""
    return {
        "address": cipher.seal(f"{SUPPRESSIONS}.address", suppression_id, address),
        "address_hash": cipher.hash(address),
        "key_version": cipher.current_version,
    }


def open_suppression(cipher: PiiCipher | None, row: Mapping[str, Any]) -> str:
    """A stored suppression's address in plaintext."""
    if row.get("key_version") is not None and cipher is not None:
        return cipher.open(f"{SUPPRESSIONS}.address", row["id"], row["address"]) or ""
    return _legacy(row["address"]) or ""


async def open_suppressions(
    session: AsyncSession, company_id: uuid.UUID, rows: Sequence[Mapping[str, Any]]
) -> list[str]:
    """Many stored suppressions' addresses, with one key lookup for the batch."""
    versions = versions_in(rows, ("address",))
    cipher = await cipher_for(session, company_id, versions) if versions else None
    return [open_suppression(cipher, row) for row in rows]


async def open_contact_objects(
    session: AsyncSession, company_id: uuid.UUID, contacts: Sequence[Any]
) -> list[dict[str, Any]]:
    """Loaded `Contact` rows as column dicts, their personal data decrypted in one batch."""
    rows = [
        {column.key: getattr(contact, column.key) for column in contact.__table__.columns}
        for contact in contacts
    ]
    return await open_contacts(session, company_id, rows)
