"""The governed content of a campaign — everything that decides what gets sent: channel,
schedule, budget and its allocations, the linked templates, the A/B variants and the
segments' criteria — as one canonical JSON document, its fingerprint, and the field-level
differences between two such documents."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, func, select

from campaign_api.campaigns.repository import LIVE_SEGMENT_CRITERIA, SEGMENT_ORDER
from crm_common.models import (
    AbVariant,
    Campaign,
    CampaignBudget,
    CampaignBudgetAllocation,
    CampaignSegment,
    CampaignTemplate,
    CampaignTemplateLink,
)
from crm_common.tenancy import TenantScope, owned

CAMPAIGN_FIELDS = ("primary_channel", "start_date", "end_date", "total_budget", "currency_code")
TEMPLATE_FIELDS = (
    "template_type",
    "content_template",
    "default_settings",
    "campaign_structure",
    "asset_references",
)
VARIANT_FIELDS = ("subject", "content", "template_id", "weight", "is_control")
SEGMENT_FIELDS = (
    "segment_name",
    "demographic_criteria",
    "behavioral_criteria",
    "geographic_criteria",
    "psychographic_criteria",
)
MONEY = Decimal("0.01")
# A diff this long is summarised: an approver reads it, and an event must stay small.
MAX_CHANGES = 200


def canonical_value(value: Any) -> Any:
    """A JSON value that is the same for the same content however it was loaded: money at
    two decimals, datetimes in UTC, ids as strings."""
    if isinstance(value, Decimal):
        return str(value.quantize(MONEY))
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dict):
        return {str(k): canonical_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [canonical_value(v) for v in value]
    return value


def fingerprint(content: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON (sorted keys, no whitespace)."""
    encoded = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(encoded.encode()).hexdigest()


# The parts of a campaign's governed content, each a subquery of one statement built once
# (crm_common.tenancy) and read straight through the driver — one round trip for all four:
# each part comes back as an array of rows (`ARRAY(SELECT ROW(...))`), whose fields the
# driver decodes as it would the columns of a query of their own. The content is compared,
# never changed.
def _rows(statement: Select[*tuple[Any, ...]]) -> ColumnElement[Any]:
    """Every row of `statement` as one array of anonymous records, in its order."""
    return func.array(
        statement.with_only_columns(func.row(*statement.selected_columns)).scalar_subquery()
    )


_TEMPLATES = (
    select(
        CampaignTemplateLink.is_primary,
        CampaignTemplate.template_code,
        *(getattr(CampaignTemplate, name) for name in TEMPLATE_FIELDS),
    )
    .join(CampaignTemplate, CampaignTemplate.id == CampaignTemplateLink.template_id)
    .where(
        owned(CampaignTemplateLink), CampaignTemplateLink.campaign_id == bindparam("campaign_id")
    )
)
_VARIANTS = select(
    AbVariant.variant_name, *(getattr(AbVariant, name) for name in VARIANT_FIELDS)
).where(owned(AbVariant), AbVariant.campaign_id == bindparam("campaign_id"))
_SEGMENTS = (
    select(CampaignSegment.id, *(getattr(CampaignSegment, name) for name in SEGMENT_FIELDS))
    .where(*LIVE_SEGMENT_CRITERIA)
    .order_by(*SEGMENT_ORDER)
)
_ALLOCATIONS = (
    select(CampaignBudget.budget_code, CampaignBudgetAllocation.allocated_amount)
    .join(CampaignBudget, CampaignBudget.id == CampaignBudgetAllocation.budget_id)
    .where(
        owned(CampaignBudgetAllocation),
        CampaignBudgetAllocation.campaign_id == bindparam("campaign_id"),
    )
)
_CONTENT = select(_rows(_TEMPLATES), _rows(_VARIANTS), _rows(_SEGMENTS), _rows(_ALLOCATIONS))


async def governed_content(scope: TenantScope, campaign: Campaign) -> dict[str, Any]:
    """The campaign's governed content now, from the current transaction's view."""
    [(templates, variants, segments, allocations)] = await scope.records(
        _CONTENT, campaign_id=campaign.id
    )
    content: dict[str, Any] = {name: getattr(campaign, name) for name in CAMPAIGN_FIELDS}
    content["templates"] = {
        template[1]: {
            "is_primary": template[0],
            **dict(zip(TEMPLATE_FIELDS, template[2:], strict=True)),
        }
        for template in templates
    }
    content["variants"] = {
        variant[0]: dict(zip(VARIANT_FIELDS, variant[1:], strict=True)) for variant in variants
    }
    content["segments"] = [
        {"id": segment[0], **dict(zip(SEGMENT_FIELDS, segment[1:], strict=True))}
        for segment in segments
    ]
    content["budget_allocations"] = dict(allocations)
    canonical: dict[str, Any] = canonical_value(content)
    return canonical


def _flatten(value: Any, path: str, out: dict[str, Any]) -> None:
    # An empty object or list holds no field: the fields added into it are the change.
    if isinstance(value, dict | list) and not value:
        return
    if isinstance(value, dict):
        for key in sorted(value):
            _flatten(value[key], f"{path}.{key}" if path else str(key), out)
    elif isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        for index, item in enumerate(value):
            _flatten(item, f"{path}[{index}]", out)
    else:
        out[path] = value


def diff(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    """Field-level changes from `before` to `after`: `{path, change, before, after}` with
    `change` one of added, removed, changed, e.g. `templates.WELCOME.default_settings.subject`
    changed from "A" to "B", or `segments[0].demographic_criteria.value`."""
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    _flatten(before, "", old)
    _flatten(after, "", new)
    changes: list[dict[str, Any]] = []
    for path in sorted(old.keys() | new.keys()):
        if path not in new:
            changes.append({"path": path, "change": "removed", "before": old[path], "after": None})
        elif path not in old:
            changes.append({"path": path, "change": "added", "before": None, "after": new[path]})
        elif old[path] != new[path]:
            changes.append(
                {"path": path, "change": "changed", "before": old[path], "after": new[path]}
            )
    return changes


def changed_paths(changes: list[dict[str, Any]]) -> list[str]:
    """The paths of `changes`, at most MAX_CHANGES of them."""
    return [change["path"] for change in changes[:MAX_CHANGES]]
