"""Errors of the campaign-segment feature."""

from __future__ import annotations

from crm_common.errors import NotFound


class SegmentNotFound(NotFound):
    error_code = "segment_not_found"
    message = "The segment was not found."
