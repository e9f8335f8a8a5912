"""The small HTML pages of the double opt-in confirmation (no scripts, no external
resources; the same frame as the unsubscribe pages)."""

from __future__ import annotations

from html import escape

from segment_engine.tracking.pages import _PAGE


def confirm(sender: str, token: str) -> str:
    """Ask the contact to confirm; link scanners follow GETs, so only the POST confirms."""
    body = (
        "<h1>Confirm your subscription</h1>\n"
        f"<p>Confirm that you want to receive email from {escape(sender)}.</p>\n"
        f'<form method="post" action="/t/opt-in/{escape(token, quote=True)}">\n'
        '<button type="submit">Confirm</button>\n'
        "</form>"
    )
    return _PAGE.format(title="Confirm your subscription", body=body)


def confirmed(sender: str) -> str:
    body = (
        "<h1>Subscription confirmed</h1>\n"
        f"<p>Thank you: you will receive email from {escape(sender)}. Every message carries a "
        "link to unsubscribe.</p>"
    )
    return _PAGE.format(title="Subscription confirmed", body=body)
