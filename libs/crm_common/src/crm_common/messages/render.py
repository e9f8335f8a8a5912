"""One compiled message rendered for one contact: personalised, tracked, compliant."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Template, UndefinedError
from jinja2.exceptions import SecurityError

from crm_common.messages.compiler import CompiledMessage
from crm_common.messages.markup import (
    html_footer,
    html_to_text,
    insert_before_body_end,
    open_pixel,
    rewrite_html_links,
    rewrite_text_links,
    text_footer,
)
from crm_common.messages.sandbox import MAX_OUTPUT_CHARS, BudgetExceeded, RenderBudget
from crm_common.messages.sender import SenderProfile
from crm_common.tracking_tokens import TrackingKind, TrackingSigner

CONTACT_FIELDS = (
    "external_id",
    "email",
    "phone",
    "first_name",
    "last_name",
    "gender",
    "birth_date",
    "language",
    "country",
    "region",
    "city",
    "postal_code",
    "timezone",
    "interests",
    "lifestyle",
    "values",
)
"""Contact fields a template may print (plus `full_name` and `attributes.<key>`)."""
CAMPAIGN_FIELDS = ("campaign_name", "campaign_code")
SMS_OPT_OUT = "Reply STOP to opt out."
MAX_SUBJECT_CHARS = 998
"""The longest line RFC 5322 allows."""

_STOP = re.compile(r"\bSTOP\b")
_MISSING_ATTRIBUTE = re.compile(r"^'dict object' has no attribute '([^']*)'")


class RenderFailed(Exception):
    """One contact's message cannot be rendered (a field it needs is missing and has no
    fallback, or the template went over a budget); that delivery fails with `reason`."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class RenderContext:
    """Everything one message is rendered from. `contact` holds the contact's fields and
    `attributes` (see `contact_fields`), `campaign` its `campaign_name` and `campaign_code`;
    `tracking_base_url` is the public origin of the `/t/…` tracking endpoints."""

    company_id: uuid.UUID
    campaign_id: uuid.UUID
    delivery_id: uuid.UUID
    contact_id: uuid.UUID
    contact: Mapping[str, Any]
    campaign: Mapping[str, Any]
    sender: SenderProfile
    tracking_base_url: str


@dataclass(frozen=True)
class RenderedMessage:
    """What the recipient gets. `links` are the original URLs of the tracked links: the
    index of each is its position in the click token (store them in crm_message_links)."""

    subject: str | None
    html: str | None
    text: str
    headers: dict[str, str] = field(default_factory=dict)
    links: list[str] = field(default_factory=list)


def contact_fields(contact: Any) -> dict[str, Any]:
    """The printable fields of a contact (an ORM row or a mapping) for `RenderContext`."""

    def get(name: str) -> Any:
        if isinstance(contact, Mapping):
            return contact.get(name)
        return getattr(contact, name, None)

    values = {name: get(name) for name in CONTACT_FIELDS}
    values["attributes"] = dict(get("attributes") or {})
    return values


def _present(value: Any) -> bool:
    return value is not None and value != "" and value != [] and value != {}


def _variables(ctx: RenderContext, unsubscribe_url: str) -> dict[str, Any]:
    contact = ctx.contact
    values: dict[str, Any] = {
        name: contact[name] for name in CONTACT_FIELDS if _present(contact.get(name))
    }
    full_name = " ".join(
        str(part) for part in (contact.get("first_name"), contact.get("last_name")) if part
    )
    if full_name:
        values["full_name"] = full_name
    attributes = contact.get("attributes")
    values["attributes"] = (
        {k: v for k, v in attributes.items() if _present(v)}
        if isinstance(attributes, Mapping)
        else {}
    )
    values.update({k: ctx.campaign[k] for k in CAMPAIGN_FIELDS if _present(ctx.campaign.get(k))})
    sender = ctx.sender
    values.update(
        unsubscribe_url=unsubscribe_url,
        company_name=sender.from_name,
        sender_name=sender.from_name,
        sender_email=sender.from_address,
        sender_address=sender.postal_address,
    )
    return values


def _render(template: Template, variables: dict[str, Any], part: str) -> str:
    chunks: list[str] = []
    size = 0
    try:
        for chunk in template.root_render_func(template.new_context(variables)):
            size += len(chunk)
            if size > MAX_OUTPUT_CHARS:
                raise BudgetExceeded(f"longer than {MAX_OUTPUT_CHARS} characters")
            chunks.append(chunk)
    except UndefinedError as exc:
        message = _MISSING_ATTRIBUTE.sub(r"'attributes.\1' is undefined", exc.message or "")
        raise RenderFailed(f"{part}: {message} and has no fallback") from None
    except SecurityError as exc:
        raise RenderFailed(f"{part}: not allowed: {exc}") from None
    except BudgetExceeded as exc:
        raise RenderFailed(f"{part}: {exc}") from None
    except Exception as exc:  # any other failure of template code fails this contact only
        raise RenderFailed(f"{part}: {type(exc).__name__}: {exc}") from None
    return "".join(chunks)


