"""Errors of the segment endpoints."""

from __future__ import annotations

from crm_common.errors import ContactNotFound as ContactNotFound
from crm_common.errors import NotFound, ValidationFailed
from crm_common.segments import SavedRulesInvalid as SavedRulesInvalid


class SegmentNotFound(NotFound):
    error_code = "segment_not_found"
    message = "The segment was not found."


class CampaignNotFound(NotFound):
    error_code = "campaign_not_found"
    message = "The campaign was not found."


class AudienceQueryTimedOut(ValidationFailed):
    """The rules' query ran past the statement timeout: too costly for a request."""

    error_code = "segment_query_timeout"
    message = (
        "The rules took longer to run than a request may; narrow them, or estimate without "
        "`exact` (a sample) and evaluate later."
    )
