"""Rendering one message for one contact: personalisation, fallbacks, tracked links, pixel,
unsubscribe link and headers, postal address, SMS opt-out."""

import uuid

import pytest

from crm_common.messages import (
    MessageSource,
    RenderContext,
    RenderFailed,
    compile_message,
    contact_fields,
    render_message,
    sender_profile,
)
from crm_common.tracking_tokens import TrackingKind

from .helpers import ANN, BASE, SIGNER, context, render

PAGE = """<html><head><title>x</title><style>p {color: red}</style></head><body>
<h1>Hi {{ first_name | default("there") }}</h1>
<p>Your tier: {{ attributes.loyalty_tier }} &amp; points {{ attributes.points }}.</p>
<a href="https://shop.example.com/spring?utm=crm&amp;id={{ external_id }}">Shop now</a>
<a href='https://shop.example.com/help'>Help</a>
<a href="mailto:help@example.com">Mail us</a> <a href="#top">Top</a>
<link href="https://cdn.example.com/style.css" rel="stylesheet">
</body></html>"""


def _token(url: str, marker: str) -> str:
    assert url.startswith(f"{BASE}/t/{marker}/"), url
    return url.rsplit("/", 1)[1].removesuffix(".gif")


def test_email_is_personalised_and_fields_are_escaped() -> None:
    contact = {**ANN, "first_name": "<script>alert(1)</script>", "attributes": {"t": "a&b"}}
    message = render(
        subject="Hi {{ first_name }} — {{ campaign_name }}",
        html="<p>{{ first_name }} {{ attributes.t }} {{ full_name }}</p>",
        contact=contact,
    )
    assert message.subject == "Hi <script>alert(1)</script> — Spring sale"
    assert "&lt;script&gt;alert(1)&lt;/script&gt; a&amp;b" in message.html
    assert "<script>" not in message.html
    assert "<script>alert(1)</script> Lee" in message.text


def test_missing_field_without_fallback_fails_that_contact_with_the_reason() -> None:
    compiled = compile_message(
        MessageSource(channel="email", subject="Hi", html="<p>Hi {{ first_name }}</p>")
    )
    without_name = {**ANN, "first_name": None}
    with pytest.raises(RenderFailed) as caught:
        render_message(compiled, context(without_name), SIGNER)
    assert caught.value.reason == "html: 'first_name' is undefined and has no fallback"
    # the same compiled message still renders for the next contact
    assert "Hi Ann" in render_message(compiled, context(), SIGNER).html


def test_fallbacks_tests_and_missing_attributes() -> None:
    contact = {"email": "x@example.com", "first_name": "", "attributes": {"nickname": None}}
    message = render(
        subject="{{ first_name | default('Hello there') }}",
        html=(
            "<p>{% if first_name %}Hi {{ first_name }}{% else %}Hi friend{% endif %}</p>"
            "<p>{{ attributes.nickname | default('pal') }} {{ city | d('your city') }}</p>"
            "<p>{% if attributes.tier is defined %}tier{% else %}no tier{% endif %}</p>"
        ),
        contact=contact,
    )
    assert message.subject == "Hello there"
    assert "Hi friend" in message.html
    assert "pal your city" in message.html
    assert "no tier" in message.html
    with pytest.raises(RenderFailed, match="'attributes.tier' is undefined"):
        render(html="{{ attributes.tier }}", contact=contact)


def test_http_links_are_tracked_in_order_and_tokens_name_their_position() -> None:
    ctx = context()
    message = render(html=PAGE, ctx=ctx)
    assert message.links == [
        "https://shop.example.com/spring?utm=crm&id=C-1",
        "https://shop.example.com/help",
    ]
    assert "shop.example.com" not in message.html
    assert 'href="mailto:help@example.com"' in message.html
    assert 'href="#top"' in message.html
    assert 'href="https://cdn.example.com/style.css"' in message.html
    clicks = [part.split('"')[0] for part in message.html.split(f'href="{BASE}/t/c/')[1:]]
    assert len(clicks) == 2
    for position, token in enumerate(clicks):
        claims = SIGNER.verify(token, TrackingKind.CLICK)
        assert claims.position == position
        assert (claims.delivery_id, claims.contact_id) == (ctx.delivery_id, ctx.contact_id)
        assert (claims.campaign_id, claims.company_id) == (ctx.campaign_id, ctx.company_id)


