"""The routers and OpenAPI tags of the campaign features, in the order they are mounted."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from campaign_api.alerts.endpoints import router as campaign_alerts
from campaign_api.approvals.endpoints import router as approvals
from campaign_api.attribution.endpoints import router as attribution
from campaign_api.audit.endpoints import router as audit
from campaign_api.budget_guard.endpoints import cost_router as channel_costs
from campaign_api.budget_guard.endpoints import router as budget_guard
from campaign_api.budgets.endpoints import allocation_router as budget_allocations
from campaign_api.budgets.endpoints import router as budgets
from campaign_api.campaigns.endpoints import router as campaigns
from campaign_api.campaigns.lifecycle_endpoints import router as campaign_lifecycle
from campaign_api.collaborators.endpoints import router as collaborators
from campaign_api.governance.endpoints import policy_router as approval_policy
from campaign_api.governance.endpoints import router as governance
from campaign_api.hierarchy.endpoints import router as hierarchy
from campaign_api.launches.endpoints import launch_router as launch_reads
from campaign_api.launches.endpoints import router as launches
from campaign_api.privacy.endpoints import router as consent_summary
from campaign_api.privacy.endpoints import settings_router as privacy_settings
from campaign_api.segments.endpoints import router as segments
from campaign_api.sending.endpoints import router as sending_settings
from campaign_api.templates.endpoints import link_router as template_links
from campaign_api.templates.endpoints import router as templates
from campaign_api.test_sends.endpoints import router as test_sends
from campaign_api.variants.endpoints import router as variants

CAMPAIGN_ROUTERS: tuple[APIRouter, ...] = (
    campaigns,
    campaign_lifecycle,
    approvals,
    governance,
    approval_policy,
    launches,
    launch_reads,
    budget_guard,
    campaign_alerts,
    channel_costs,
    test_sends,
    consent_summary,
    privacy_settings,
    sending_settings,
    variants,
    audit,
    collaborators,
    budget_allocations,
    template_links,
    segments,
    templates,
    budgets,
    hierarchy,
    attribution,
)

CAMPAIGN_TAGS: list[dict[str, Any]] = [
    {"name": "campaigns", "description": "Create, read, list, update and soft-delete campaigns."},
    {
        "name": "campaign lifecycle",
        "description": "Status actions: draft → planned → active → completed, active ⇄ paused, "
        "cancelled from any non-final status.",
    },
    {
        "name": "approvals",
        "description": "Submit a campaign's budget for approval; approve or reject it (step by "
        "step along the company's approval chain); the approval state, the changes since the "
        "approved version, the audience drift since approval, and the approval policy.",
    },
    {
        "name": "launches",
        "description": "Idempotent launch requests (the launch worker runs them), and the "
        "launches' state, counts and errors.",
    },
    {
        "name": "test sends",
        "description": "A campaign's message rendered exactly as a recipient gets it, sent to "
        "one address.",
    },
    {
        "name": "variants",
        "description": "A campaign's A/B variants (messages and weights) and the results per "
        "variant.",
    },
    {
        "name": "privacy",
        "description": "Consent of a campaign's audience by channel, status and legal basis; "
        "the company's privacy settings (double opt-in for email, data residency).",
    },
    {
        "name": "sending",
        "description": "Who the company's messages come from (From, Reply-To, the postal address "
        "commercial email must carry, the SMS sender) and its quiet hours.",
    },
    {"name": "audit", "description": "A campaign's immutable change history."},
    {"name": "collaborators", "description": "The users working on a campaign."},
    {"name": "budget allocations", "description": "How much a campaign draws on each budget."},
    {"name": "template links", "description": "The templates a campaign uses."},
    {
        "name": "segments",
        "description": "A campaign's audience segments and their targeting rules.",
    },
    {"name": "templates", "description": "The company's reusable campaign templates."},
    {
        "name": "budgets",
        "description": "The company's budgets per fiscal year and their availability.",
    },
    {
        "name": "budget guard",
        "description": "Unit costs per channel and provider, and a launch's forecast cost "
        "against the campaign's remaining budget.",
    },
    {
        "name": "alerts",
        "description": "A campaign's performance thresholds and the budget and performance "
        "alerts raised while it sends.",
    },
    {
        "name": "hierarchy",
        "description": "Parents (programme → campaign → sub-campaign) and roll-ups up the tree.",
    },
    {
        "name": "attribution",
        "description": "Conversions, their attribution to campaigns (first touch, last touch, "
        "linear), ROI, and the company's attribution window and exchange rates.",
    },
]
