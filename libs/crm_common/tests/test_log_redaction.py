"""Personal data never reaches a log line: structlog events by key and by content, standard
library records (messages, arguments, tracebacks) at creation, whatever handler prints them."""

import io
import logging

import pytest
import structlog
from uvicorn.logging import AccessFormatter

from crm_common.log_redaction import (
    REDACTED,
    redact_pii,
    redact_text,
    redacting_record_factory,
)

EMAIL = "jane.roe+news@example.org"
PHONE = "+1 (555) 010-4477"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"sent to {EMAIL} ok", "sent to [email] ok"),
        (
            "GET /api/contacts/?email=jane.roe%40example.org&x=1",
            "GET /api/contacts/?email=[email]&x=1",
        ),
        (f"call {PHONE} now", "call [phone] now"),
        ("call +15550104477", "call [phone]"),
        ("call (555) 010-4477 or 555.010.4477", "call [phone] or [phone]"),
        ("q=%2B15550104477", "q=[phone]"),
    ],
)
def test_emails_and_phone_numbers_in_text_are_replaced(text: str, expected: str) -> None:
    assert redact_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2026-12-04T16:10:10.123456+00:00",
        "campaign 5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b took 12.5 ms",
        "client 203.0.113.7:54321 request 726ce67e9568470694476d7d23f02ac2",
        "budget 1000.00 USD, 3 of 45 batches, version 1.2.3",
    ],
)
def test_ids_times_addresses_and_amounts_are_left_alone(text: str) -> None:
    assert redact_text(text) == text


def test_processor_redacts_pii_keys_nested_values_and_exception_text() -> None:
    event = {
        "event": f"contact {EMAIL} imported",
        "first_name": "Jane",
        "contact": {"last_name": "Roe", "phone": PHONE, "country": "US"},
        "recipients": [EMAIL],
        "password": "hunter22",
        "exception": f"Traceback ...\nUniqueViolation: Key (email)=({EMAIL}) already exists",
        "count": 3,
        "timestamp": "2026-12-04T16:10:10Z",
    }
    redacted = redact_pii(None, "info", event)
    assert redacted["event"] == "contact [email] imported"
    assert redacted["first_name"] == REDACTED
    assert redacted["contact"] == {"last_name": REDACTED, "phone": REDACTED, "country": "US"}
    assert redacted["recipients"] == REDACTED
    assert redacted["password"] == REDACTED
    assert EMAIL not in redacted["exception"]
    assert redacted["count"] == 3


def test_structlog_chain_renders_no_pii() -> None:
    out = io.StringIO()
    structlog.configure(
        processors=[
            structlog.processors.format_exc_info,
            redact_pii,
            structlog.processors.JSONRenderer(),
        ],
        logger_factory=structlog.PrintLoggerFactory(file=out),
        cache_logger_on_first_use=False,
    )
    try:
        try:
            raise ValueError(f"bad address {EMAIL}")
        except ValueError:
            structlog.get_logger().exception("import_failed", email=EMAIL, note=f"ring {PHONE}")
    finally:
        structlog.reset_defaults()
    line = out.getvalue()
    assert "import_failed" in line
    assert "ValueError" in line
    assert EMAIL not in line
    assert "555" not in line


def test_stdlib_records_are_redacted_before_any_handler_sees_them() -> None:
    previous = logging.getLogRecordFactory()
    logging.setLogRecordFactory(redacting_record_factory(previous))
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    logger = logging.getLogger("test.redaction")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    try:
        logger.info('"GET /t/u/x?email=%s HTTP/1.1" 200', EMAIL)
        logger.debug("[generated in 0.001s] (%r, %r)", EMAIL, PHONE)
        try:
            raise RuntimeError(f"duplicate key (email)=({EMAIL})")
        except RuntimeError:
            logger.exception("insert failed for %s", PHONE)
        logger.info("stack", stack_info=True)
    finally:
        logging.setLogRecordFactory(previous)
        logger.removeHandler(handler)
    text = stream.getvalue()
    assert "RuntimeError" in text
    assert "[email]" in text
    assert EMAIL not in text
    assert "010-4477" not in text


def test_uvicorn_access_lines_keep_their_shape_with_the_query_redacted() -> None:
    previous = logging.getLogRecordFactory()
    logging.setLogRecordFactory(redacting_record_factory(previous))
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(AccessFormatter('%(client_addr)s - "%(request_line)s" %(status_code)s'))
    logger = logging.getLogger("test.redaction.access")
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.INFO)
    try:
        logger.info(
            '%s - "%s %s HTTP/%s" %d',
            "127.0.0.1:5000",
            "GET",
            f"/api/contacts/?email={EMAIL}&phone=%2B15550104477",
            "1.1",
            200,
        )
    finally:
        logging.setLogRecordFactory(previous)
        logger.removeHandler(handler)
    line = stream.getvalue()
    assert '"GET /api/contacts/?email=[email]&phone=[phone] HTTP/1.1" 200' in line
