"""Which text a campaign's message is made of: its template, or an A/B variant's content."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from crm_common.messages.compiler import (
    MessageSource,
    TemplateInvalid,
    TemplateProblem,
    validate_template,
)

DEFAULT_SUBJECT = "{{ campaign_name }}"
SUBJECT_SETTING = "subject"
TEXT_SETTING = "text_content"
"""Keys of a template's `default_settings` holding its email subject and plain-text part."""

CHANNEL_TEMPLATE_TYPES: dict[str, tuple[str, ...]] = {
    "email": ("email", "landing_page", "multi_channel"),
    "sms": ("sms", "multi_channel"),
    "social": ("social", "landing_page", "multi_channel"),
    "direct_mail": ("direct_mail", "multi_channel"),
}
"""Template types whose content can be sent on each channel (an SMS cannot be a web page)."""

T = TypeVar("T")


def pick_template(linked: Iterable[tuple[T, bool]], channel: str) -> T | None:
    """The template a campaign sends on `channel`, from its linked templates and their primary
    flag in link order: among the active ones whose type fits the channel, the primary one,
    else the first linked."""
    fitting = CHANNEL_TEMPLATE_TYPES.get(channel, ())
    best: tuple[tuple[bool, int], T] | None = None
    for order, (template, primary) in enumerate(linked):
        kind = getattr(template, "template_type", None)
        if kind not in fitting or not getattr(template, "is_active", True):
            continue
        rank = (not primary, order)
        if best is None or rank < best[0]:
            best = (rank, template)
    return best[1] if best is not None else None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def message_source(
    channel: str,
    *,
    template_content: str | None,
    template_settings: Mapping[str, Any] | None = None,
    variant_subject: str | None = None,
    variant_content: str | None = None,
) -> MessageSource:
    """The message of a campaign on `channel`: the body is the A/B variant's content when it
    has one, else the template's `content_template` (HTML for email, text otherwise); an
    email's subject is the variant's, else the template's `default_settings.subject`, else the
    campaign name; the template's `default_settings.text_content`, when set, is the email's
    plain-text part (derived from the HTML otherwise)."""
    settings = template_settings or {}
    body_field = "variant.content" if _text(variant_content) else "content_template"
    body = _text(variant_content) or template_content
    if _text(variant_subject):
        subject, subject_field = variant_subject, "variant.subject"
    elif _text(settings.get(SUBJECT_SETTING)):
        subject, subject_field = settings[SUBJECT_SETTING], f"default_settings.{SUBJECT_SETTING}"
    else:
        subject, subject_field = DEFAULT_SUBJECT, "subject"
    if channel != "email":
        return MessageSource(channel=channel, text=body, field_names={"text": body_field})
    text = None if _text(variant_content) else _text(settings.get(TEXT_SETTING))
    return MessageSource(
        channel=channel,
        subject=subject,
        html=body,
        text=text,
        field_names={
            "subject": subject_field,
            "html": body_field,
            "text": f"default_settings.{TEXT_SETTING}",
        },
    )


def validate_template_fields(
    content_template: str | None, default_settings: Mapping[str, Any] | None
) -> None:
    """Save-time check of a template's message parts: `content_template` and the subject and
    plain-text part in `default_settings`; raises TemplateInvalid (422) naming field, line and
    column."""
    validate_template(content_template, field="content_template", html=True)
    for key in (SUBJECT_SETTING, TEXT_SETTING):
        value = (default_settings or {}).get(key)
        if value is not None and not isinstance(value, str):
            raise TemplateInvalid(
                [TemplateProblem(f"default_settings.{key}", 1, 1, "must be a string")]
            )
        validate_template(value, field=f"default_settings.{key}", html=False)


def validate_variant_fields(subject: str | None, content: str | None) -> None:
    """Save-time check of an A/B variant's `subject` and `content`."""
    validate_template(subject, field="subject", html=False)
    validate_template(content, field="content", html=True)
