"""A/B variant rules: unique names, one control, weights adding up to at most 100, messages
that parse, a template of the company that fits the channel, and no change once the campaign
was launched. Every change bumps the campaign's version (its ETag) and is audited."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from campaign_api.audit.service import record_change
from campaign_api.campaigns.rules import ensure_editable
from campaign_api.campaigns.service import mark_changed
from campaign_api.governance import service as governance
from campaign_api.shared import idempotency
from campaign_api.templates import service as template_service
from campaign_api.templates.errors import InactiveTemplate
from campaign_api.variants import repository
from campaign_api.variants.errors import (
    ControlVariantExists,
    DuplicateVariantName,
    VariantNotFound,
    VariantsLocked,
    VariantWeightsExceeded,
)
from campaign_api.variants.schemas import VariantCreate, VariantRead, VariantResult, VariantResults
from crm_common.campaign_metrics import VariantCounts, variant_counts
from crm_common.models import AbVariant, Campaign
from crm_common.pagination import PageParams
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope

ENTITY = "campaign"
MAX_TOTAL_WEIGHT = 100
CREATE_OPERATION = "variant.create"
METRICS = ("open_rate", "click_rate")
FIELDS = ("variant_name", "subject", "content", "template_id", "weight", "is_control")


def _values(variant: AbVariant) -> dict[str, Any]:
    return {name: getattr(variant, name) for name in FIELDS}


async def list_variants(
    scope: TenantScope, campaign: Campaign, pagination: PageParams
) -> tuple[Sequence[AbVariant], int]:
    """A page of the campaign's variants, control first."""
    return await repository.of_campaign(scope, campaign.id, pagination.page_size, pagination.offset)


async def get_variant(scope: TenantScope, campaign: Campaign, variant_id: uuid.UUID) -> AbVariant:
    """One variant of the campaign (404 when absent or another campaign's)."""
    variant = await repository.get(scope, campaign.id, variant_id)
    if variant is None:
        raise VariantNotFound()
    return variant


async def _ensure_changeable(scope: TenantScope, campaign: Campaign) -> None:
    ensure_editable(campaign)
    launch = await repository.sending_launch(scope, campaign.id)
    if launch is not None:
        raise VariantsLocked(
            details={"launch_id": str(launch.id), "launch_status": launch.launch_status}
        )


async def _check(
    scope: TenantScope, campaign: Campaign, values: Mapping[str, Any], exclude: uuid.UUID | None
) -> None:
    """The rules a variant's values must keep among the campaign's other variants."""
    others = await repository.others(scope, campaign.id, exclude)
    name = values["variant_name"]
    if any(other.variant_name == name for other in others):
        raise DuplicateVariantName(details={"variant_name": name})
    if values["is_control"] and any(other.is_control for other in others):
        control = next(other for other in others if other.is_control)
        raise ControlVariantExists(details={"control_variant_id": str(control.id)})
    total = values["weight"] + sum(other.weight for other in others)
    if total > MAX_TOTAL_WEIGHT:
        raise VariantWeightsExceeded(
            details={"total_weight": total, "maximum": MAX_TOTAL_WEIGHT, "field": "weight"}
        )
    template_id = values["template_id"]
    if template_id is not None:
        template = await template_service.get_template(scope, template_id)
        if not template.is_active:
            raise InactiveTemplate(details={"template_id": str(template_id)})
        template_service.ensure_compatible(campaign.primary_channel, template)


async def create_variant(
    scope: TenantScope, principal: Principal, campaign: Campaign, body: VariantCreate
) -> AbVariant:
    """Add a variant to a campaign not yet launched."""
    await _ensure_changeable(scope, campaign)
    values = body.model_dump()
    await _check(scope, campaign, values, None)
    now = datetime.now(UTC)
    variant = scope.add(
        AbVariant(
            id=uuid.uuid4(), campaign_id=campaign.id, created_at=now, updated_at=now, **values
        )
    )
    mark_changed(campaign, principal, now)
    await scope.session.flush()
    await record_change(
        scope,
        principal,
        action="variant.created",
        entity_type=ENTITY,
        entity_id=campaign.id,
        new_values={"variant_id": variant.id, **values},
    )
    await governance.content_changed(scope, principal, campaign, "variant_created")
    return variant


