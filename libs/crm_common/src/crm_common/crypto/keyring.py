"""Per-company data keys: created on first use, unwrapped once per process, rotated.

`Keyring.cipher(session, company_id)` answers a `PiiCipher` holding the company's unwrapped
data keys (every version, the highest encrypting new writes) and its keyed-hash key. Keys are
created the first time a company needs them (in the caller's transaction; a key created by a
transaction that then rolls back is never cached, so no value is ever sealed under a key that
was not committed). Unwrapped keys are cached in process for `ttl_s`; a value sealed under a
version the cache does not hold yet (a rotation in another process) reloads the company's keys.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.crypto import envelope
from crm_common.crypto.kek import KEY_BYTES, KeyProvider
from crm_common.models.pii_keys import PiiKey

DATA, HASH = "data", "hash"


class UnknownKeyVersion(Exception):
    """A value names a data key version the company does not have."""


@dataclass
class PiiCipher:
    """One company's unwrapped keys: seal, open and hash its personal data."""

    company_id: uuid.UUID
    current_version: int
    data_keys: dict[int, AESGCM]
    hash_key: bytes = field(repr=False)

    def seal(self, column: str, row_id: uuid.UUID, value: str | None) -> bytes | None:
        """`value` encrypted under the current data key for `column` of row `row_id`."""
        if value is None:
            return None
        aad = envelope.associated_data(self.company_id, column, row_id)
        return envelope.seal(self.data_keys[self.current_version], self.current_version, value, aad)

    def open(self, column: str, row_id: uuid.UUID, sealed: bytes | None) -> str | None:
        """The plaintext of a sealed value of `column` of row `row_id`."""
        if sealed is None:
            return None
        key = self.data_keys.get(envelope.key_version(sealed))
        if key is None:
            raise UnknownKeyVersion(f"data key version {envelope.key_version(sealed)}")
        return envelope.open_sealed(
            key, bytes(sealed), envelope.associated_data(self.company_id, column, row_id)
        )

    def hash(self, normalised: str | None) -> bytes | None:
        """The keyed hash of a normalised address (equality lookups, suppressions)."""
        return None if normalised is None else envelope.keyed_hash(self.hash_key, normalised)

    def holds(self, versions: Iterable[int]) -> bool:
        return all(version in self.data_keys for version in versions)


@dataclass
class _Cached:
    cipher: PiiCipher
    loaded_at: float


class Keyring:
    """The process's cache of unwrapped company keys in front of the keys table."""

    def __init__(self, provider: KeyProvider, ttl_s: float = 30.0) -> None:
        self.provider = provider
        self.ttl_s = ttl_s
        self._cache: dict[uuid.UUID, _Cached] = {}

    async def cipher(
        self, session: AsyncSession, company_id: uuid.UUID, *, versions: Iterable[int] = ()
    ) -> PiiCipher:
        """The company's cipher, holding at least the data key `versions` named."""
        needed = set(versions)
        cached = self._cache.get(company_id)
        if (
            cached is not None
            and time.monotonic() - cached.loaded_at < self.ttl_s
            and cached.cipher.holds(needed)
        ):
            return cached.cipher
        cipher, created = await self._load(session, company_id)
        if not cipher.holds(needed):
            missing = sorted(needed - set(cipher.data_keys))
            raise UnknownKeyVersion(f"data key versions {missing} of company {company_id}")
        if not created:
            self._cache[company_id] = _Cached(cipher, time.monotonic())
        return cipher

    def forget(self, company_id: uuid.UUID | None = None) -> None:
        """Drop cached keys (all companies' without an id)."""
        if company_id is None:
            self._cache.clear()
        else:
            self._cache.pop(company_id, None)

    async def _load(self, session: AsyncSession, company_id: uuid.UUID) -> tuple[PiiCipher, bool]:
        rows = await self._rows(session, company_id)
        created = False
        if not any(row.purpose == DATA for row in rows) or not any(
            row.purpose == HASH for row in rows
        ):
            await self._create(session, company_id, {row.purpose for row in rows})
            rows = await self._rows(session, company_id)
            created = True
        data = {row.version: row for row in rows if row.purpose == DATA}
        [hash_row] = [row for row in rows if row.purpose == HASH]
        cipher = PiiCipher(
            company_id=company_id,
            current_version=max(data),
            data_keys={v: AESGCM(self.provider.unwrap(r.wrapped_key)) for v, r in data.items()},
            hash_key=self.provider.unwrap(hash_row.wrapped_key),
        )
        return cipher, created

    async def _rows(self, session: AsyncSession, company_id: uuid.UUID) -> list[PiiKey]:
        statement = select(PiiKey).where(PiiKey.company_id == company_id)
        return list((await session.execute(statement)).scalars().all())

    async def _create(self, session: AsyncSession, company_id: uuid.UUID, have: set[str]) -> None:
        rows = [
            {
                "company_id": company_id,
                "purpose": purpose,
                "version": 1,
                "wrapped_key": self.provider.wrap(os.urandom(KEY_BYTES)),
                "kek_id": self.provider.current_kek_id,
            }
            for purpose in (DATA, HASH)
            if purpose not in have
        ]
        # A concurrent first writer may create them too: its keys win, ours are dropped.
        await session.execute(insert(PiiKey).on_conflict_do_nothing(), rows)

    async def add_data_key(self, session: AsyncSession, company_id: uuid.UUID) -> int:
        """Rotate: a new data key version, which encrypts every write from now on (older
        versions keep decrypting). Returns the new version."""
        await self.cipher(session, company_id)  # the company's first keys, if it has none
        # The versions locked: a concurrent rotation waits, then fails on the primary key.
        versions = await session.scalars(
            select(PiiKey.version)
            .where(PiiKey.company_id == company_id, PiiKey.purpose == DATA)
            .with_for_update()
        )
        version = max(versions, default=0) + 1
        session.add(
            PiiKey(
                company_id=company_id,
                purpose=DATA,
                version=version,
                wrapped_key=self.provider.wrap(os.urandom(KEY_BYTES)),
                kek_id=self.provider.current_kek_id,
            )
        )
        await session.flush()
        self.forget(company_id)
        return version

    async def rewrap(self, session: AsyncSession, company_id: uuid.UUID) -> int:
        """KEK rotation: wrap every key of the company under the current KEK (the data it
        encrypts is untouched). Returns how many keys were rewrapped."""
        rows = await self._rows(session, company_id)
        changed = 0
        for row in rows:
            if row.kek_id != self.provider.current_kek_id:
                row.wrapped_key = self.provider.wrap(self.provider.unwrap(row.wrapped_key))
                row.kek_id = self.provider.current_kek_id
                changed += 1
        await session.flush()
        return changed
