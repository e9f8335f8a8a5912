"""The MIME bytes of an outgoing email, read back by Python's own email parser."""

from __future__ import annotations

from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as default_policy

from launch_worker.channels.mime import render_email

from .conftest import outgoing


def parsed(data: bytes) -> EmailMessage:
    message = message_from_bytes(data, policy=default_policy)
    assert isinstance(message, EmailMessage)
    return message


def test_non_ascii_names_subjects_and_bodies_survive_the_round_trip() -> None:
    message = outgoing(
        subject="Soldes d'été — jusqu'à -40 %",
        text="Bonjour Zoë,\nles soldes d'été commencent.",
        html="<p>Bonjour Zoë,</p>",
    )
    data = render_email(message, "Ça Va Boutique <news@cava.example>", "mail.example")

    received = parsed(data)
    assert data.isascii()
    assert received["Subject"] == "Soldes d'été — jusqu'à -40 %"
    [sender] = received["From"].addresses
    assert (sender.display_name, sender.addr_spec) == ("Ça Va Boutique", "news@cava.example")
    plain = received.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert plain.startswith("Bonjour Zoë,\nles soldes")
    assert received.get_body(("html",)).get_content().strip() == "<p>Bonjour Zoë,</p>"


def test_a_rendered_subject_cannot_inject_headers() -> None:
    message = outgoing(
        subject="Hello\r\nBcc: everyone@example.com",
        headers={
            "X-Campaign\r\nBcc": "x",
            "X Space": "y",
            "List-Unsubscribe": "<https://u>\nBcc: a@b.c",
        },
    )
    received = parsed(render_email(message, "news@acme.example", "mail.example"))
    assert received["Bcc"] is None
    assert received["Subject"] == "Hello  Bcc: everyone@example.com"
    assert received["List-Unsubscribe"] == "<https://u> Bcc: a@b.c"


def test_reserved_headers_in_extra_headers_are_ignored() -> None:
    message = outgoing(headers={"From": "ceo@bank.example", "X-Mailer": "crm"})
    received = parsed(render_email(message, "news@acme.example", "mail.example"))
    assert received.get_all("From") == ["news@acme.example"]
    assert received["X-Mailer"] == "crm"


def test_long_lines_are_wrapped_and_restored() -> None:
    long_line = "word " * 60 + "=end"
    received = parsed(render_email(outgoing(text=long_line, html=None), "a@b.example", "d"))
    raw_lines = received.as_bytes().split(b"\n")
    assert max(len(line) for line in raw_lines) <= 78
    assert received.get_content().rstrip("\r\n") == long_line
