"""Personal data kept out of every log line: a structlog processor and a standard-library
record factory that redact it before anything is rendered.

Three rules, applied to the whole event (nested dicts and lists included):
- the value of a personal-data key (`email`, `phone`, names, address fields, birth date,
  recipient, …) and of a credential key (`password`, `token`, `authorization`, …) becomes
  `[redacted]`, whatever it holds;
- inside any other string — free-text messages, exception texts and tracebacks, SQL
  parameters, URLs with query strings — whatever looks like an email address becomes
  `[email]` and whatever looks like a phone number (`+` and 8 or more digits, or the
  `(555) 555-0100` shape) becomes `[phone]`;
- standard-library records (uvicorn, SQLAlchemy, arq, asyncpg …) get the same string rule on
  their formatted message, exception and stack text when they are created, so no handler or
  formatter — uvicorn's own included — ever sees the original.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any

REDACTED = "[redacted]"

PII_KEYS = frozenset(
    {
        "email",
        "emails",
        "email_address",
        "phone",
        "phone_number",
        "mobile",
        "first_name",
        "last_name",
        "full_name",
        "address",
        "address_line1",
        "address_line2",
        "street",
        "postal_code",
        "zip",
        "birth_date",
        "date_of_birth",
        "to",
        "recipient",
        "recipients",
        "username",
        "latitude",
        "longitude",
    }
)
SECRET_KEYS = frozenset(
    {
        "password",
        "token",
        "access_token",
        "refresh_token",
        "authorization",
        "secret",
        "api_key",
        "cookie",
        "totp",
        "mfa_code",
    }
)
_REDACTED_KEYS = PII_KEYS | SECRET_KEYS
# Keys structlog itself writes: never personal data, left as they are.
_STRUCTURAL_KEYS = frozenset({"timestamp", "level", "logger", "logger_name"})

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# International (+ and 8+ digits, spaces/dots/dashes/brackets between) or the NANP shape.
PHONE = re.compile(
    r"(?<![\w+])\+\d(?:[\s().-]{0,2}\d){7,14}(?!\w)"
    r"|(?<![\w(])\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\w)"
)
# URL-encoded forms in query strings and paths (`jane%40example.com`, `%2B15550100`).
ENCODED_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+%40[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
ENCODED_PHONE = re.compile(r"%2B\d(?:(?:%20|[.-])?\d){7,14}(?!\w)", re.IGNORECASE)


def redact_text(text: str) -> str:
    """`text` with anything that looks like an email address or a phone number replaced."""
    if "@" in text or "%40" in text:
        text = EMAIL.sub("[email]", text)
        text = ENCODED_EMAIL.sub("[email]", text)
    if "+" in text or "%2" in text or "-" in text or "." in text or ")" in text:
        text = PHONE.sub("[phone]", text)
        text = ENCODED_PHONE.sub("[phone]", text)
    return text


def redact_value(value: Any, key: str | None = None) -> Any:
    """`value` with personal data removed (by its key, then by what the strings hold)."""
    if key is not None and key.lower() in _REDACTED_KEYS and value not in (None, "", [], {}):
        return REDACTED
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, Mapping):
        return {k: redact_value(v, str(k)) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [redact_value(item) for item in value]
    if isinstance(value, BaseException):
        return redact_text(f"{type(value).__name__}: {value}")
    return value


def redact_pii(
    _logger: Any, _method: str, event_dict: MutableMapping[str, Any]
) -> Mapping[str, Any]:
    """structlog processor: the event with personal data and credentials redacted. Put it
    after `format_exc_info` (so tracebacks are text by then) and before the renderer."""
    return {
        key: value if key in _STRUCTURAL_KEYS else redact_value(value, key)
        for key, value in event_dict.items()
    }


def _exception_text(exc_info: Any) -> str:
    return "".join(traceback.format_exception(*exc_info)).rstrip("\n")


def _redact_argument(value: Any) -> Any:
    """A log call's argument with personal data removed, keeping its type when it holds none
    (formatters such as uvicorn's access log unpack the arguments, `%d` needs a number)."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return redact_text(value)
    text = str(value)
    redacted = redact_text(text)
    return value if redacted == text else redacted


def redacting_record_factory(
    base: Callable[..., logging.LogRecord],
) -> Callable[..., logging.LogRecord]:
    """A `logging` record factory wrapping `base` whose records carry their message, arguments,
    exception and stack text already redacted."""

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = base(*args, **kwargs)
        if isinstance(record.msg, str):
            record.msg = redact_text(record.msg)
        else:
            record.msg = _redact_argument(record.msg)
        if isinstance(record.args, Mapping):
            record.args = {key: _redact_argument(value) for key, value in record.args.items()}
        elif isinstance(record.args, tuple):
            record.args = tuple(_redact_argument(value) for value in record.args)
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = redact_text(_exception_text(record.exc_info))
        if record.stack_info:
            record.stack_info = redact_text(record.stack_info)
        return record

    factory.redacting = True  # type: ignore[attr-defined]
    return factory


def install_record_factory() -> None:
    """Make every standard-library log record redacted at creation (idempotent)."""
    current = logging.getLogRecordFactory()
    if not getattr(current, "redacting", False):
        logging.setLogRecordFactory(redacting_record_factory(current))
