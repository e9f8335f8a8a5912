"""Errors of the approval workflow."""

from __future__ import annotations

from crm_common.errors import Conflict


class ApprovalNotPending(Conflict):
    error_code = "approval_not_pending"
    message = "The campaign is not waiting for approval."


class ApprovalAlreadyPending(Conflict):
    error_code = "approval_already_pending"
    message = "The campaign is already waiting for approval."


class AlreadyApproved(Conflict):
    error_code = "already_approved"
    message = "The campaign is already approved."
