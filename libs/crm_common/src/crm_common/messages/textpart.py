"""An email's plain-text part, derived from its HTML template once when it is compiled.

Deriving the text from each rendered HTML costs more than rendering it, so the HTML template
itself is turned into a text template: its template tags are set aside, the markup around
them becomes text (paragraphs on their own lines, links as `label (url)`), and the tags are
put back. A template this does not work for (a tag cut in two by dropped markup) keeps
deriving its text from the rendered HTML.
"""

from __future__ import annotations

import re

from crm_common.messages.markup import html_to_text

_TEMPLATE_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_OPEN, _CLOSE = "\ue000", "\ue001"
_PLACEHOLDER = re.compile(f"{_OPEN}(\\d+){_CLOSE}")


def text_source_from_html(source: str) -> str | None:
    """The text template of an HTML template, or None when it cannot be derived."""
    if _OPEN in source or _CLOSE in source:
        return None
    tags: list[str] = []

    def set_aside(match: re.Match[str]) -> str:
        tags.append(match.group(0))
        return f"{_OPEN}{len(tags) - 1}{_CLOSE}"

    text = html_to_text(_TEMPLATE_TAG.sub(set_aside, source))
    return _PLACEHOLDER.sub(lambda match: tags[int(match.group(1))], text)
