"""Event types this service emits beyond the shared core ones (crm_common EventType)."""

from __future__ import annotations

from enum import StrEnum


class CampaignApiEvent(StrEnum):
    SEGMENT_CREATED = "campaign.segment_created"
    SEGMENT_UPDATED = "campaign.segment_updated"
    SEGMENT_DELETED = "campaign.segment_deleted"
    COLLABORATOR_ADDED = "campaign.collaborator_added"
    COLLABORATOR_UPDATED = "campaign.collaborator_updated"
    COLLABORATOR_REMOVED = "campaign.collaborator_removed"
    BUDGET_ALLOCATED = "campaign.budget_allocated"
    BUDGET_RELEASED = "campaign.budget_released"
    TEMPLATE_LINKED = "campaign.template_linked"
    TEMPLATE_UNLINKED = "campaign.template_unlinked"
    TEMPLATE_CREATED = "campaign_template.created"
    TEMPLATE_UPDATED = "campaign_template.updated"
    BUDGET_CREATED = "campaign_budget.created"
    BUDGET_UPDATED = "campaign_budget.updated"
