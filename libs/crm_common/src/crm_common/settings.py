"""Process settings, read once from the environment and validated at start."""

from __future__ import annotations

import ipaddress
import sys
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# The development values, public in this file: refused in production; `crm run` uses secrets of
# its data directory instead (crm_cli.local_secrets), these only where a process sets none.
DEV_SECRET = "dev-only-insecure-secret-change-me-0123456789"  # noqa: S105 - refused in prod
_DEV_TRACKING_SECRET = "dev-only-tracking-secret-change-me-0123456789"  # noqa: S105 - refused in prod


PLATFORM_LOOPBACK = ("127.0.0.0/8", "::1/128", "0.0.0.0/8")
"""The platform's own addresses, which no webhook reaches in production by default."""


class Settings(BaseSettings):
    """Every knob of every service; unset URLs mean "use the embedded servers"."""

    model_config = SettingsConfigDict(
        env_prefix="CRM_", extra="ignore", frozen=True, populate_by_name=True
    )

    database_url: str | None = Field(default=None, validation_alias="DATABASE_URL")
    redis_url: str | None = Field(default=None, validation_alias="REDIS_URL")

    env: Literal["dev", "test", "prod"] = "dev"
    # The region this deployment stores and serves data in (`CRM_DATA_REGION`): exports of a
    # company with a residency region are served only by a deployment in that region
    # (crm_common.privacy.residency.check_export).
    data_region: Literal["eu", "us", "ca", "uk", "apac"] | None = None
    data_dir: Path = Path(".crm-data")
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)

    db_pool_size: int = Field(default=10, ge=1, le=500)
    db_max_overflow: int = Field(default=10, ge=0, le=500)
    db_pool_timeout: float = Field(default=10.0, gt=0)
    db_statement_timeout_ms: int = Field(default=30_000, ge=0)

    jwt_secret: SecretStr = SecretStr(DEV_SECRET)
    jwt_private_key: SecretStr | None = None
    jwt_public_key: str | None = None
    jwt_algorithm: Literal["HS256", "HS384", "HS512", "RS256", "ES256"] = "HS256"
    jwt_issuer: str = "crm-campaign-creation"
    jwt_audience: str = "crm"
    access_token_ttl_s: int = Field(default=900, ge=30, le=86_400)
    refresh_token_ttl_s: int = Field(default=8 * 3600, ge=60)
    refresh_token_absolute_ttl_s: int = Field(default=7 * 86_400, ge=60)
    # Every access token is checked against its session (crm_common.security.sessions):
    # Redis cache lifetime of a session's state, the in-process cache in front of it (at most
    # 1 s, so a revocation takes effect within a second everywhere), and whether a token that
    # names no session (`sid`) is refused (None: refused when env is prod).
    auth_session_cache_ttl_s: int = Field(default=30, ge=1, le=3600)
    auth_session_local_cache_s: float = Field(default=1.0, ge=0, le=1.0)
    auth_require_session: bool | None = None
    # The key-encryption key (base64 of 32 random bytes) wrapping the per-company keys that
    # encrypt personal data at rest (crm_common.crypto); a development KEK stands in outside
    # production. CRM_KEK_PREVIOUS: retired KEKs (comma-separated) that still unwrap until
    # `crm rewrap-pii-keys` has run.
    kek: SecretStr | None = None
    kek_previous: SecretStr | None = None
    # Signs the open/click/unsubscribe tokens of the public tracking links.
    tracking_secret: SecretStr = SecretStr(_DEV_TRACKING_SECRET)
    # Step-up MFA: lifetime of the token a TOTP code buys, and the key that encrypts the
    # stored TOTP secrets (derived from CRM_JWT_SECRET when unset).
    mfa_token_ttl_s: int = Field(default=300, ge=30, le=3600)
    # Sign-in of a user with MFA: how long the challenge from POST /api/auth/token stays valid.
    mfa_challenge_ttl_s: int = Field(default=300, ge=30, le=1800)
    mfa_encryption_key: SecretStr | None = None
    mfa_issuer: str = "Campaign Creation CRM"

    # Request rate limits (sliding window in Redis); 429 with Retry-After beyond them.
    rate_limit_enabled: bool = True
    rate_limit_window_s: int = Field(default=60, ge=1, le=86_400)
    rate_limit_per_user: int = Field(default=1200, ge=1)
    rate_limit_per_ip: int = Field(default=3000, ge=1)
    rate_limit_sign_in_window_s: int = Field(default=300, ge=1, le=86_400)
    # Failed sign-ins (crm_common.security.attempts): free failures per account and per client
    # address, then a back-off doubling from the base up to the cap; failures are forgotten
    # this long after the last one.
    sign_in_free_failures_per_account: int = Field(default=5, ge=1)
    sign_in_free_failures_per_ip: int = Field(default=30, ge=1)
    sign_in_backoff_base_s: float = Field(default=1.0, gt=0)
    sign_in_backoff_max_s: float = Field(default=900.0, gt=0)
    sign_in_failure_memory_s: int = Field(default=3600, ge=1)
    rate_limit_mfa_attempts: int = Field(default=5, ge=1)
    # Public routes (tracking links /t/…) per client address: mail image proxies fetch the open
    # pixels of many recipients from a few addresses, hence a limit of their own.
    rate_limit_public_per_ip: int = Field(default=20_000, ge=1)
    rate_limit_prefix: str = "crm:rl"

    # Campaign reads cached in Redis (0 disables the cache).
    campaign_cache_ttl_s: int = Field(default=1200, ge=0, le=86_400)

    # Segment estimates on a tenant larger than this many contacts count a uniform random
    # sample of about this size and scale it, with a 95 % interval (crm_common.sampling);
    # `"exact": true` in the request, and every evaluation, count every contact. 0: always exact.
    segment_estimate_sample: int = Field(default=100_000, ge=0)

    events_stream: str = "crm.events"
    events_stream_retention_s: int = Field(default=7 * 86_400, ge=60)
    dead_letter_stream: str = "crm.events.dead"
    max_deliveries: int = Field(default=5, ge=1)
    relay_batch_size: int = Field(default=500, ge=1, le=10_000)
    relay_poll_interval_s: float = Field(default=0.2, gt=0)

    # Notify gateway (/ws): one-time tickets, handshake and heartbeat timing, per-client
    # send queue, per-user connection limit, resume and stream-reader sizing.
    ws_ticket_ttl_s: int = Field(default=30, ge=5, le=300)
    ws_auth_timeout_s: float = Field(default=5.0, gt=0, le=60)
    ws_ping_interval_s: float = Field(default=20.0, gt=0)
    ws_pong_timeout_s: float = Field(default=10.0, gt=0)
    ws_token_expiry_notice_s: float = Field(default=60.0, ge=0)
    # Every open connection's session is re-checked this often (revocations are also pushed).
    ws_session_recheck_s: float = Field(default=15.0, gt=0, le=3600)
    ws_send_queue_size: int = Field(default=512, ge=1, le=100_000)
    ws_max_connections_per_user: int = Field(default=20, ge=1)
    ws_max_message_bytes: int = Field(default=65_536, ge=256)
    ws_max_invalid_messages: int = Field(default=20, ge=1)
    ws_replay_max_entries: int = Field(default=50_000, ge=1)
    ws_reader_batch_size: int = Field(default=500, ge=1, le=10_000)
    ws_reader_block_ms: int = Field(default=1_000, ge=10, le=60_000)
    # permessage-deflate keeps a zlib context per connection (~150 KB each): off by default.
    ws_per_message_deflate: bool = False

    # Channel providers (launch-worker; docs/channels.md). A channel's provider is the company's
    # `settings.channels.<channel>.provider`, else the default below, else the first configured
    # one (SMTP when a host is set, Twilio when an account is set), else the sandbox.
    email_provider: Literal["smtp", "sendgrid", "sandbox"] | None = None
    sms_provider: Literal["twilio", "sandbox"] | None = None
    direct_mail_provider: Literal["print_csv", "sandbox"] | None = None
    smtp_host: str | None = None
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_security: Literal["none", "starttls", "tls"] = "starttls"
    smtp_timeout_s: float = Field(default=30.0, gt=0)
    smtp_pool_size: int = Field(default=4, ge=1, le=100)
    # The domain of every Message-ID and of the default sender address.
    mail_from_domain: str = "crm.localhost"
    mail_default_sender: str | None = None
    sendgrid_api_key: SecretStr | None = None
    sendgrid_base_url: str = "https://api.sendgrid.com"
    # The Event Webhook's verification key (base64 DER, as SendGrid shows it).
    sendgrid_webhook_public_key: str | None = None
    twilio_account_sid: str | None = None
    twilio_auth_token: SecretStr | None = None
    twilio_base_url: str = "https://api.twilio.com"
    twilio_from_number: str | None = None
    # This product's public base URL as Twilio reaches it (status callbacks are sent there
    # and their signatures are computed over it); unset: no callbacks are requested.
    twilio_status_callback_base_url: str | None = None
    provider_timeout_s: float = Field(default=15.0, gt=0)
    # Signed provider callbacks older than this are refused as replays.
    provider_callback_max_age_s: int = Field(default=600, ge=10)
    sandbox_keep_messages: int = Field(default=10_000, ge=0)
    # The demo mail sink of the all-in-one (SMTP on 127.0.0.1, a Maildir under data_dir/mail,
    # pages under /dev/mail/); dev only, 0 turns it off.
    mail_sink_port: int = Field(default=8025, ge=0, le=65535)

    # Launching (launch-worker; docs/launching.md).
    # The public base URL of tracking links (/t/…) in sent messages.
    public_base_url: str = "http://127.0.0.1:8000"
    # A launcher holds its launch this long without renewing; then another worker resumes it.
    launch_lease_s: float = Field(default=15.0, ge=1, le=3600)
    # A claimed delivery not recorded within this long is claimed again (same idempotency key).
    delivery_lease_s: float = Field(default=60.0, ge=1, le=3600)
    launch_poll_interval_s: float = Field(default=0.5, gt=0, le=60)
    # Freezing an audience writes one row per recipient in one statement: a million-contact
    # launch must not be cut off by the request-sized CRM_DB_STATEMENT_TIMEOUT_MS.
    launch_resolution_timeout_ms: int = Field(default=600_000, ge=1000)
    # Statements (and connections) a resolution splits its audience into, run side by side:
    # PostgreSQL runs each on one core. Each slice takes a connection of the pool.
    launch_resolution_slices: int = Field(default=2, ge=1, le=16)
    dispatch_batch_size: int = Field(default=200, ge=1, le=10_000)
    # Messages of one batch handed to providers at once.
    dispatch_concurrency: int = Field(default=50, ge=1, le=1000)
    send_max_attempts: int = Field(default=5, ge=1, le=100)
    send_retry_base_s: float = Field(default=30.0, gt=0)
    send_retry_max_s: float = Field(default=3600.0, gt=0)
    # Messages per second per company, channel and provider when the company sets no lower
    # cap (`settings.rate_limits`); a provider not listed is unlimited.
    send_rate_limits: dict[str, int] = {"smtp": 500, "sendgrid": 500, "twilio": 50}

    # Outbound webhooks (docs/webhooks.md). The key that encrypts stored signing secrets
    # (derived from CRM_JWT_SECRET when unset); attempts per delivery and the exponential
    # back-off between them (with jitter); consecutive failed attempts that disable a
    # subscription; request timeouts; how long a rotated-out secret still signs.
    webhook_encryption_key: SecretStr | None = None
    webhook_max_attempts: int = Field(default=8, ge=1, le=50)
    webhook_retry_base_s: float = Field(default=30.0, gt=0)
    webhook_retry_max_s: float = Field(default=6 * 3600.0, gt=0)
    webhook_disable_after_failures: int = Field(default=20, ge=1)
    webhook_connect_timeout_s: float = Field(default=5.0, gt=0, le=60)
    webhook_timeout_s: float = Field(default=15.0, gt=0, le=120)
    webhook_poll_interval_s: float = Field(default=1.0, gt=0, le=60)
    # Networks no company's webhook may reach, whatever its allow-list: the platform's own
    # (loopback, the cluster's pod and service networks), comma-separated. Unset: loopback and
    # 0.0.0.0/8 with CRM_ENV=prod, none otherwise (a developer's local receiver).
    webhook_denied_networks: Annotated[tuple[str, ...] | None, NoDecode] = None
    webhook_secret_grace_s: int = Field(default=24 * 3600, ge=0)

    demo_password: SecretStr = Field(
        default=SecretStr("demo-pass-123"), validation_alias="CRM_DEMO_PASSWORD"
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_json: bool = True
    otel_exporter: Literal["none", "console", "otlp"] = "none"
    otel_endpoint: str | None = None
    service_name: str = "crm"
    max_body_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)

    # Exposure (README "Security"). Peers whose X-Forwarded-For / X-Forwarded-Proto are
    # believed: addresses or CIDRs, comma-separated; empty trusts nobody (the peer is the client).
    trusted_proxies: Annotated[tuple[str, ...], NoDecode] = ()
    # /metrics with CRM_ENV=prod: only from these networks or with this bearer token.
    metrics_allow: Annotated[tuple[str, ...], NoDecode] = ()
    metrics_token: SecretStr | None = None
    # Strict-Transport-Security max-age on responses served over https (0: no header).
    hsts_max_age_s: int = Field(default=31_536_000, ge=0)

    @field_validator("trusted_proxies", "metrics_allow", "webhook_denied_networks", mode="before")
    @classmethod
    def _networks(cls, value: object) -> tuple[str, ...] | None:
        if value is None:
            return None
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list | tuple):
            raise ValueError("must be a comma-separated list of addresses or CIDRs")
        networks = []
        for item in items:
            text = str(item).strip()
            if not text:
                continue
            try:
                networks.append(str(ipaddress.ip_network(text, strict=False)))
            except ValueError:
                raise ValueError(f"not an address or CIDR: {text[:50]!r}") from None
        return tuple(networks)

    @property
    def webhook_denied(self) -> tuple[str, ...]:
        """The networks no webhook may reach (`webhook_denied_networks`, or its default)."""
        if self.webhook_denied_networks is not None:
            return self.webhook_denied_networks
        return PLATFORM_LOOPBACK if self.env == "prod" else ()

    @field_validator("metrics_token", mode="before")
    @classmethod
    def _unset_when_empty(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("metrics_token")
    @classmethod
    def _long_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value()) < 16:
            raise ValueError("must be at least 16 characters")
        return value

    @field_validator("database_url")
    @classmethod
    def _postgres_only(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("postgresql", "postgres://")):
            raise ValueError("must be a postgresql:// URL")
        return value

    @field_validator("redis_url")
    @classmethod
    def _redis_only(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("must be a redis://, rediss:// or unix:// URL")
        return value

    @field_validator("jwt_secret", "tracking_secret")
    @classmethod
    def _long_secret(cls, value: SecretStr) -> SecretStr:
        if len(value.get_secret_value()) < 32:
            raise ValueError("must be at least 32 characters")
        return value

    def check_production(self) -> None:
        """Refuse development defaults where they would be a hole."""
        if self.env == "prod" and self.jwt_secret.get_secret_value() == DEV_SECRET:
            raise SettingsError("CRM_JWT_SECRET", "must be set in production")
        if self.env == "prod" and self.tracking_secret.get_secret_value() == _DEV_TRACKING_SECRET:
            raise SettingsError("CRM_TRACKING_SECRET", "must be set in production")
        if self.env == "prod" and self.kek is None:
            raise SettingsError("CRM_KEK", "must be set in production")

    @property
    def sessionless_tokens_refused(self) -> bool:
        """Whether an access token without a session (`sid`) is refused."""
        if self.auth_require_session is None:
            return self.env == "prod"
        return self.auth_require_session

    @property
    def async_database_url(self) -> str:
        """The SQLAlchemy URL for asyncpg."""
        if self.database_url is None:
            raise SettingsError("DATABASE_URL", "is not set and no embedded server was started")
        return to_asyncpg_url(self.database_url)


class SettingsError(Exception):
    """A setting is missing or invalid; the message names the variable."""

    def __init__(self, variable: str, problem: str) -> None:
        super().__init__(f"{variable}: {problem}")
        self.variable = variable


def to_asyncpg_url(url: str) -> str:
    """Turn any postgres URL into the asyncpg dialect's."""
    for prefix in (
        "postgresql+asyncpg://",
        "postgresql+psycopg://",
        "postgresql://",
        "postgres://",
    ):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    return url


def _variable_name(loc: tuple[int | str, ...]) -> str:
    field = str(loc[0]) if loc else "?"
    aliases = {info.validation_alias for info in Settings.model_fields.values()}
    if field in aliases:
        return field
    info = Settings.model_fields.get(field)
    alias = info.validation_alias if info is not None else None
    return str(alias) if isinstance(alias, str) else f"CRM_{field.upper()}"


def load_settings(**overrides: object) -> Settings:
    """Read the settings, raising SettingsError that names the first bad variable."""
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        raise SettingsError(_variable_name(first["loc"]), first["msg"]) from None
    settings.check_production()
    return settings


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings; exits with a message naming the variable when invalid."""
    try:
        return load_settings()
    except SettingsError as exc:
        sys.stderr.write(f"configuration error: {exc}\n")
        raise SystemExit(2) from None