async def create_once(
    scope: TenantScope,
    principal: Principal,
    campaign: Campaign,
    body: VariantCreate,
    key: str | None,
) -> tuple[dict[str, Any], bool]:
    """Create a variant; with an Idempotency-Key a retry replays the first response (and the
    same key with another body is a 422). Returns the body and whether it is a replay."""
    if key is not None:
        fingerprint = idempotency.request_fingerprint(
            str(principal.user_id), str(campaign.id), body.model_dump(mode="json")
        )
        stored = await idempotency.claim(
            scope,
            key=key,
            operation=CREATE_OPERATION,
            user_id=principal.user_id,
            fingerprint=fingerprint,
        )
        if stored is not None:
            return stored.body, True
    variant = await create_variant(scope, principal, campaign, body)
    created = VariantRead.model_validate(variant).model_dump(mode="json")
    if key is not None:
        await idempotency.store(
            scope, key=key, operation=CREATE_OPERATION, status_code=201, body=created
        )
    return created, False


async def update_variant(
    scope: TenantScope,
    principal: Principal,
    campaign: Campaign,
    variant_id: uuid.UUID,
    changes: Mapping[str, Any],
) -> AbVariant:
    """Change some fields of a variant of a campaign not yet launched."""
    await _ensure_changeable(scope, campaign)
    variant = await repository.get(scope, campaign.id, variant_id, for_update=True)
    if variant is None:
        raise VariantNotFound()
    before = _values(variant)
    after = {**before, **changes}
    if after == before:
        return variant
    await _check(scope, campaign, after, variant.id)
    now = datetime.now(UTC)
    for name, value in changes.items():
        setattr(variant, name, value)
    variant.updated_at = now
    mark_changed(campaign, principal, now)
    await scope.session.flush()
    changed = sorted(name for name in FIELDS if before[name] != after[name])
    await record_change(
        scope,
        principal,
        action="variant.updated",
        entity_type=ENTITY,
        entity_id=campaign.id,
        old_values={"variant_id": variant.id, **{name: before[name] for name in changed}},
        new_values={"variant_id": variant.id, **{name: after[name] for name in changed}},
    )
    await governance.content_changed(scope, principal, campaign, "variant_updated")
    return variant


async def delete_variant(
    scope: TenantScope, principal: Principal, campaign: Campaign, variant_id: uuid.UUID
) -> None:
    """Remove a variant from a campaign not yet launched."""
    await _ensure_changeable(scope, campaign)
    variant = await repository.get(scope, campaign.id, variant_id, for_update=True)
    if variant is None:
        raise VariantNotFound()
    before = _values(variant)
    await scope.session.delete(variant)
    mark_changed(campaign, principal, datetime.now(UTC))
    await scope.session.flush()
    await record_change(
        scope,
        principal,
        action="variant.deleted",
        entity_type=ENTITY,
        entity_id=campaign.id,
        old_values={"variant_id": variant_id, **before},
    )
    await governance.content_changed(scope, principal, campaign, "variant_deleted")


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _moment(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


NO_COUNTS = VariantCounts(sent=0, opens=0, clicks=0)


def _rate(hits: int, sent: int) -> float:
    return round(hits / sent, 4) if sent else 0.0


async def results(scope: TenantScope, campaign: Campaign) -> VariantResults:
    """Sent, opened and clicked messages per variant over the campaign's launches, and the
    winner: the one its A/B test phase chose, else the leader by open rate so far."""
    variants, _ = await repository.of_campaign(scope, campaign.id)
    counts = await variant_counts(scope, campaign.id)
    items = []
    for variant in variants:
        row = counts.get(variant.id, NO_COUNTS)
        sent, opens, clicks = row.sent, row.opens, row.clicks
        items.append(
            VariantResult(
                variant_id=variant.id,
                variant_name=variant.variant_name,
                is_control=variant.is_control,
                weight=variant.weight,
                sent=sent,
                opens=opens,
                clicks=clicks,
                open_rate=_rate(opens, sent),
                click_rate=_rate(clicks, sent),
            )
        )
    launch = await repository.decided_launch(scope, campaign.id)
    test = launch.parameters.get("ab_test") if launch else None
    if not isinstance(test, dict):
        test = {}
    metric = test.get("metric") if test.get("metric") in METRICS else None
    winner = _uuid(test.get("winner_variant_id"))
    decided_at = _moment(test.get("decided_at")) if winner else None
    if winner is None:
        # Ties go to the earlier variant (the control first), as the test phase decides them.
        leader = max(
            (item for item in items if item.sent),
            key=lambda item: getattr(item, metric or "open_rate"),
            default=None,
        )
        winner = leader.variant_id if leader else None
    return VariantResults(
        campaign_id=campaign.id,
        metric=metric,
        winner_variant_id=winner,
        decided_at=decided_at,
        items=items,
    )