def test_open_pixel_and_footer_go_before_the_body_end() -> None:
    ctx = context()
    message = render(html=PAGE, ctx=ctx)
    body_end = message.html.rindex("</body>")
    pixel_at = message.html.index(f'<img src="{BASE}/t/o/')
    footer_at = message.html.index("100 Example Street")
    assert footer_at < pixel_at < body_end
    token = _token(message.html[pixel_at:].split('"')[1], "o")
    assert SIGNER.verify(token, TrackingKind.OPEN).delivery_id == ctx.delivery_id


def test_unsubscribe_link_and_rfc8058_headers() -> None:
    ctx = context()
    message = render(html="<p>Hello</p>", ctx=ctx)
    header = message.headers["List-Unsubscribe"]
    assert header.startswith("<")
    assert header.endswith(">")
    url = header[1:-1]
    claims = SIGNER.verify(_token(url, "u"), TrackingKind.UNSUBSCRIBE)
    assert (claims.contact_id, claims.delivery_id) == (ctx.contact_id, ctx.delivery_id)
    assert message.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f'<a href="{url}">Unsubscribe</a>' in message.html
    assert message.text == (
        "Hello\n\n--\nCampaign Creation, 100 Example Street, Springfield, EX 00000, US\n"
        f"Unsubscribe: {url}\n"
    )
    assert url not in message.links


def test_mailto_unsubscribe_and_reply_to_come_from_the_sender_settings() -> None:
    ctx = context(unsubscribe_mailto="unsub@acme.example", reply_to="help@acme.example")
    message = render(html="<p>x</p>", ctx=ctx)
    targets = message.headers["List-Unsubscribe"].split(", ")
    assert targets[1] == "<mailto:unsub@acme.example?subject=unsubscribe>"
    assert message.headers["Reply-To"] == "help@acme.example"


def test_template_placing_unsubscribe_and_address_itself_gets_no_second_copy() -> None:
    html = (
        '<p>{{ sender_address }}</p><a href="{{ unsubscribe_url }}">Opt out</a>'
        '<a href="https://x.example.com/">x</a>'
    )
    message = render(html=html, ctx=context(postal_address="1 Main St, Town"))
    assert message.html.count("1 Main St, Town") == 1
    assert message.html.count("/t/u/") == 1
    assert message.links == ["https://x.example.com/"]


def test_postal_address_is_in_every_email() -> None:
    message = render(
        html="<p>x</p>",
        ctx=context(postal_address={"line1": "1 Main St", "city": "Ottawa", "country": "CA"}),
    )
    assert "1 Main St, Ottawa, CA" in message.html
    assert "1 Main St, Ottawa, CA" in message.text


def test_explicit_text_part_gets_tracked_links_and_footer() -> None:
    message = render(
        html='<a href="https://shop.example.com/a">A</a>',
        text="Shop: https://shop.example.com/a. Also https://other.example.com/b",
    )
    assert message.links == ["https://shop.example.com/a", "https://other.example.com/b"]
    assert "shop.example.com" not in message.text
    assert f"Shop: {BASE}/t/c/" in message.text
    text_tokens = [t.split(".")[0].split()[0] for t in message.text.split("/t/c/")[1:]]
    positions = [SIGNER.verify(t, TrackingKind.CLICK).position for t in text_tokens]
    assert positions == [0, 1]
    assert "\n--\n" in message.text
    assert "Unsubscribe: " in message.text


def test_derived_text_part_reads_well() -> None:
    message = render(html=PAGE)
    lines = [line for line in message.text.splitlines() if line]
    assert lines[0] == "Hi Ann"
    assert lines[1] == "Your tier: gold & points 120."
    assert lines[2].startswith(f"Shop now ({BASE}/t/c/")
    assert "color: red" not in message.text
    assert "<" not in message.text


def test_subject_cannot_inject_headers() -> None:
    message = render(
        subject="Hi {{ first_name }}",
        html="<p>x</p>",
        contact={**ANN, "first_name": "Ann\r\nBcc: all@example.com"},
    )
    assert "\n" not in message.subject
    assert "\r" not in message.subject
    with pytest.raises(RenderFailed, match="subject"):
        render(subject="{{ attributes.missing | default('') }}", html="<p>x</p>")


