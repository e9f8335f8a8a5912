"""Message sources checked and compiled once, so each contact only pays for rendering."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Template, TemplateSyntaxError, meta, nodes
from jinja2.lexer import Token, TokenStream
from jinja2.parser import Parser

from crm_common.errors import ValidationFailed
from crm_common.messages.sandbox import (
    FORBIDDEN_NAMES,
    FORBIDDEN_NODES,
    LOOP_GUARD,
    MessageEnvironment,
)
from crm_common.messages.textpart import text_source_from_html

MAX_TEMPLATE_CHARS = 200_000
TEXT_CHANNELS = frozenset({"sms", "social", "direct_mail"})
CHANNELS = frozenset({"email"}) | TEXT_CHANNELS

_NEWLINE = re.compile(r"\r\n|\r|\n")
_UNEXPECTED_CHAR = re.compile(r"unexpected char .* at (\d+)$")
_UNEXPECTED_CLOSER = re.compile(r"^unexpected '(.)'")

HTML_ENV = MessageEnvironment(autoescape=True)
TEXT_ENV = MessageEnvironment(autoescape=False)


@dataclass(frozen=True)
class TemplateProblem:
    """Where and why one part of a message does not compile (line and column from 1)."""

    field: str
    line: int
    column: int
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


class TemplateInvalid(ValidationFailed):
    """A message template that does not parse or uses what the sandbox refuses (422)."""

    error_code = "template_invalid"
    message = "The message template is not valid."

    def __init__(self, problems: list[TemplateProblem]) -> None:
        fields: dict[str, list[str]] = {}
        for problem in problems:
            fields.setdefault(problem.field, []).append(
                f"line {problem.line}, column {problem.column}: {problem.message}"
            )
        first = problems[0]
        super().__init__(
            f"{first.field}: line {first.line}, column {first.column}: {first.message}",
            details={"fields": fields, "errors": [p.as_dict() for p in problems]},
        )
        self.problems = problems


@dataclass(frozen=True)
class MessageSource:
    """The template text of one message: `subject` and `html` for email (`text`, when given,
    is the plain-text part; otherwise it is derived from the HTML), `text` for SMS, social
    and direct mail."""

    channel: str
    subject: str | None = None
    html: str | None = None
    text: str | None = None
    field_names: dict[str, str] = field(default_factory=dict)
    """How to name each part in errors (e.g. {"html": "content_template"}); default: the part."""


@dataclass(frozen=True)
class CompiledMessage:
    """A message source checked and compiled; render it with `render_message`."""

    channel: str
    subject: Template | None
    html: Template | None
    text: Template | None
    fields: frozenset[str]
    """Every top-level name the templates read (contact fields, `attributes`, links …)."""
    html_fields: frozenset[str] = frozenset()
    text_fields: frozenset[str] = frozenset()
    derived_text: Template | None = None
    """An email without a text part: its text template, derived from the HTML template."""


@dataclass
class _Positions:
    """Line and column of the token the parser reached, tracked while it reads the source."""

    lines: list[str]
    line: int = 1
    column: int = 0
    cursor: int = 0

    def locate(self, token: Token) -> None:
        if token.lineno != self.line:
            self.line, self.cursor = token.lineno, 0
        text = self.lines[self.line - 1] if 0 < self.line <= len(self.lines) else ""
        if token.type == "data":
            value = str(token.value)
            if "\n" in value:
                self.line, self.cursor = token.lineno + value.count("\n"), 0
                self.column = 0
                return
        raw = "" if token.type == "eof" else str(token.value)
        found = text.find(raw, self.cursor) if raw else -1
        if found >= 0:
            self.column, self.cursor = found, found + len(raw)
        else:
            self.column = len(text) if token.type == "eof" else self.cursor

    def tokens(self, stream: Iterator[Token]) -> Iterator[Token]:
        for token in stream:
            self.locate(token)
            yield token


def _column_in_line(lines: list[str], line: int, needle: str) -> int:
    if 0 < line <= len(lines) and needle:
        found = lines[line - 1].find(needle)
        if found >= 0:
            return found + 1
    return 1


def _parse(env: MessageEnvironment, source: str, name: str) -> nodes.Template:
    lines = _NEWLINE.split(source)
    positions = _Positions(lines)
    parser = Parser(env, source)
    raw_tokens = env.lexer.wrap(env.lexer.tokeniter(source, None))
    parser.stream = TokenStream(positions.tokens(raw_tokens), None, None)
    try:
        return parser.parse()
    except TemplateSyntaxError as exc:
        message = exc.message or "syntax error"
        line = exc.lineno or positions.line
        column = positions.column + 1 if line == positions.line else 1
        if parser.stream.current.type == "eof" and 0 < line <= len(lines):
            column = len(lines[line - 1]) + 1
        offset = _UNEXPECTED_CHAR.search(message)
        stray = _UNEXPECTED_CLOSER.match(message)
        if stray is not None and line == positions.line and 0 < line <= len(lines):
            found = lines[line - 1].find(stray.group(1), positions.cursor)
            column = found + 1 if found >= 0 else column
        elif offset is not None:
            before = source.replace("\r\n", "\n").replace("\r", "\n")[: int(offset.group(1))]
            line = before.count("\n") + 1
            column = len(before) - (before.rfind("\n") + 1) + 1
        raise TemplateInvalid([TemplateProblem(name, line, column, message)]) from None


def _refusals(
    env: MessageEnvironment, tree: nodes.Template, name: str, source: str
) -> Iterator[TemplateProblem]:
    lines = _NEWLINE.split(source)

    def problem(node: nodes.Node, needle: str, message: str) -> TemplateProblem:
        line = node.lineno or 1
        return TemplateProblem(name, line, _column_in_line(lines, line, needle), message)

    for node in tree.find_all(nodes.Node):
        tag = FORBIDDEN_NODES.get(type(node))
        if tag is not None:
            yield problem(node, tag.split()[0], f"the '{tag}' tag is not allowed in messages")
        elif isinstance(node, nodes.For) and node.recursive:
            yield problem(node, "recursive", "recursive loops are not allowed in messages")
        elif isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
            yield problem(node, node.attr, f"attribute '{node.attr}' is not allowed")
        elif (
            isinstance(node, nodes.Getitem)
            and isinstance(node.arg, nodes.Const)
            and isinstance(node.arg.value, str)
            and node.arg.value.startswith("_")
        ):
            yield problem(node, node.arg.value, f"item '{node.arg.value}' is not allowed")
        elif isinstance(node, nodes.Name) and (
            node.name in FORBIDDEN_NAMES or node.name.startswith("_")
        ):
            yield problem(node, node.name, f"'{node.name}' is not allowed in messages")
        elif isinstance(node, nodes.Filter) and node.name not in env.filters:
            yield problem(node, node.name, f"there is no filter '{node.name}'")
        elif isinstance(node, nodes.Test) and node.name not in env.tests:
            yield problem(node, node.name, f"there is no test '{node.name}'")


def _guard_loops(tree: nodes.Template) -> None:
    for loop in tree.find_all(nodes.For):
        guarded = nodes.Filter(loop.iter, LOOP_GUARD, [], [], None, None, lineno=loop.lineno)
        loop.iter = guarded


def compile_template(source: str, *, field: str, html: bool) -> tuple[Template, frozenset[str]]:
    """One template part compiled in the sandbox, and the names it reads; raises
    TemplateInvalid naming `field`, line and column."""
    if len(source) > MAX_TEMPLATE_CHARS:
        raise TemplateInvalid(
            [TemplateProblem(field, 1, 1, f"longer than {MAX_TEMPLATE_CHARS} characters")]
        )
    if "\x00" in source:
        line = source[: source.index("\x00")].count("\n") + 1
        raise TemplateInvalid([TemplateProblem(field, line, 1, "contains a NUL character")])
    env = HTML_ENV if html else TEXT_ENV
    tree = _parse(env, source, field)
    problems = sorted(_refusals(env, tree, field, source), key=lambda p: (p.line, p.column))
    if problems:
        raise TemplateInvalid(problems)
    names = frozenset(meta.find_undeclared_variables(tree))
    _guard_loops(tree)
    code = env.compile(tree)
    return env.template_class.from_code(env, code, env.make_globals(None)), names


def validate_template(source: str | None, *, field: str, html: bool) -> None:
    """Raise TemplateInvalid (422) when `source` would not compile; for save-time checks."""
    if source:
        compile_template(source, field=field, html=html)


def _derived_text(html: str | None) -> Template | None:
    text = text_source_from_html(html) if html else None
    if text is None:
        return None
    try:
        return compile_template(text, field="text", html=False)[0]
    except TemplateInvalid:
        return None  # the text is then derived from each rendered HTML


def compile_message(source: MessageSource) -> CompiledMessage:
    """Check and compile every part of a message; raises TemplateInvalid (422) naming the part,
    line and column of each problem."""
    if source.channel not in CHANNELS:
        raise TemplateInvalid(
            [TemplateProblem("channel", 1, 1, f"no messages for channel '{source.channel}'")]
        )
    parts: dict[str, tuple[str | None, bool]] = {
        "subject": (source.subject, False),
        "html": (source.html, True),
        "text": (source.text, False),
    }
    if source.channel in TEXT_CHANNELS:
        parts["subject"] = (None, False)
        if not source.text and source.html:
            parts["text"], parts["html"] = (source.html, False), (None, True)
        else:
            parts["html"] = (None, True)
    problems: list[TemplateProblem] = []
    templates: dict[str, Template | None] = {}
    fields: dict[str, frozenset[str]] = {}

    def name_of(part: str) -> str:
        return source.field_names.get(part, part)

    if source.channel == "email" and not (source.subject or "").strip():
        problems.append(TemplateProblem(name_of("subject"), 1, 1, "an email needs a subject"))
    if not any((text or "").strip() for key, (text, _) in parts.items() if key != "subject"):
        body = "html" if source.channel == "email" else "text"
        problems.append(TemplateProblem(name_of(body), 1, 1, "the message has no content"))
    for part, (text, html) in parts.items():
        templates[part] = None
        if not text:
            continue
        try:
            templates[part], fields[part] = compile_template(text, field=name_of(part), html=html)
        except TemplateInvalid as exc:
            problems.extend(exc.problems)
    if problems:
        raise TemplateInvalid(problems)
    return CompiledMessage(
        derived_text=_derived_text(source.html) if templates["text"] is None else None,
        channel=source.channel,
        subject=templates["subject"],
        html=templates["html"],
        text=templates["text"],
        fields=frozenset().union(*fields.values()),
        html_fields=fields.get("html", frozenset()),
        text_fields=fields.get("text", frozenset()),
    )
