"""The `crm` command: run the product (all-in-one or one service), migrate, create tenants and
users, seed demo data, export the API document."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import getpass
import json
import os
import signal
import sys
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import structlog
import uvicorn
from pydantic import ValidationError

from crm_cli import audit_verify, local_secrets, pii_keys
from crm_cli.embedded import EmbeddedServers
from crm_cli.pii_keys import DEFAULT_BATCH
from crm_common import migrate
from crm_common.logging import configure_logging
from crm_common.security.permissions import RoleName
from crm_common.settings import Settings, SettingsError, get_settings, load_settings

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


def _install_local_secrets() -> None:
    """Outside production, the data directory's own signing secrets where the environment
    sets none (crm_cli.local_secrets), inherited by every process this one starts."""
    try:
        local_secrets.install(os.environ)
    except SettingsError as exc:
        sys.stderr.write(f"configuration error: {exc}\n")
        raise SystemExit(2) from None


def install_public_url(args: argparse.Namespace) -> None:
    """Outside production, the links in messages (tracking, unsubscribe, opt-in) point at the
    address the all-in-one (or the distributed mode's gateway) listens on, unless
    CRM_PUBLIC_BASE_URL says otherwise: `crm run --port 8822` sends working links."""
    if os.environ.get("CRM_PUBLIC_BASE_URL") or getattr(args, "service", None):
        return
    settings = _settings()
    if settings.env == "prod":
        return
    host = args.host or settings.host
    if host in ("", "0.0.0.0", "::"):  # the wildcard: this machine
        host = "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    os.environ["CRM_PUBLIC_BASE_URL"] = f"http://{host}:{args.port or settings.port}"
    get_settings.cache_clear()


def _with_servers(settings: Settings, embedded: EmbeddedServers) -> Settings:
    """Settings whose URLs point at real servers, starting embedded ones for unset URLs."""
    overrides: dict[str, object] = {}
    if settings.database_url is None:
        overrides["database_url"] = embedded.start_postgres()
    if settings.redis_url is None:
        overrides["redis_url"] = embedded.start_redis()
    return _settings(**overrides) if overrides else settings


class DemoDataRefused(Exception):
    """Demo data (known passwords, synthetic people) is never written with CRM_ENV=prod."""


def _refuse_demo_in_prod(settings: Settings) -> None:
    if settings.env == "prod":
        raise DemoDataRefused(
            "demo data is not created with CRM_ENV=prod; "
            "create a real tenant with `crm create-tenant --name … --admin-email …`"
        )


async def _prepare(settings: Settings, *, seed: bool) -> None:
    from crm_cli.seed import seed_demo
    from crm_common.db import Database
    from crm_common.reference import sync_roles

    assert settings.database_url is not None
    await migrate.upgrade(settings.database_url)
    # Rows written before encryption at rest are sealed now (a no-op once they all are).
    await pii_keys.encrypt_all(settings, None, DEFAULT_BATCH)
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


def server_options(settings: Settings) -> dict[str, Any]:
    """uvicorn options every `crm run` uses: no `server` banner, and uvicorn's own
    X-Forwarded-For handling off (it trusts 127.0.0.1 by default) — the apps resolve the
    client themselves, believing only CRM_TRUSTED_PROXIES (crm_common.proxies). No access
    log: its logger stays at WARNING (crm_common.logging.QUIET_LOGGERS), so its INFO lines
    were never written, yet uvicorn worked out each one's client and path."""
    return {
        "log_level": "warning",
        "access_log": False,
        "ws": "websockets-sansio",
        "ws_per_message_deflate": settings.ws_per_message_deflate,
        "server_header": False,
        "proxy_headers": False,
        "forwarded_allow_ips": "",
    }


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def cmd_run_all(args: argparse.Namespace) -> int:
    from crm_cli.gateway import Gateway, ServiceApps, build_apps
    from crm_common.resources import Resources
    from launch_worker.channels.sink import MailSink, start_demo_sink

    settings = _settings()
    configure_logging(settings.log_level, settings.log_json)
    seed = not args.no_seed
    if seed and settings.env == "prod":
        log.warning("demo_data_skipped", reason="CRM_ENV=prod", create_tenant="crm create-tenant")
        seed = False
    embedded = EmbeddedServers(settings.data_dir)
    mail_sink: MailSink | None = None
    try:
        settings = _with_servers(settings, embedded)
        asyncio.run(_prepare(settings, seed=seed))
        # In development with no email provider, email goes over SMTP to the demo mail sink.
        settings, mail_sink = start_demo_sink(settings)
        resources = Resources.open(
            settings, name="crm-all-in-one", services=len(dataclasses.fields(ServiceApps))
        )
        gateway = Gateway(resources, build_apps(resources), spa_dir=REPO_ROOT / "web" / "dist")
        host = args.host or settings.host
        port = args.port or settings.port
        log.info("all_in_one_starting", url=f"http://{host}:{port}")
        config = uvicorn.Config(
            gateway,
            host=host,
            port=port,
            lifespan="on",
            **server_options(settings),
        )
        server = uvicorn.Server(config)
        # A killed embedded server is started again, until the shutdown begins.
        embedded.watch(paused=lambda: server.should_exit)
        # uvicorn re-raises the stopping signal after a clean shutdown; that is a normal exit,
        # and SIGTERM must also reach the `finally` that stops the embedded servers.
        signal.signal(signal.SIGTERM, _interrupt)
        with contextlib.suppress(KeyboardInterrupt):
            server.run()
    finally:
        if mail_sink is not None:
            mail_sink.stop()
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
    # CRM_PORT, when set, wins over the service's conventional port (as in the all-in-one).
    port = args.port or (settings.port if "port" in settings.model_fields_set else None)
    port = port or SERVICE_PORTS[args.service]
    uvicorn.run(
        f"{module}.main:create_app",
        factory=True,
        host=args.host or settings.host,
        port=port,
        **server_options(settings),
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
    try:
        _refuse_demo_in_prod(settings)
    except DemoDataRefused as exc:
        sys.stderr.write(f"refused: {exc}\n")
        return 2
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
    try:
        _refuse_demo_in_prod(settings)
    except DemoDataRefused as exc:
        sys.stderr.write(f"refused: {exc}\n")
        return 2
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


def _password(args: argparse.Namespace) -> tuple[str, bool]:
    """The new user's password and whether it was generated: asked twice on a terminal,
    generated (and then shown once) otherwise or with --generate-password."""
    from crm_cli.tenants import TenantError, check_password, generate_password

    if args.generate_password or not sys.stdin.isatty():
        return generate_password(), True
    first = getpass.getpass("Password for the new user (12+ characters): ")
    check_password(first)
    if getpass.getpass("Same password again: ") != first:
        raise TenantError("the two passwords differ")
    return first, False


async def _with_database(settings: Settings, work: Any) -> Any:
    from crm_common.db import Database

    db = Database.from_settings(settings, name="crm-admin")
    try:
        return await work(db)
    finally:
        await db.dispose()


def _report_user(created: Any, password: str, generated: bool) -> None:
    print(f"company:  {created.company_slug} ({created.company_id})")
    print(f"user:     {created.email} ({created.user_id})")
    print(f"roles:    {', '.join(created.roles)}")
    if generated:
        # Printed this once and never stored in clear: the user should change it after signing in.
        print(f"password: {password}")
        print("Store this password now; it is not shown again.")


def _admin_settings(command: str) -> Settings | None:
    settings = _settings()
    if settings.database_url is None:
        sys.stderr.write(f"configuration error: DATABASE_URL: required to {command}\n")
        return None
    return settings


def _create_account(args: argparse.Namespace, what: str, create: Any) -> int:
    """Run one account-creating command: `create(db, password)` inside the owner's database,
    with the password asked for or generated, and the result (or a refusal) reported."""
    from crm_cli.tenants import TenantError

    settings = _admin_settings(what)
    if settings is None:
        return 2
    try:
        password, generated = _password(args)
        created = asyncio.run(_with_database(settings, lambda db: create(db, password)))
    except TenantError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 1
    _report_user(created, password, generated)
    return 0


def cmd_create_tenant(args: argparse.Namespace) -> int:
    from crm_cli.tenants import create_tenant

    return _create_account(
        args,
        "create a tenant",
        lambda db, password: create_tenant(
            db,
            name=args.name,
            slug=args.slug,
            admin_email=args.admin_email,
            admin_name=args.admin_name,
            currency=args.currency,
            password=password,
        ),
    )


def cmd_create_user(args: argparse.Namespace) -> int:
    from crm_cli.tenants import create_user

    return _create_account(
        args,
        "create a user",
        lambda db, password: create_user(
            db,
            tenant=args.tenant,
            email=args.email,
            full_name=args.full_name,
            roles=tuple(RoleName(role) for role in args.role),
            password=password,
        ),
    )


def cmd_openapi(args: argparse.Namespace) -> int:
    from crm_cli.gateway import SERVICE_FACTORIES
    from crm_cli.openapi import merged_document, write_site

    # Only the document is built: no database, no Redis, no secrets needed.
    try:
        settings = Settings(env=args.env)
    except ValidationError as exc:
        sys.stderr.write(f"configuration error: {exc}\n")
        return 2
    document = merged_document(
        {name: factory(settings) for name, factory in SERVICE_FACTORIES.items()}
    )
    if args.site is not None:
        for path in write_site(document, args.site):
            sys.stderr.write(f"wrote {path}\n")
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if args.output is not None:
        args.output.write_text(text, encoding="utf-8")
    elif args.site is None:
        sys.stdout.write(text)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="crm", description="Campaign Creation")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="run everything (default) or one service")
    run.add_argument("service", nargs="?", choices=sorted(SERVICE_PORTS))
    run.add_argument("--host")
    run.add_argument("--port", type=int)
    run.add_argument("--no-seed", action="store_true", help="skip the demo data")

    distributed = commands.add_parser(
        "run-distributed",
        help="every service as its own processes (replicas) behind nginx on one port",
    )
    distributed.add_argument("--host")
    distributed.add_argument("--port", type=int)
    distributed.add_argument("--no-seed", action="store_true", help="skip the demo data")

    mig = commands.add_parser("migrate", help="apply the migrations (as the owner role)")
    mig.add_argument("revision", nargs="?", default="head")
    mig.add_argument("--downgrade", action="store_true")

    commands.add_parser(
        "seed-demo", help="create the demo tenants, users and data (refused with CRM_ENV=prod)"
    )

    roles = [role.value for role in RoleName]
    tenant = commands.add_parser("create-tenant", help="create a company and its first admin user")
    tenant.add_argument("--name", required=True, help="the company's name")
    tenant.add_argument("--admin-email", required=True)
    tenant.add_argument("--admin-name", default="Administrator")
    tenant.add_argument("--slug", help="URL-safe id (default: from the name)")
    tenant.add_argument("--currency", default="USD", help="the default currency code")
    tenant.add_argument(
        "--generate-password",
        action="store_true",
        help="generate the password and print it once (the default without a terminal)",
    )

    user = commands.add_parser("create-user", help="add a user to an existing company")
    user.add_argument("--tenant", required=True, help="company slug or id")
    user.add_argument("--email", required=True)
    user.add_argument("--full-name", default="")
    user.add_argument(
        "--role", action="append", required=True, choices=roles, help="repeat for several roles"
    )
    user.add_argument("--generate-password", action="store_true")

    openapi = commands.add_parser(
        "openapi", help="write the product's merged OpenAPI document (no database needed)"
    )
    openapi.add_argument("--output", "-o", type=Path, help="write here instead of stdout")
    openapi.add_argument(
        "--site",
        type=Path,
        help="also write openapi.json and the /docs and /redoc pages with their assets here",
    )
    openapi.add_argument(
        "--env",
        choices=["dev", "prod"],
        default="prod",
        help="document what runs in this environment (prod leaves out development pages)",
    )

    contacts = commands.add_parser("seed-contacts", help="generate contacts and events")
    contacts.add_argument("--company", required=True, help="company slug or id")
    contacts.add_argument("--contacts", type=int, default=10_000)
    contacts.add_argument("--events-per-contact", type=float, default=10)
    contacts.add_argument("--seed", type=int, default=7)
    contacts.add_argument(
        "--batch", type=int, default=20_000, help="contacts per transaction (with their events)"
    )
    pii_keys.add_commands(commands)
    audit_verify.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command in ("run", "run-distributed"):
        _install_local_secrets()
        install_public_url(args)
    if args.command == "run":
        return cmd_run_service(args) if args.service else cmd_run_all(args)
    if args.command == "run-distributed":
        from crm_cli.distributed import cmd_run_distributed

        return cmd_run_distributed(args)
    handlers = {
        "migrate": cmd_migrate,
        "seed-demo": cmd_seed_demo,
        "seed-contacts": cmd_seed_contacts,
        "create-tenant": cmd_create_tenant,
        "create-user": cmd_create_user,
        "openapi": cmd_openapi,
        "audit-verify": audit_verify.run,
        "encrypt-pii": pii_keys.run,
        "rotate-pii-key": pii_keys.run,
        "rewrap-pii-keys": pii_keys.run,
    }
    return handlers[args.command](args)


if __name__ == "__main__":
    raise SystemExit(main())
