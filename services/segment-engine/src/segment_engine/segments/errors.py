"""Errors of the segment endpoints."""

from __future__ import annotations

from crm_common.errors import ContactNotFound as ContactNotFound
from crm_common.errors import NotFound


class SegmentNotFound(NotFound):
    error_code = "segment_not_found"
    message = "The segment was not found."


class CampaignNotFound(NotFound):
    error_code = "campaign_not_found"
    message = "The campaign was not found."
