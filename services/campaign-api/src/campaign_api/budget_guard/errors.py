"""Errors of the budget guard."""

from __future__ import annotations

from crm_common.errors import Conflict, PermissionDenied, ValidationFailed


class LaunchOverBudget(Conflict):
    error_code = "launch_over_budget"
    message = "The launch's forecast cost exceeds the campaign's remaining budget."


class BudgetOverrideForbidden(PermissionDenied):
    error_code = "budget_override_forbidden"
    message = "Only a user who may approve campaigns can override the budget guard."


class InvalidChannelCosts(ValidationFailed):
    error_code = "invalid_channel_costs"
    message = "The unit costs are not valid."
