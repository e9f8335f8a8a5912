"""Message rendering throughput: a typical marketing email compiled once and rendered for
many contacts, as the launch worker does per delivery (personalisation with fallbacks, a loop,
eight tracked links, open pixel, unsubscribe link and headers, postal address, derived
plain-text part).

    uv run python bench/render_messages.py [--renders 20000] [--json out.json]

Prints renders per second of CPU time (one core) and of wall time, microseconds per render,
the message's size, and the machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import uuid
from typing import Any

from machine_info import machine

from crm_common.messages import (
    MessageSource,
    RenderContext,
    compile_message,
    render_message,
    sender_profile,
)
from crm_common.tracking_tokens import TrackingSigner

SUBJECT = "{{ first_name | default('Hello') }}, your {{ campaign_name }} picks are here"
STORY = """
<tr><td style="padding:16px 24px;font-family:Arial,sans-serif">
  <h2 style="margin:0 0 8px;font-size:20px;color:#222">{title}</h2>
  <p style="margin:0 0 12px;font-size:15px;line-height:22px;color:#444">
    Lorem ipsum dolor sit amet, consectetur adipiscing elit. Integer posuere erat a ante
    venenatis dapibus posuere velit aliquet. Maecenas faucibus mollis interdum, and
    {{{{ city | default('your city') }}}} customers get free delivery this week.
  </p>
  <a href="https://shop.example.com/{slug}?utm_source=crm&amp;utm_campaign={{{{ campaign_code }}}}"
     style="display:inline-block;padding:10px 18px;background:#0a66c2;color:#fff;
     text-decoration:none;border-radius:4px">Read more</a>
</td></tr>"""
HTML = (
    """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ campaign_name }}</title>
<style>body{margin:0;background:#f4f4f4}
.wrap{max-width:600px;margin:0 auto;background:#fff}</style>
</head><body><table class="wrap" role="presentation" width="100%">
<tr><td style="padding:24px"><img src="https://cdn.example.com/logo.png" alt="Acme" width="120">
<h1 style="font-family:Arial,sans-serif">Hi {{ first_name | default('there') }}!</h1>
<p>As a {{ attributes.loyalty_tier | default('valued') | title }} member you have
{{ attributes.points | default(0) }} points.</p>
{% if interests %}<p>Picked for you:
{% for tag in interests %}{{ tag | title }}{% if not loop.last %}, {% endif %}{% endfor %}</p>
{% endif %}</td></tr>"""
    + "".join(
        STORY.format(title=f"Story {n}: spring collection", slug=f"stories/{n}")
        for n in range(1, 7)
    )
    + """
<tr><td style="padding:24px"><a href="https://shop.example.com/account">Your account</a> ·
<a href="https://shop.example.com/help">Help</a> ·
<a href="{{ unsubscribe_url }}">Unsubscribe</a></td></tr>
</table></body></html>"""
)

CONTACTS: list[dict[str, Any]] = [
    {
        "external_id": f"C-{n:06d}",
        "email": f"person{n}@example.com",
        "first_name": None if n % 10 == 0 else f"Name{n}",
        "last_name": "Example",
        "city": None if n % 7 == 0 else "Boston",
        "country": "US",
        "interests": ["travel", "photography", "running"][: n % 4],
        "attributes": {"loyalty_tier": ["gold", "silver", None][n % 3], "points": n % 500},
    }
    for n in range(1_000)
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--renders", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", dest="json_path")
    args = parser.parse_args()

    started = time.perf_counter()
    compiled = compile_message(MessageSource(channel="email", subject=SUBJECT, html=HTML))
    compile_ms = (time.perf_counter() - started) * 1000
    signer = TrackingSigner("bench-tracking-secret-of-at-least-32-characters")
    sender = sender_profile({"sender": {"postal_address": "1 Example Street, Boston, MA 02110"}})
    company, campaign = uuid.uuid4(), uuid.uuid4()
    contexts = [
        RenderContext(
            company_id=company,
            campaign_id=campaign,
            delivery_id=uuid.uuid4(),
            contact_id=uuid.uuid4(),
            contact=contact,
            campaign={"campaign_name": "Spring picks", "campaign_code": "SPRING-26"},
            sender=sender,
            tracking_base_url="https://crm.example.com",
        )
        for contact in CONTACTS
    ]
    sample = render_message(compiled, contexts[1], signer)
    cpu_rates, wall_rates = [], []
    for _ in range(args.runs):
        cpu0, wall0 = time.process_time(), time.perf_counter()
        for n in range(args.renders):
            render_message(compiled, contexts[n % len(contexts)], signer)
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        cpu_rates.append(args.renders / cpu)
        wall_rates.append(args.renders / wall)
    result = {
        "renders_per_run": args.renders,
        "runs": args.runs,
        "compile_ms": round(compile_ms, 2),
        "renders_per_cpu_second_median": round(statistics.median(cpu_rates)),
        "renders_per_cpu_second_runs": [round(r) for r in cpu_rates],
        "renders_per_wall_second_median": round(statistics.median(wall_rates)),
        "us_per_render_cpu": round(1e6 / statistics.median(cpu_rates), 1),
        "html_bytes": len(sample.html or ""),
        "text_bytes": len(sample.text),
        "tracked_links": len(sample.links),
        "machine": machine(),
    }
    print(json.dumps(result, indent=2))
    if args.json_path:
        with open(args.json_path, "w", encoding="utf-8") as handle:
            json.dump(result, handle, indent=2)


if __name__ == "__main__":
    main()
