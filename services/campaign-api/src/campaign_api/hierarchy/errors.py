"""Errors of the campaign hierarchy."""

from __future__ import annotations

from crm_common.errors import Conflict, NotFound


class ParentNotFound(NotFound):
    error_code = "parent_not_found"
    message = "The parent campaign was not found."


class HierarchyCycle(Conflict):
    error_code = "hierarchy_cycle"
    message = "A campaign cannot be placed under itself or under one of its sub-campaigns."


class HierarchyTooDeep(Conflict):
    error_code = "hierarchy_too_deep"
    message = "A hierarchy has at most three levels: programme, campaign, sub-campaign."


class ParentDeleted(Conflict):
    error_code = "parent_deleted"
    message = "The parent campaign is deleted."
