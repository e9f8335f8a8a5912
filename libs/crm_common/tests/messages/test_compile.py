"""Compiling message sources: what is refused, and where the error points."""

from types import SimpleNamespace as T

import pytest

from crm_common.errors import ValidationFailed
from crm_common.messages import (
    MessageSource,
    TemplateInvalid,
    compile_message,
    message_source,
    pick_template,
    validate_template,
)
from crm_common.messages.sources import validate_template_fields


def _problem(source: str, *, html: bool = True) -> dict:
    with pytest.raises(TemplateInvalid) as caught:
        validate_template(source, field="content_template", html=html)
    return caught.value.details["errors"][0]


def test_template_invalid_is_a_422_validation_error_in_the_standard_format() -> None:
    with pytest.raises(TemplateInvalid) as caught:
        validate_template("<p>{{ first_name </p>", field="content_template", html=True)
    error = caught.value
    assert isinstance(error, ValidationFailed)
    assert error.status_code == 422
    assert error.error_code == "template_invalid"
    assert "content_template" in error.details["fields"]
    assert error.details["fields"]["content_template"][0].startswith("line 1, column ")


@pytest.mark.parametrize(
    ("source", "line", "column"),
    [
        ("Hello {{ first_name }", 1, 21),
        ("<p>ok</p>\n<p>{% if %}</p>", 2, 10),
        ("a\nb\n  {% for x in interests %}{{ x }}", 3, 34),
        ("{{ first_name | nosuchfilter }}", 1, 17),
        ("line one\n{{ 'x' ! 'y' }}", 2, 8),
        ("{% endif %}", 1, 4),
    ],
)
def test_syntax_errors_name_line_and_column(source: str, line: int, column: int) -> None:
    problem = _problem(source)
    assert (problem["field"], problem["line"], problem["column"]) == (
        "content_template",
        line,
        column,
    ), problem


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ ''.__class__.__mro__ }}", "attribute '__class__' is not allowed"),
        ("{{ first_name.__class__ }}", "attribute '__class__' is not allowed"),
        ("{{ cycler.__init__.__globals__ }}", "attribute '__init__' is not allowed"),
        ("{{ attributes['__dict__'] }}", "item '__dict__' is not allowed"),
        ("{{ self }}", "'self' is not allowed in messages"),
        ("{{ _private }}", "'_private' is not allowed in messages"),
        ("{% import 'os' as os %}", "the 'import' tag is not allowed in messages"),
        ("{% from 'x' import y %}", "the 'from … import' tag is not allowed in messages"),
        ("{% include 'settings.py' %}", "the 'include' tag is not allowed in messages"),
        ("{% extends 'base.html' %}", "the 'extends' tag is not allowed in messages"),
        ("{% macro m() %}x{% endmacro %}", "the 'macro' tag is not allowed in messages"),
        ("{% block b %}x{% endblock %}", "the 'block' tag is not allowed in messages"),
        ("{% autoescape false %}{{ x }}{% endautoescape %}", "the 'autoescape' tag"),
        ("{% for x in interests recursive %}{% endfor %}", "recursive loops are not allowed"),
        ("{{ x | safe }}", "there is no filter 'safe'"),
        ("{{ x | format(1) }}", "there is no filter 'format'"),
        ("{{ x | pprint }}", "there is no filter 'pprint'"),
    ],
)
def test_code_execution_and_template_loading_are_refused(source: str, message: str) -> None:
    problems = _problem(source)
    assert message in problems["message"]


def test_import_without_alias_is_a_syntax_error() -> None:
    assert (
        _problem("{% import os %}")["message"]
        == "expected token 'as', got 'end of statement block'"
    )


def test_every_problem_is_reported() -> None:
    with pytest.raises(TemplateInvalid) as caught:
        validate_template("{{ a.__class__ }}\n{{ b | safe }}", field="content_template", html=True)
    lines = sorted(p["line"] for p in caught.value.details["errors"])
    assert lines == [1, 2]


def test_nul_and_oversized_templates_are_refused() -> None:
    assert "NUL" in _problem("ok\n\x00")["message"]
    assert _problem("ok\n\x00")["line"] == 2
    assert "longer than" in _problem("x" * 200_001)["message"]


def test_compile_message_names_the_part_and_requires_subject_and_content() -> None:
    with pytest.raises(TemplateInvalid) as caught:
        compile_message(MessageSource(channel="email", subject=" ", html="{{ x"))
    fields = caught.value.details["fields"]
    assert "an email needs a subject" in fields["subject"][0]
    assert fields["html"][0].startswith("line 1, column")
    with pytest.raises(TemplateInvalid) as caught:
        compile_message(MessageSource(channel="sms", text="  "))
    assert "no content" in caught.value.details["fields"]["text"][0]
    with pytest.raises(TemplateInvalid):
        compile_message(MessageSource(channel="fax", text="hi"))


def test_compiled_message_lists_the_fields_it_reads() -> None:
    compiled = compile_message(
        MessageSource(
            channel="email",
            subject="{{ first_name | default('Hi') }}",
            html="{% for tag in interests %}{{ tag }}{% endfor %}{{ attributes.tier }}",
        )
    )
    assert compiled.fields == {"first_name", "interests", "attributes"}


def test_message_source_prefers_the_variant_and_names_fields_for_errors() -> None:
    source = message_source(
        "email",
        template_content="<p>template</p>",
        template_settings={"subject": "Template subject", "text_content": "plain"},
        variant_subject="Variant {{ x",
        variant_content="<p>variant</p>",
    )
    assert (source.subject, source.html, source.text) == ("Variant {{ x", "<p>variant</p>", None)
    with pytest.raises(TemplateInvalid) as caught:
        compile_message(source)
    assert list(caught.value.details["fields"]) == ["variant.subject"]

    plain = message_source(
        "email",
        template_content="<p>t</p>",
        template_settings={"subject": "S", "text_content": "plain"},
    )
    assert (plain.subject, plain.html, plain.text) == ("S", "<p>t</p>", "plain")
    default = message_source("email", template_content="<p>t</p>")
    assert default.subject == "{{ campaign_name }}"
    sms = message_source("sms", template_content="Hi {{ first_name }}")
    assert (sms.text, sms.html, sms.subject) == ("Hi {{ first_name }}", None, None)


def test_template_fields_are_checked_on_save() -> None:
    validate_template_fields("<p>{{ first_name | default('you') }}</p>", {"subject": "Hi"})
    with pytest.raises(TemplateInvalid) as caught:
        validate_template_fields("<p>ok</p>", {"subject": "Hi {{ first_name }"})
    assert list(caught.value.details["fields"]) == ["default_settings.subject"]
    with pytest.raises(TemplateInvalid) as caught:
        validate_template_fields("<p>ok</p>", {"text_content": 5})
    assert caught.value.details["errors"][0]["message"] == "must be a string"


def test_pick_template_takes_the_primary_fitting_active_template() -> None:
    email = T(template_type="email", is_active=True)
    primary_page = T(template_type="landing_page", is_active=True)
    sms = T(template_type="sms", is_active=True)
    inactive = T(template_type="email", is_active=False)
    linked = [(inactive, True), (email, False), (primary_page, True), (sms, False)]

    assert pick_template(linked, "email") is primary_page
    assert pick_template(linked, "sms") is sms
    assert (
        pick_template([(email, False), (T(template_type="email", is_active=True), False)], "email")
        is email
    )
    assert pick_template(linked, "direct_mail") is None
    assert pick_template([], "email") is None