def test_sms_is_text_only_with_stop_instruction() -> None:
    message = render("sms", subject=None, text="Hi {{ first_name }}, 20% off today")
    assert message.text == "Hi Ann, 20% off today Reply STOP to opt out."
    assert (message.html, message.subject, message.headers, message.links) == (None, None, {}, [])
    kept = render("sms", subject=None, text="Sale! Text STOP to end")
    assert kept.text == "Sale! Text STOP to end"
    short = render("sms", subject=None, text="Leave: {{ unsubscribe_url }}")
    assert "/t/u/" in short.text


def test_direct_mail_is_plain_text_without_tracking() -> None:
    message = render("direct_mail", subject=None, text="Dear {{ full_name }}, thank you.")
    assert message.text == "Dear Ann Lee, thank you."
    assert message.links == []
    assert message.headers == {}


def test_contact_fields_reads_rows_and_mappings() -> None:
    class Row:
        first_name = "Bo"
        email = "bo@example.com"
        attributes = {"tier": "silver"}
        company_id = uuid.uuid4()

    fields = contact_fields(Row())
    assert fields["first_name"] == "Bo"
    assert fields["attributes"] == {"tier": "silver"}
    assert "company_id" not in fields
    assert contact_fields({"first_name": "Cy"})["first_name"] == "Cy"


def test_render_is_deterministic_per_delivery() -> None:
    ctx = context()
    compiled = compile_message(MessageSource(channel="email", subject="S", html=PAGE))
    assert render_message(compiled, ctx, SIGNER) == render_message(compiled, ctx, SIGNER)


def test_sender_profile_defaults_and_invalid_values() -> None:
    default = sender_profile(None, company_name="Acme")
    assert default.from_name == "Acme"
    assert default.from_header == "Acme <campaigns@example.com>"
    assert default.reply_to is None
    custom = sender_profile(
        {
            "sender": {
                "from_name": "Acme\r\nBcc: x@example.com",
                "from_address": "not an address",
                "reply_to": "help@acme.example",
                "postal_address": "1 Main St",
            }
        }
    )
    assert "\n" not in custom.from_name
    assert "\r" not in custom.from_header
    assert custom.from_address == "campaigns@example.com"
    assert custom.reply_to == "help@acme.example"
    assert custom.postal_address == "1 Main St"


def test_render_context_accepts_any_tracking_origin() -> None:
    ctx = RenderContext(
        company_id=uuid.uuid4(),
        campaign_id=uuid.uuid4(),
        delivery_id=uuid.uuid4(),
        contact_id=uuid.uuid4(),
        contact=ANN,
        campaign={"campaign_name": "C", "campaign_code": "C-1"},
        sender=sender_profile({}),
        tracking_base_url="http://127.0.0.1:8000/",
    )
    compiled = compile_message(MessageSource(channel="email", subject="S", html="<p>x</p>"))
    message = render_message(compiled, ctx, SIGNER)
    assert message.headers["List-Unsubscribe"].startswith("<http://127.0.0.1:8000/t/u/")


def test_text_part_derived_from_the_html_template_keeps_loops_and_links() -> None:
    compiled = compile_message(MessageSource(channel="email", subject="S", html=PAGE))
    assert compiled.derived_text is not None
    message = render_message(compiled, context(), SIGNER)
    lines = [line for line in message.text.splitlines() if line]
    assert lines[:2] == ["Hi Ann", "Your tier: gold & points 120."]
    shop, help_ = lines[2], lines[3]
    assert shop.startswith(f"Shop now ({BASE}/t/c/")
    assert help_.startswith(f"Help ({BASE}/t/c/")
    tokens = [part.split(")")[0] for part in message.text.split("/t/c/")[1:]]
    assert [SIGNER.verify(t, TrackingKind.CLICK).position for t in tokens] == [0, 1]
    assert len(message.links) == 2


def test_text_falls_back_to_the_rendered_html_when_the_derived_template_cannot_render() -> None:
    html = (
        "<html><head><style>{% set accent = 'teal' %}</style></head>"
        "<body><p>Colour {{ accent }}</p></body></html>"
    )
    message = render(html=html)
    assert "Colour teal" in message.text
    cut = "<p{% if first_name %} class='x'{% endif %}>Hi</p><title>{% if a %}</title>{% endif %}"
    assert "Hi" in render(html=cut).text
