"""The A/B test phase of a launch: a sample of the audience gets the variants first; after a
wait, the variant with the best open (or click) rate among them is sent to everyone else.

Launch parameters: `{"ab_test": {"sample_percent": 20, "wait_minutes": 60,
"metric": "open_rate" | "click_rate"}}`. The decision is written back into
`parameters.ab_test` (`winner_variant_id`, `decided_at`, `results` per variant) and audited.
Opens and clicks are the tracking events of each delivery (`open:<delivery id>`,
`click:<delivery id>`), counted once per message.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import text

from crm_common import audit
from crm_common.campaign_metrics import VariantCounts, variant_counts
from crm_common.models import CLAIMABLE_DELIVERY, Launch
from crm_common.tenancy import TenantScope

METRICS = ("open_rate", "click_rate")


# The held rest of the audience: due at 'infinity', so in the claimable index (FRESH_DELIVERY).
_SEND_REST = text(
    f"""
    UPDATE crm_deliveries
    SET variant_id = :winner, next_attempt_at = now(), updated_at = now()
    WHERE company_id = :company_id AND launch_id = :launch_id AND ({CLAIMABLE_DELIVERY})
      AND delivery_status = 'pending' AND variant_id IS NULL
    """  # noqa: S608 - a constant predicate of the model, no input
)


# The sample's progress: its messages not sent yet (or at the provider), and when its last
# one went out.
_SAMPLE_PROGRESS = text(
    """
    SELECT count(*) FILTER (WHERE delivery_status IN ('pending', 'sending')), max(sent_at)
    FROM crm_deliveries
    WHERE company_id = :company_id AND launch_id = :launch_id AND variant_id IS NOT NULL
    """
)


@dataclass(frozen=True)
class TestPhase:
    sample_percent: int
    wait: timedelta
    metric: str
    decided: bool


def test_phase(parameters: Mapping[str, Any]) -> TestPhase | None:
    """The launch's A/B test phase, or None when it has none (or a malformed one)."""
    raw = parameters.get("ab_test")
    if not isinstance(raw, Mapping):
        return None
    percent, wait = raw.get("sample_percent"), raw.get("wait_minutes", 60)
    if not isinstance(percent, int) or isinstance(percent, bool) or not 1 <= percent <= 100:
        return None
    if not isinstance(wait, int | float) or isinstance(wait, bool) or wait < 0:
        return None
    metric = raw.get("metric", "open_rate")
    return TestPhase(
        sample_percent=percent,
        wait=timedelta(minutes=float(wait)),
        metric=metric if metric in METRICS else "open_rate",
        decided="winner_variant_id" in raw,
    )


def _rate(counts: VariantCounts, metric: str) -> float:
    hits = counts.opens if metric == "open_rate" else counts.clicks
    return hits / counts.sent if counts.sent else 0.0


async def results(scope: TenantScope, launch: Launch) -> list[dict[str, Any]]:
    """Sent, opened and clicked messages per variant of a launch."""
    return _described(await variant_counts(scope, launch.campaign_id, launch.id))


def _described(counts: dict[uuid.UUID, VariantCounts]) -> list[dict[str, Any]]:
    return [
        {
            "variant_id": str(variant_id),
            "sent": row.sent,
            "opens": row.opens,
            "clicks": row.clicks,
            "open_rate": round(_rate(row, "open_rate"), 4),
            "click_rate": round(_rate(row, "click_rate"), 4),
        }
        for variant_id, row in counts.items()
    ]


async def decide_if_due(
    scope: TenantScope, launch: Launch, variant_order: list[uuid.UUID], now: datetime
) -> uuid.UUID | None:
    """Choose and release the winner once the wait is over; the winner, or None when not
    (yet) due. Ties go to the earlier variant (the control first)."""
    phase = test_phase(launch.parameters)
    if phase is None or phase.decided or launch.resolved_at is None or not variant_order:
        return None
    # The wait starts once the whole sample went out (a throttled or large sample takes a
    # while): a decision before would compare variants nobody received yet.
    unsent, last_sent = (
        await scope.session.execute(
            _SAMPLE_PROGRESS, {"company_id": scope.company_id, "launch_id": launch.id}
        )
    ).one()
    if unsent or now < (last_sent or launch.resolved_at) + phase.wait:
        return None
    counts = await variant_counts(scope, launch.campaign_id, launch.id)
    order = {variant: index for index, variant in enumerate(variant_order)}
    winner = max(
        variant_order,
        key=lambda v: (_rate(counts[v], phase.metric) if v in counts else 0.0, -order[v]),
    )
    await scope.session.execute(
        _SEND_REST, {"winner": winner, "company_id": scope.company_id, "launch_id": launch.id}
    )
    decision = {
        **launch.parameters["ab_test"],
        "winner_variant_id": str(winner),
        "decided_at": now.isoformat(),
        "results": _described(counts),
    }
    parameters = {**launch.parameters, "ab_test": decision}
    await scope.session.execute(
        scope.update(Launch, Launch.id == launch.id).values(parameters=parameters)
    )
    launch.parameters = parameters
    await audit.record(
        scope.session,
        company_id=scope.company_id,
        actor_user_id=None,
        action="campaign.ab_winner_chosen",
        entity_type="campaign",
        entity_id=launch.campaign_id,
        new_values={"launch_id": str(launch.id), **decision},
    )
    return winner
