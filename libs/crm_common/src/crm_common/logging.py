"""structlog JSON logs with request, company and user ids bound from context, and personal
data redacted from every line (crm_common.log_redaction)."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from typing import Any

import structlog

from crm_common.log_redaction import install_record_factory, redact_pii

# Loggers that print statement parameters (personal data) when enabled: kept at WARNING
# whatever the level, since their parameters cannot be told apart from other values.
QUIET_LOGGERS = ("uvicorn.access", "sqlalchemy.engine", "sqlalchemy.pool")

_configured = False


def configure_logging(level: str = "INFO", json: bool = True, *, force: bool = False) -> None:
    """Configure structlog and the standard library once per process (again with `force`)."""
    global _configured
    if _configured and not force:
        return
    _configured = True
    shared: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.StackInfoRenderer(),
        structlog.processors.format_exc_info,
        redact_pii,
    ]
    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer()
    )
    structlog.configure(
        processors=[*shared, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=True,
    )
    install_record_factory()
    logging.basicConfig(
        level=level, stream=sys.stderr, format="%(levelname)s %(name)s %(message)s", force=force
    )
    for noisy in QUIET_LOGGERS:
        logging.getLogger(noisy).setLevel(logging.WARNING)


def bind(**values: object) -> None:
    """Bind values to every log line of the current task/request."""
    structlog.contextvars.bind_contextvars(**values)


class LogThrottle:
    """One line per back-off step for a failure that repeats while a dependency is down.

    The first occurrence is logged at once; repeats within the window are counted, not
    written, and the next line carries `suppressed=<count>`. The window doubles with every
    line written (from `initial_s` up to `max_s`), and `reset()` — the next success — starts
    it over, logging `<event>_recovered` when anything was logged since the last success."""

    def __init__(
        self,
        logger: Any,
        event: str,
        *,
        initial_s: float = 1.0,
        max_s: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.logger = logger
        self.event = event
        self.initial_s = initial_s
        self.max_s = max_s
        self.clock = clock
        self.suppressed = 0
        self.written = 0
        self._window = initial_s
        self._next_at = 0.0

    def warning(self, **fields: Any) -> bool:
        """Log the failure unless the window is still open; True when a line was written."""
        now = self.clock()
        if self.written and now < self._next_at:
            self.suppressed += 1
            return False
        extra = {"suppressed": self.suppressed} if self.suppressed else {}
        self.logger.warning(self.event, **fields, **extra)
        self.written += 1
        self.suppressed = 0
        self._next_at = now + self._window
        self._window = min(self._window * 2, self.max_s)
        return True

    def reset(self) -> None:
        """The operation succeeded: the next failure is logged at once."""
        if self.written:
            extra = {"suppressed": self.suppressed} if self.suppressed else {}
            self.logger.info(f"{self.event}_recovered", **extra)
        self.written = 0
        self.suppressed = 0
        self._window = self.initial_s
        self._next_at = 0.0
