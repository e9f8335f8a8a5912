"""Template text can never execute code, read settings or make a render slow or huge."""

import pytest

from crm_common.messages import RenderFailed, TemplateInvalid

from .helpers import render

INERT_OR_FAILING = [
    "{{ config }}",
    "{{ settings }}",
    "{{ request }}",
    "{{ range(10) }}",
    "{{ lipsum() }}",
    "{{ cycler }}",
    "{{ namespace() }}",
    "{{ dict(a=1) }}",
    "{{ attributes.update({'a': 1}) }}",
    "{{ interests.append('x') }}",
    "{{ interests.pop() }}",
    "{{ first_name.format(1) }}",
    "{{ '{0.__class__}'.format(first_name) }}",
    "{{ '%s' % first_name }}",
    "{{ first_name.replace('A', 'B') }}",
    "{{ first_name.encode('utf-8') }}",
    "{{ attributes|attr('__class__') }}",
    "{{ first_name|map('upper')|list }}",
    "{{ 'x' * 1000000 }}",
    "{{ 10 ** 1000 }}",
    "{{ ('a' * 1000) ~ ('b' * 99500) }}",
    "{% for a in interests %}{% for b in interests %}{% endfor %}{% endfor %}{{ boom }}",
]


@pytest.mark.parametrize("source", INERT_OR_FAILING)
def test_unsafe_expressions_fail_the_render_or_print_nothing_dangerous(source: str) -> None:
    try:
        message = render("sms", subject=None, text=source)
    except (RenderFailed, TemplateInvalid):
        return
    lowered = message.text.lower()
    for leak in ("class", "function", "module", "secret", "<built", "object at"):
        assert leak not in lowered, message.text


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ self }}",
        "{{ cycler.__init__.__globals__ }}",
        "{% import os %}",
        "{{ first_name.__class__.__base__.__subclasses__() }}",
        "{{ attributes['__class__'] }}",
        "{{ loop.__class__ }}",
    ],
)
def test_known_escapes_are_refused_on_compile(source: str) -> None:
    with pytest.raises(TemplateInvalid):
        render("sms", subject=None, text=source)


def test_huge_range_is_not_available() -> None:
    with pytest.raises(RenderFailed):
        render("sms", subject=None, text="{% for i in range(10**9) %}x{% endfor %}")


def test_loops_are_limited_per_render() -> None:
    many = "[" + ",".join(["1"] * 200) + "]"
    source = f"{{% for a in {many} %}}{{% for b in {many} %}}{{% endfor %}}{{% endfor %}}ok"
    with pytest.raises(RenderFailed, match="loops ran more than"):
        render("sms", subject=None, text=source)


def test_doubling_strings_is_stopped() -> None:
    doubling = "{% set s = 'abcdefgh' %}" + "{% set s = s ~ s %}" * 40 + "{{ s | length }}"
    with pytest.raises(RenderFailed, match="longer than"):
        render("sms", subject=None, text=doubling)
    joined = "{% set s = 'abcdefgh' %}" + "{% set s = [s, s] | join %}" * 40 + "{{ s }}"
    with pytest.raises(RenderFailed, match="longer than"):
        render("sms", subject=None, text=joined)
    captured = "{% set s = 'abcdefgh' %}" + "{% set s %}{{ s }}{{ s }}{% endset %}" * 40
    with pytest.raises(TemplateInvalid, match="set … endset"):
        render("sms", subject=None, text=captured + "{{ s }}")


def test_output_is_capped() -> None:
    body = "x" * 5_000
    source = "{% for i in " + "[" + ",".join(["1"] * 200) + "] %}" + body + "{% endfor %}"
    with pytest.raises(RenderFailed, match="longer than"):
        render(html=source)


def test_contact_values_are_data_never_template_code() -> None:
    contact = {"first_name": "{{ config }}{% for x in y %}", "attributes": {}}
    message = render("sms", subject=None, text="Hi {{ first_name }}", contact=contact)
    assert message.text.startswith("Hi {{ config }}{% for x in y %}")


def test_allowed_helpers_still_work() -> None:
    message = render(
        "sms",
        subject=None,
        text=(
            "{{ first_name | upper }} {{ interests | join(', ') | title }} "
            "{{ attributes.points + 5 }} {{ first_name.lower() }} "
            "{% for i in interests %}{{ loop.index }}{{ loop.cycle('a', 'b') }}{% endfor %} "
            "{{ attributes.get('loyalty_tier') }} {{ 'x' * 3 }} {{ 2 ** 3 }}"
        ),
    )
    assert message.text.startswith("ANN Photography, Travel 125 ann 1a2b gold xxx 8")


@pytest.mark.parametrize(
    "source",
    [
        # Each argument is small enough; the result would be 10^10 characters.
        "{{ ('x' * 99999) | replace('x', 'y' * 99999) | length }}",
        "{{ ('x' * 99999) | replace('', 'y' * 99999) | length }}",
        "{{ (['a'] * 99999) | join('x' * 99999) | length }}",
        # One string repeated in a list stands for a huge text.
        "{{ (['x' * 99999] * 99999) | join | length }}",
        "{% set s = 'x' * 99999 %}{{ [s, s, s] | join | length }}",
        "{% set s = 'x' * 60000 %}{{ [s, s] }}",
        "{% set s = 'x' * 60000 %}{{ [s] + [s] }}",
        "{% set s = 'x' * 60000 %}{{ [s, s] | string | length }}",
        # Adding lists copies the list again for every item.
        "{{ ([[1]] * 40000) | sum(start=[]) | length }}",
        # Each mapped item is small enough; all of them together are not.
        "{{ (['a'] * 50000) | map('replace', 'a', 'x' * 99999) | join | length }}",
        "{{ (['a'] * 50000) | map('replace', 'a', 'x' * 99999) | list | length }}",
    ],
)
def test_filters_and_lists_cannot_build_what_their_arguments_only_promise(source: str) -> None:
    with pytest.raises(RenderFailed, match="longer than|numbers only|more than"):
        render("sms", subject=None, text=source)


def test_replace_and_join_within_the_budget_still_work() -> None:
    message = render(
        "sms",
        subject=None,
        text="{{ first_name | replace('n', 'nn') }} {{ interests | join(' & ') }} "
        "{{ [1, 2, 3] | sum }} {{ ('ab' * 3) | replace('b', 'c', 2) }}",
    )
    assert message.text.startswith("Annnn photography & travel 6 acacab")


def test_a_render_has_a_time_budget(monkeypatch) -> None:
    from crm_common.messages import sandbox

    monkeypatch.setattr(sandbox, "MAX_RENDER_SECONDS", 0.0)
    many = "[" + ",".join(["1"] * 40) + "]"
    with pytest.raises(RenderFailed, match="took longer than"):
        render("sms", subject=None, text=f"{{% for i in {many} %}}{{{{ i }}}}{{% endfor %}}")
