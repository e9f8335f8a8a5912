"""Hierarchy queries: one recursive CTE answers the roll-ups of any number of campaigns."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import ARRAY, Uuid, bindparam, text

from crm_common.models import Campaign
from crm_common.tenancy import TenantScope

# The queries stop at 3 levels below a campaign: the database guard keeps every hierarchy
# within 3 levels (programme, campaign, sub-campaign).

# Every campaign below each of :ids (and itself), with its budget and spend converted to the
# company's default currency, its metric totals and its last-touch conversions, summed per
# root. The walk carries the columns it sums, so the table is not read a second time. RLS
# scopes the rows as well; the company filter keeps the index on (company_id,
# parent_campaign_id) in use.
_ROLLUPS = text(
    """
WITH RECURSIVE tree(root_id, id, depth, total_budget, actual_spend, currency_code, audience) AS (
  SELECT c.id, c.id, 0, c.total_budget, c.actual_spend, c.currency_code, c.target_audience_size
  FROM crm_campaigns c
  WHERE c.company_id = :company_id AND c.id = ANY(:ids) AND NOT c.is_deleted
  UNION ALL
  SELECT t.root_id, c.id, t.depth + 1, c.total_budget, c.actual_spend, c.currency_code,
         c.target_audience_size
  FROM tree t
  JOIN crm_campaigns c
    ON c.company_id = :company_id AND c.parent_campaign_id = t.id AND NOT c.is_deleted
  WHERE t.depth < 3
),
nodes AS (SELECT DISTINCT id FROM tree),
metrics AS (
  SELECT m.campaign_id, sum(m.sent) AS sent, sum(m.opens) AS opens, sum(m.clicks) AS clicks
  FROM crm_campaign_metrics m
  WHERE m.company_id = :company_id AND m.campaign_id IN (SELECT id FROM nodes)
  GROUP BY m.campaign_id
),
credited AS (
  SELECT a.campaign_id, count(*) AS conversions, sum(v.amount_base) AS revenue
  FROM crm_conversion_attributions a
  JOIN crm_conversions v ON v.id = a.conversion_id
  WHERE a.company_id = :company_id AND a.is_last_touch AND a.campaign_id IN (SELECT id FROM nodes)
  GROUP BY a.campaign_id
)
SELECT
  t.root_id,
  count(*) AS campaigns,
  max(t.depth) AS depth,
  coalesce(sum(round(t.total_budget * r.rate, 2)), 0) AS total_budget,
  coalesce(sum(round(t.actual_spend * r.rate, 2)), 0) AS actual_spend,
  coalesce(sum(t.audience), 0) AS audience,
  coalesce(sum(m.sent), 0) AS sent,
  coalesce(sum(m.opens), 0) AS opens,
  coalesce(sum(m.clicks), 0) AS clicks,
  coalesce(sum(a.conversions), 0) AS conversions,
  coalesce(sum(a.revenue), 0) AS revenue,
  coalesce(
    array_agg(DISTINCT t.currency_code) FILTER (WHERE r.rate IS NULL), ARRAY[]::text[]
  ) AS missing_rates
FROM tree t
LEFT JOIN crm_exchange_rates x
  ON x.company_id = :company_id AND x.currency_code = t.currency_code
CROSS JOIN LATERAL (
  SELECT CASE WHEN t.currency_code = :base THEN 1::numeric ELSE x.rate END AS rate
) r
LEFT JOIN metrics m ON m.campaign_id = t.id
LEFT JOIN credited a ON a.campaign_id = t.id
GROUP BY t.root_id
"""
).bindparams(bindparam("ids", type_=ARRAY(Uuid())))

_ROOT = text(
    """
WITH RECURSIVE up(id, parent_id, depth) AS (
  SELECT c.id, c.parent_campaign_id, 0 FROM crm_campaigns c
  WHERE c.company_id = :company_id AND c.id = :campaign_id
  UNION ALL
  SELECT c.id, c.parent_campaign_id, u.depth + 1 FROM up u
  JOIN crm_campaigns c ON c.company_id = :company_id AND c.id = u.parent_id
  WHERE u.depth < 3
)
SELECT id FROM up ORDER BY depth DESC
"""
)

_SUBTREE = text(
    """
WITH RECURSIVE down(id, depth) AS (
  SELECT CAST(:root_id AS uuid), 0
  UNION ALL
  SELECT c.id, d.depth + 1 FROM down d
  JOIN crm_campaigns c
    ON c.company_id = :company_id AND c.parent_campaign_id = d.id AND NOT c.is_deleted
  WHERE d.depth < 3
)
SELECT id FROM down
"""
)


async def rollups(
    scope: TenantScope, campaign_ids: Collection[uuid.UUID], base_currency: str
) -> dict[uuid.UUID, dict[str, Any]]:
    """The roll-up of each of `campaign_ids` (live ones), in one statement."""
    if not campaign_ids:
        return {}
    result = await scope.session.execute(
        _ROLLUPS,
        {"company_id": scope.company_id, "ids": list(campaign_ids), "base": base_currency},
    )
    found: dict[uuid.UUID, dict[str, Any]] = {}
    for row in result.mappings():
        values = dict(row)
        root = values.pop("root_id")
        values["currency_code"] = base_currency
        values["missing_rates"] = sorted(values["missing_rates"])
        found[root] = values
    return found


async def ancestry(scope: TenantScope, campaign_id: uuid.UUID) -> list[uuid.UUID]:
    """The campaign's line from its top-level ancestor down to itself."""
    result = await scope.session.execute(
        _ROOT, {"company_id": scope.company_id, "campaign_id": campaign_id}
    )
    return list(result.scalars())


async def subtree(scope: TenantScope, root_id: uuid.UUID) -> Sequence[Campaign]:
    """The live campaigns of the tree under `root_id`, itself included."""
    ids = (
        await scope.session.execute(_SUBTREE, {"company_id": scope.company_id, "root_id": root_id})
    ).scalars()
    statement = scope.select(Campaign, Campaign.id.in_(list(ids)), ~Campaign.is_deleted)
    return await scope.all(statement.order_by(Campaign.campaign_name, Campaign.id))


async def exists_live(scope: TenantScope, campaign_id: uuid.UUID) -> bool | None:
    """Whether a campaign of the company exists and is live (True), is deleted (False), or
    is absent — or another company's (None)."""
    statement = scope.select(Campaign, Campaign.id == campaign_id).with_only_columns(
        Campaign.is_deleted
    )
    deleted = (await scope.session.execute(statement)).scalar_one_or_none()
    return None if deleted is None else not deleted


async def has_live_children(scope: TenantScope, campaign_id: uuid.UUID) -> bool:
    """Whether any live campaign names this one as its parent."""
    statement = scope.count(
        Campaign, Campaign.parent_campaign_id == campaign_id, ~Campaign.is_deleted
    )
    return bool((await scope.session.execute(statement)).scalar_one())
