"""Re-encryption in batches, data key rotation and KEK rewrapping — all online.

`reencrypt_company` walks a company's contacts and suppressions in id order, in batches of
its own transactions, and seals again every row that is still plaintext (written before
encryption) or sealed under an older data key version; readers decrypt every version
meanwhile, so nothing waits for it. Each batch locks only its rows (`FOR UPDATE SKIP LOCKED`:
a row a writer holds is left for the next pass, and a writer always seals under the current
key anyway). `rotate_data_key` adds a version that encrypts writes from then on;
`rewrap_keys` wraps every stored key under the current KEK (a KEK rotation touches no data).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, or_, select, update

from crm_common.crypto import pii, process_keyring
from crm_common.crypto.keyring import PiiCipher
from crm_common.db import Database
from crm_common.models import Company, Contact, Suppression

DEFAULT_BATCH = 2_000


@dataclass
class ReencryptReport:
    """What a pass over one company rewrote."""

    company_id: uuid.UUID
    key_version: int = 0
    contacts: int = 0
    suppressions: int = 0


def _stale(column: Any, version: int) -> Any:
    return or_(column.is_(None), column != version)


async def _contacts_batch(
    db: Database, company_id: uuid.UUID, after: uuid.UUID, size: int
) -> tuple[int, uuid.UUID | None]:
    """Seal one batch of stale contacts after `after`; (rows rewritten, last id seen)."""
    async with db.system_session() as session:
        cipher = await pii.cipher_for(session, company_id)
        ids = list(
            await session.scalars(
                select(Contact.id)
                .where(Contact.company_id == company_id, Contact.id > after)
                .order_by(Contact.id)
                .limit(size)
            )
        )
        if not ids:
            return 0, None
        rows = (
            (
                await session.execute(
                    select(Contact.id, Contact.pii_key_version, *pii_columns())
                    .where(
                        Contact.id.in_(ids),
                        _stale(Contact.pii_key_version, cipher.current_version),
                    )
                    .with_for_update(skip_locked=True)
                )
            )
            .mappings()
            .all()
        )
        plain = await pii.open_contacts(session, company_id, [dict(row) for row in rows])
        changes = [
            {"b_id": row["id"], **{f"b_{k}": v for k, v in _sealed(cipher, row).items()}}
            for row in plain
        ]
        if changes:
            statement = (
                update(Contact)
                .where(Contact.id == bindparam("b_id"))
                .values({name: bindparam(f"b_{name}") for name in pii.CONTACT_STORED})
            )
            connection = await session.connection()
            await connection.execute(statement, changes)
        return len(changes), ids[-1]


def pii_columns() -> list[Any]:
    """The sealed contact columns."""
    return [getattr(Contact, name) for name in pii.CONTACT_SEALED]


def _sealed(cipher: PiiCipher, row: dict[str, Any]) -> dict[str, Any]:
    values = {name: row[name] for name in pii.CONTACT_SEALED}
    return {
        name: value
        for name, value in pii.seal_contact(cipher, row["id"], values).items()
        if name in pii.CONTACT_STORED
    }


async def _suppressions_batch(
    db: Database, company_id: uuid.UUID, after: uuid.UUID, size: int
) -> tuple[int, uuid.UUID | None]:
    async with db.system_session() as session:
        cipher = await pii.cipher_for(session, company_id)
        ids = list(
            await session.scalars(
                select(Suppression.id)
                .where(Suppression.company_id == company_id, Suppression.id > after)
                .order_by(Suppression.id)
                .limit(size)
            )
        )
        if not ids:
            return 0, None
        rows = (
            (
                await session.execute(
                    select(Suppression.id, Suppression.address, Suppression.key_version)
                    .where(
                        Suppression.id.in_(ids),
                        _stale(Suppression.key_version, cipher.current_version),
                    )
                    .with_for_update(skip_locked=True)
                )
            )
            .mappings()
            .all()
        )
        addresses = await pii.open_suppressions(session, company_id, [dict(r) for r in rows])
        for row, address in zip(rows, addresses, strict=True):
            await session.execute(
                update(Suppression)
                .where(Suppression.id == row["id"])
                .values(**pii.seal_suppression(cipher, row["id"], address))
            )
        return len(rows), ids[-1]


async def reencrypt_company(
    db: Database, company_id: uuid.UUID, *, batch: int = DEFAULT_BATCH
) -> ReencryptReport:
    """Seal every plaintext or older-version row of the company under its current key."""
    report = ReencryptReport(company_id)
    async with db.system_session() as session:  # the company's keys exist (and are committed)
        version = (await pii.cipher_for(session, company_id)).current_version
        report.key_version = version
        pending = {
            "contacts": await _any_stale(session, Contact, Contact.pii_key_version, company_id),
            "suppressions": await _any_stale(
                session, Suppression, Suppression.key_version, company_id
            ),
        }
    for step, attribute in ((_contacts_batch, "contacts"), (_suppressions_batch, "suppressions")):
        if not pending[attribute]:
            continue
        after = uuid.UUID(int=0)
        while True:
            done, last = await step(db, company_id, after, batch)
            if last is None:
                break
            setattr(report, attribute, getattr(report, attribute) + done)
            after = last
    return report


async def _any_stale(session: Any, model: Any, column: Any, company_id: uuid.UUID) -> bool:
    """Whether any row of the company is plaintext or under an older key version."""
    current = await pii.cipher_for(session, company_id)
    statement = select(
        select(model.id)
        .where(model.company_id == company_id, _stale(column, current.current_version))
        .exists()
    )
    return bool(await session.scalar(statement))


async def company_ids(db: Database, only: uuid.UUID | None = None) -> list[uuid.UUID]:
    async with db.system_session() as session:
        statement = select(Company.id).order_by(Company.id)
        if only is not None:
            statement = statement.where(Company.id == only)
        return list(await session.scalars(statement))


async def rotate_data_key(db: Database, company_id: uuid.UUID) -> int:
    """A new data key version for the company (encrypting writes from now on)."""
    async with db.system_session() as session:
        return await process_keyring().add_data_key(session, company_id)


async def rewrap_keys(db: Database, company_id: uuid.UUID) -> int:
    """Wrap the company's keys under the current KEK; how many were rewrapped."""
    async with db.system_session() as session:
        return await process_keyring().rewrap(session, company_id)


__all__ = [
    "ReencryptReport",
    "company_ids",
    "reencrypt_company",
    "rewrap_keys",
    "rotate_data_key",
]
