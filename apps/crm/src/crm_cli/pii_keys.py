"""`crm encrypt-pii`, `crm rotate-pii-key`, `crm rewrap-pii-keys`: personal data encryption
at rest, run online against a live database (docs/pii-encryption.md)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import uuid
from typing import Any

from crm_common.crypto import configure, rotation
from crm_common.crypto.rotation import DEFAULT_BATCH
from crm_common.db import Database
from crm_common.settings import Settings, SettingsError, load_settings


def add_commands(commands: Any) -> None:
    """Register the commands on the `crm` parser's subcommands."""
    encrypt = commands.add_parser(
        "encrypt-pii",
        help="seal personal data still in plaintext or under an older data key (online)",
    )
    encrypt.add_argument("--company", type=uuid.UUID, help="only this company (default: all)")
    encrypt.add_argument("--batch", type=int, default=DEFAULT_BATCH)
    rotate = commands.add_parser(
        "rotate-pii-key",
        help="a new data key version per company; --reencrypt rewrites old rows under it",
    )
    rotate.add_argument("--company", type=uuid.UUID, help="only this company (default: all)")
    rotate.add_argument("--reencrypt", action="store_true")
    rewrap = commands.add_parser(
        "rewrap-pii-keys", help="wrap every stored key under CRM_KEK (after a KEK rotation)"
    )
    rewrap.add_argument("--company", type=uuid.UUID, help="only this company (default: all)")


async def encrypt_all(
    settings: Settings, company: uuid.UUID | None, batch: int
) -> list[dict[str, Any]]:
    """Seal every company's stale rows; one report per company."""
    configure(settings)
    db = Database.from_settings(settings, name="crm-encrypt-pii")
    try:
        reports = []
        for company_id in await rotation.company_ids(db, company):
            report = await rotation.reencrypt_company(db, company_id, batch=batch)
            reports.append(
                {
                    "company_id": str(company_id),
                    "key_version": report.key_version,
                    "contacts": report.contacts,
                    "suppressions": report.suppressions,
                }
            )
        return reports
    finally:
        await db.dispose()


async def _rotate(settings: Settings, company: uuid.UUID | None, reencrypt: bool) -> list[Any]:
    configure(settings)
    db = Database.from_settings(settings, name="crm-rotate-pii-key")
    try:
        out = []
        for company_id in await rotation.company_ids(db, company):
            version = await rotation.rotate_data_key(db, company_id)
            entry: dict[str, Any] = {"company_id": str(company_id), "key_version": version}
            if reencrypt:
                report = await rotation.reencrypt_company(db, company_id)
                entry.update(contacts=report.contacts, suppressions=report.suppressions)
            out.append(entry)
        return out
    finally:
        await db.dispose()


async def _rewrap(settings: Settings, company: uuid.UUID | None) -> list[Any]:
    configure(settings)
    db = Database.from_settings(settings, name="crm-rewrap-pii-keys")
    try:
        return [
            {"company_id": str(company_id), "rewrapped": await rotation.rewrap_keys(db, company_id)}
            for company_id in await rotation.company_ids(db, company)
        ]
    finally:
        await db.dispose()


def _settings() -> Settings | None:
    try:
        settings = load_settings()
    except SettingsError as exc:
        sys.stderr.write(f"configuration error: {exc}\n")
        return None
    if settings.database_url is None:
        sys.stderr.write("DATABASE_URL must be set\n")
        return None
    return settings


def run(args: argparse.Namespace) -> int:
    """Run one of this module's commands."""
    settings = _settings()
    if settings is None:
        return 2
    if args.command == "encrypt-pii":
        result = asyncio.run(encrypt_all(settings, args.company, args.batch))
    elif args.command == "rotate-pii-key":
        result = asyncio.run(_rotate(settings, args.company, args.reencrypt))
    else:
        result = asyncio.run(_rewrap(settings, args.company))
    print(json.dumps(result))
    return 0


__all__ = ["DEFAULT_BATCH", "add_commands", "encrypt_all", "run"]