class _Tokens:
    """Mints the tracking URLs of one message."""

    def __init__(self, ctx: RenderContext, signer: TrackingSigner) -> None:
        self._tokens = signer.message_tokens(
            ctx.company_id, ctx.delivery_id, ctx.contact_id, ctx.campaign_id
        )
        self.base = ctx.tracking_base_url.rstrip("/")
        self.prefix = f"{self.base}/t/"
        self._clicks: dict[int, str] = {}

    def unsubscribe(self) -> str:
        return f"{self.prefix}u/{self._tokens.token(TrackingKind.UNSUBSCRIBE)}"

    def open_pixel(self) -> str:
        return f"{self.prefix}o/{self._tokens.token(TrackingKind.OPEN)}.gif"

    def click(self, position: int) -> str:
        url = self._clicks.get(position)
        if url is None:
            token = self._tokens.token(TrackingKind.CLICK, position)
            url = self._clicks[position] = f"{self.prefix}c/{token}"
        return url


def _email_headers(sender: SenderProfile, unsubscribe_url: str) -> dict[str, str]:
    targets = [f"<{unsubscribe_url}>"]
    if sender.unsubscribe_mailto:
        targets.append(f"<mailto:{sender.unsubscribe_mailto}?subject=unsubscribe>")
    headers = {
        "List-Unsubscribe": ", ".join(targets),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    if sender.reply_to:
        headers["Reply-To"] = sender.reply_to
    return headers


def _derived_text(
    compiled: CompiledMessage,
    variables: dict[str, Any],
    tokens: _Tokens,
    sender: SenderProfile,
    links: list[str],
    html: str,
) -> str:
    """The text part from the text template derived from the HTML one; from the rendered HTML
    when that template cannot render what the HTML could."""
    assert compiled.derived_text is not None
    try:
        text = _render(compiled.derived_text, variables, "text")
    except RenderFailed:
        return html_to_text(html)
    text = rewrite_text_links(text, tokens.prefix, tokens.click, links).strip()
    while "\n\n\n" in text:  # lines the template tags of the HTML stood on
        text = text.replace("\n\n\n", "\n\n")
    return text + text_footer(
        None if "sender_address" in compiled.html_fields else sender.postal_address,
        None if "unsubscribe_url" in compiled.html_fields else variables["unsubscribe_url"],
    )


def _render_email(
    compiled: CompiledMessage, variables: dict[str, Any], tokens: _Tokens, sender: SenderProfile
) -> RenderedMessage:
    unsubscribe_url = variables["unsubscribe_url"]
    assert compiled.subject is not None  # compile_message requires an email subject
    subject = " ".join(_render(compiled.subject, variables, "subject").split())
    if not subject:
        raise RenderFailed("subject: renders empty")
    links: list[str] = []
    html: str | None = None
    if compiled.html is not None:
        body = _render(compiled.html, variables, "html")
        body = rewrite_html_links(body, tokens.prefix, tokens.click, links)
        body = insert_before_body_end(
            body,
            html_footer(
                None if "sender_address" in compiled.html_fields else sender.postal_address,
                None if "unsubscribe_url" in compiled.html_fields else unsubscribe_url,
            ),
        )
        html = insert_before_body_end(body, open_pixel(tokens.open_pixel()))
    if compiled.text is not None:
        text = _render(compiled.text, variables, "text")
        text = rewrite_text_links(text, tokens.prefix, tokens.click, links).rstrip()
        text += text_footer(
            None if "sender_address" in compiled.text_fields else sender.postal_address,
            None if "unsubscribe_url" in compiled.text_fields else unsubscribe_url,
        )
    elif compiled.derived_text is not None:
        text = _derived_text(compiled, variables, tokens, sender, links, html or "")
    else:
        text = html_to_text(html or "")
    return RenderedMessage(
        subject=subject[:MAX_SUBJECT_CHARS],
        html=html,
        text=text,
        headers=_email_headers(sender, unsubscribe_url),
        links=links,
    )


def render_message(
    compiled: CompiledMessage, ctx: RenderContext, signer: TrackingSigner
) -> RenderedMessage:
    """The message `ctx`'s contact receives; raises RenderFailed when it cannot be rendered
    for this contact (the other contacts are unaffected)."""
    tokens = _Tokens(ctx, signer)
    with RenderBudget():
        variables = _variables(ctx, tokens.unsubscribe())
        if compiled.channel == "email":
            return _render_email(compiled, variables, tokens, ctx.sender)
        assert compiled.text is not None  # compile_message requires a text part here
        text = _render(compiled.text, variables, "text").strip()
        if not text:
            raise RenderFailed("text: renders empty")
        if compiled.channel == "sms" and not _STOP.search(text):
            text = f"{text} {SMS_OPT_OUT}"
        return RenderedMessage(subject=None, html=None, text=text)
