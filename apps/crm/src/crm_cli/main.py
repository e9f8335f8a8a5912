"""The `crm` command: run the product (all-in-one or one service), migrate, seed."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import signal
import sys
import uuid
from collections.abc import Sequence
from pathlib import Path

import structlog
import uvicorn

from crm_cli.embedded import EmbeddedServers
from crm_common import migrate
from crm_common.logging import configure_logging
from crm_common.settings import Settings, SettingsError, load_settings

log = structlog.get_logger(__name__)

SERVICE_PORTS = {
    "campaign-api": 8001,
    "segment-engine": 8002,
    "notify-gateway": 8003,
    "launch-worker": 8004,
}
REPO_ROOT = Path(__file__).resolve().parents[4]


def _settings(**overrides: object) -> Settings:
    try:
        return load_settings(**overrides)
    except SettingsError as exc:
        sys.stderr.write(f"configuration error: {exc}\n")
        raise SystemExit(2) from None


def _with_servers(settings: Settings, embedded: EmbeddedServers) -> Settings:
    """Settings whose URLs point at real servers, starting embedded ones for unset URLs."""
    overrides: dict[str, object] = {}
    if settings.database_url is None:
        overrides["database_url"] = embedded.start_postgres()
    if settings.redis_url is None:
        overrides["redis_url"] = embedded.start_redis()
    return _settings(**overrides) if overrides else settings


async def _prepare(settings: Settings, *, seed: bool) -> None:
    from crm_cli.seed import seed_demo
    from crm_common.db import Database
    from crm_common.reference import sync_roles

    assert settings.database_url is not None
    await migrate.upgrade(settings.database_url)
    db = Database.from_settings(settings, name="crm-setup")
    try:
        if seed:
            report = await seed_demo(db, settings.demo_password.get_secret_value())
            log.info("demo_data_ready", tenants=list(report))
        else:
            async with db.system_session() as session:
                await sync_roles(session)
    finally:
        await db.dispose()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def cmd_run_all(args: argparse.Namespace) -> int:
    from crm_cli.gateway import Gateway, build_apps
    from crm_common.resources import Resources

    settings = _settings()
    configure_logging(settings.log_level, settings.log_json)
    embedded = EmbeddedServers(settings.data_dir)
    try:
        settings = _with_servers(settings, embedded)
        asyncio.run(_prepare(settings, seed=not args.no_seed))
        resources = Resources.open(settings, name="crm-all-in-one")
        gateway = Gateway(resources, build_apps(resources), spa_dir=REPO_ROOT / "web" / "dist")
        host = args.host or settings.host
        port = args.port or settings.port
        log.info("all_in_one_starting", url=f"http://{host}:{port}")
        config = uvicorn.Config(
            gateway,
            host=host,
            port=port,
            lifespan="on",
            log_level="warning",
            ws="websockets-sansio",
            ws_per_message_deflate=settings.ws_per_message_deflate,
        )
        # uvicorn re-raises the stopping signal after a clean shutdown; that is a normal exit,
        # and SIGTERM must also reach the `finally` that stops the embedded servers.
        signal.signal(signal.SIGTERM, _interrupt)
        with contextlib.suppress(KeyboardInterrupt):
            uvicorn.Server(config).run()
    finally:
        embedded.stop()
        log.info("all_in_one_stopped")
    return 0


def cmd_run_service(args: argparse.Namespace) -> int:
    settings = _settings()
    configure_logging(settings.log_level, settings.log_json)
    for variable, value in (
        ("DATABASE_URL", settings.database_url),
        ("REDIS_URL", settings.redis_url),
    ):
        if value is None:
            sys.stderr.write(f"configuration error: {variable}: required to run one service\n")
            return 2
    module = args.service.replace("-", "_")
    port = args.port or SERVICE_PORTS[args.service]
    uvicorn.run(
        f"{module}.main:create_app",
        factory=True,
        host=args.host or settings.host,
        port=port,
        log_level="warning",
        ws="websockets-sansio",
        ws_per_message_deflate=settings.ws_per_message_deflate,
    )
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    settings = _settings()
    if settings.database_url is None:
        sys.stderr.write("configuration error: DATABASE_URL: required to migrate\n")
        return 2
    if args.revision.startswith("-") or args.downgrade:
        asyncio.run(migrate.downgrade(settings.database_url, args.revision))
    else:
        asyncio.run(_prepare(settings, seed=False))
    return 0


def cmd_seed_demo(args: argparse.Namespace) -> int:
    settings = _settings()
    embedded = EmbeddedServers(settings.data_dir)
    try:
        settings = _with_servers(settings, embedded)
        asyncio.run(_prepare(settings, seed=True))
    finally:
        embedded.stop()
    return 0


async def _seed_contacts(
    settings: Settings, company: str, contacts: int, events: float, seed: int, batch: int
) -> dict[str, object]:
    from sqlalchemy import or_, select

    from crm_cli.contacts import LoadStats, load_contacts_committing
    from crm_common.db import Database
    from crm_common.models import Company

    def progress(stats: LoadStats) -> None:
        rate = stats.rows / stats.seconds if stats.seconds else 0.0
        sys.stderr.write(
            f"{stats.seconds:8.1f} s  {stats.contacts:,} contacts  {stats.events:,} events"
            f"  ({rate:,.0f} rows/s)\n"
        )

    db = Database.from_settings(settings, name="crm-seed")
    try:
        async with db.system_session() as session:
            condition = Company.slug == company
            with contextlib.suppress(ValueError):
                condition = or_(condition, Company.id == uuid.UUID(company))
            company_id = (
                await session.execute(select(Company.id).where(condition))
            ).scalar_one_or_none()
        if company_id is None:
            raise SystemExit(f"no company with slug or id {company!r}")
        stats = await load_contacts_committing(
            db, company_id, contacts, events, seed=seed, chunk=batch, progress=progress
        )
        return {
            "company_id": str(company_id),
            "contacts": stats.contacts,
            "consents": stats.consents,
            "events": stats.events,
            "seconds": round(stats.seconds, 1),
            "rows_per_second": round(stats.rows / stats.seconds) if stats.seconds else 0,
        }
    finally:
        await db.dispose()


def cmd_seed_contacts(args: argparse.Namespace) -> int:
    settings = _settings()
    embedded = EmbeddedServers(settings.data_dir)
    try:
        settings = _with_servers(settings, embedded)
        asyncio.run(_prepare(settings, seed=True))
        report = asyncio.run(
            _seed_contacts(
                settings,
                args.company,
                args.contacts,
                args.events_per_contact,
                args.seed,
                args.batch,
            )
        )
        print(json.dumps(report))
    finally:
        embedded.stop()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="crm", description="Campaign Creation")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="run everything (default) or one service")
    run.add_argument("service", nargs="?", choices=sorted(SERVICE_PORTS))
    run.add_argument("--host")
    run.add_argument("--port", type=int)
    run.add_argument("--no-seed", action="store_true", help="skip the demo data")

    mig = commands.add_parser("migrate", help="apply the migrations (as the owner role)")
    mig.add_argument("revision", nargs="?", default="head")
    mig.add_argument("--downgrade", action="store_true")

    commands.add_parser("seed-demo", help="create the demo tenants, users and data")

    contacts = commands.add_parser("seed-contacts", help="generate contacts and events")
    contacts.add_argument("--company", required=True, help="company slug or id")
    contacts.add_argument("--contacts", type=int, default=10_000)
    contacts.add_argument("--events-per-contact", type=float, default=10)
    contacts.add_argument("--seed", type=int, default=7)
    contacts.add_argument(
        "--batch", type=int, default=20_000, help="contacts per transaction (with their events)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "run":
        return cmd_run_service(args) if args.service else cmd_run_all(args)
    handlers = {
        "migrate": cmd_migrate,
        "seed-demo": cmd_seed_demo,
        "seed-contacts": cmd_seed_contacts,
    }
    return handlers[args.command](args)


if __name__ == "__main__":
    raise SystemExit(main())
