"""Rendered HTML made trackable (links, pixel, footer) and turned into a plain-text part."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

MAX_TRACKED_LINKS = 1_000
"""Links past this many in one message are left as they are (a token position is 16 bits)."""
MAX_URL_CHARS = 2_048

_ANCHOR = re.compile(r"<(?:a|area)\b[^>]*>", re.IGNORECASE)
_HREF = re.compile(
    r"""(?P<lead>\shref\s*=\s*)(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'=<>`]+))""",
    re.IGNORECASE,
)
_HTTP = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)
_BODY_END = re.compile(r"</body\s*>", re.IGNORECASE)
_TEXT_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
_TRAILING_PUNCTUATION = ".,;:!?)]}'\""


def trackable(url: str, own_prefix: str) -> bool:
    """Whether a link is worth tracking: http(s), not too long, and not one of our own
    tracking links (the unsubscribe URL must stay a direct link)."""
    return len(url) <= MAX_URL_CHARS and bool(_HTTP.match(url)) and not url.startswith(own_prefix)


def rewrite_html_links(
    rendered: str, own_prefix: str, tracked: Callable[[int], str], links: list[str]
) -> str:
    """Every http(s) `href` of an `<a>` or `<area>` replaced by `tracked(position)`; the
    original URL (unescaped) is appended to `links`, whose index is the position."""

    def anchor(match: re.Match[str]) -> str:
        tag = match.group(0)
        href = _HREF.search(tag)
        if href is None or len(links) >= MAX_TRACKED_LINKS:
            return tag
        raw = href.group("dq") if href.group("dq") is not None else None
        if raw is None:
            raw = href.group("sq") if href.group("sq") is not None else href.group("bare")
        url = html.unescape(raw or "").strip()
        if not trackable(url, own_prefix):
            return tag
        position = len(links)
        links.append(url)
        replacement = f'{href.group("lead")}"{html.escape(tracked(position))}"'
        return tag[: href.start()] + replacement + tag[href.end() :]

    return _ANCHOR.sub(anchor, rendered)


def rewrite_text_links(
    rendered: str, own_prefix: str, tracked: Callable[[int], str], links: list[str]
) -> str:
    """Every http(s) URL of a plain-text part replaced by its tracked URL (the position of the
    same URL in the HTML part when it has one)."""
    positions = {url: position for position, url in reversed(list(enumerate(links)))}

    def url(match: re.Match[str]) -> str:
        found = match.group(0)
        stripped = found.rstrip(_TRAILING_PUNCTUATION)
        tail = found[len(stripped) :]
        if not trackable(stripped, own_prefix):
            return found
        position = positions.get(stripped)
        if position is None:
            if len(links) >= MAX_TRACKED_LINKS:
                return found
            position = len(links)
            links.append(stripped)
            positions[stripped] = position
        return tracked(position) + tail

    return _TEXT_URL.sub(url, rendered)


def insert_before_body_end(document: str, fragment: str) -> str:
    """`fragment` placed just before the last `</body>`, or appended when there is none."""
    ends = list(_BODY_END.finditer(document))
    if not ends:
        return document + fragment
    at = ends[-1].start()
    return document[:at] + fragment + document[at:]


def html_footer(postal_address: str | None, unsubscribe_url: str | None) -> str:
    """The footer every commercial email carries: the sender's postal address and, unless the
    template placed it itself, the unsubscribe link."""
    lines = []
    if postal_address:
        lines.append(html.escape(postal_address))
    if unsubscribe_url:
        link = html.escape(unsubscribe_url)
        lines.append(f'<a href="{link}">Unsubscribe</a> from these emails.')
    if not lines:
        return ""
    style = "margin-top:24px;font-size:12px;line-height:18px;color:#666666"
    return f'\n<div style="{style}">' + "<br>".join(lines) + "</div>\n"


def text_footer(postal_address: str | None, unsubscribe_url: str | None) -> str:
    lines = []
    if postal_address:
        lines.append(postal_address)
    if unsubscribe_url:
        lines.append(f"Unsubscribe: {unsubscribe_url}")
    return "\n\n--\n" + "\n".join(lines) + "\n" if lines else ""


def open_pixel(url: str) -> str:
    source = html.escape(url)
    return (
        f'<img src="{source}" width="1" height="1" alt="" '
        'style="display:block;width:1px;height:1px;border:0">'
    )


_DROP = re.compile(
    r"<(head|style|script|title)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL
)
_LINK = re.compile(
    r"""<a\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>(.*?)</a\s*>""",
    re.IGNORECASE | re.DOTALL,
)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BLOCK_END = re.compile(r"</(p|div|h[1-6]|table|ul|ol|blockquote|section|article)\s*>", re.I)
_ROW_END = re.compile(r"</(tr|li|dt|dd)\s*>", re.IGNORECASE)
_ITEM = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def html_to_text(document: str) -> str:
    """A readable plain-text version of an HTML message: paragraphs on their own lines, links
    as `label (url)`, images and markup dropped."""
    text = _DROP.sub("", document)

    def link(match: re.Match[str]) -> str:
        href = html.unescape(next(g for g in match.groups()[:3] if g is not None)).strip()
        label = " ".join(html.unescape(_TAG.sub("", match.group(4))).split())
        if not label or label == href:
            return f" {href} "
        return f"{label} ({href})" if href.lower().startswith(("http", "mailto:")) else label

    text = _LINK.sub(link, text)
    text = _BREAK.sub("\n", text)
    text = _BLOCK_END.sub("\n\n", text)
    text = _ROW_END.sub("\n", text)
    text = _ITEM.sub("- ", text)
    text = html.unescape(_TAG.sub("", text))
    text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"
