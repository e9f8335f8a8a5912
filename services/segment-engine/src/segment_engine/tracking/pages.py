"""The two small HTML pages of the unsubscribe flow (no scripts, no external resources)."""

from __future__ import annotations

from html import escape

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem;
       color: #1f2933; }}
button {{ font: inherit; padding: .6rem 1.2rem; border-radius: .4rem; border: 0;
         background: #1f4e8c; color: #fff; cursor: pointer; }}
button:focus-visible {{ outline: 3px solid #f0b429; outline-offset: 2px; }}
</style>
</head>
<body>
<main>
{body}
</main>
</body>
</html>
"""


def confirm(sender: str, token: str) -> str:
    """Ask before unsubscribing; the form posts the RFC 8058 body to the same link."""
    body = (
        "<h1>Unsubscribe</h1>\n"
        f"<p>Stop receiving these messages from {escape(sender)}?</p>\n"
        f'<form method="post" action="/t/u/{escape(token, quote=True)}">\n'
        '<input type="hidden" name="List-Unsubscribe" value="One-Click">\n'
        '<button type="submit">Unsubscribe</button>\n'
        "</form>"
    )
    return _PAGE.format(title="Unsubscribe", body=body)


def done() -> str:
    body = (
        "<h1>You are unsubscribed</h1>\n"
        "<p>You will not receive these messages any more. It may take a moment for messages "
        "already on their way to stop.</p>"
    )
    return _PAGE.format(title="Unsubscribed", body=body)
