"""Errors of the budget feature."""

from __future__ import annotations

from crm_common.errors import Conflict, NotFound, ValidationFailed


class BudgetNotFound(NotFound):
    error_code = "budget_not_found"
    message = "The budget was not found."


class DuplicateBudgetCode(Conflict):
    error_code = "duplicate_budget_code"
    message = "Another budget of the company already uses this code."


class BudgetInUse(Conflict):
    error_code = "budget_in_use"
    message = "Live campaigns hold money from this budget."


class AllocationNotFound(NotFound):
    error_code = "allocation_not_found"
    message = "The campaign has no allocation from this budget."


class AllocationInUse(Conflict):
    error_code = "allocation_in_use"
    message = (
        "The campaign's sending has drawn on this budget: the allocation stays, at least at "
        "what was drawn."
    )


class AllocationRefused(ValidationFailed):
    error_code = "allocation_refused"
    message = "The allocation does not fit the budget or the campaign."


class BudgetShrinkRefused(ValidationFailed):
    error_code = "budget_below_allocations"
    message = "The budget cannot be reduced below what campaigns hold from it and spent of it."
