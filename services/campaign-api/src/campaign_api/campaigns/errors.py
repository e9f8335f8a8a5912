"""Errors of the campaign feature."""

from __future__ import annotations

from crm_common.errors import Conflict, NotFound, ValidationFailed


class CampaignNotFound(NotFound):
    error_code = "campaign_not_found"
    message = "The campaign was not found."


class DuplicateCampaignCode(Conflict):
    error_code = "duplicate_campaign_code"
    message = "Another campaign of the company already uses this code."


class ScheduleConflict(Conflict):
    error_code = "schedule_conflict"
    message = "The campaign's dates overlap a planned or active campaign on a channel they share."


class InvalidStatusTransition(Conflict):
    error_code = "invalid_status_transition"
    message = "The campaign cannot move to that status from its current one."


class ApprovalRequired(Conflict):
    error_code = "approval_required"
    message = "The campaign needs an approved budget before it can become active."


class CampaignLocked(Conflict):
    error_code = "campaign_locked"
    message = "A completed or cancelled campaign cannot be changed."


class CampaignInUse(Conflict):
    error_code = "campaign_in_use"
    message = "The campaign is referenced by a launch or deliveries in progress."


class CampaignEnded(Conflict):
    error_code = "campaign_ended"
    message = "The campaign's end date has passed."


class BudgetExceeded(ValidationFailed):
    error_code = "budget_exceeded"
    message = "The campaign budget exceeds the budget available for its fiscal year."


class InvalidCampaign(ValidationFailed):
    error_code = "validation_error"
    message = "The campaign is not valid."


class LiveChangeRefused(Conflict):
    error_code = "live_change_refused"
    message = "This change is not allowed while the campaign is live; pause it first."
