"""Errors of the approval workflow."""

from __future__ import annotations

from crm_common.errors import Conflict, PermissionDenied


class ApprovalNotPending(Conflict):
    error_code = "approval_not_pending"
    message = "The campaign is not waiting for approval."


class ApprovalAlreadyPending(Conflict):
    error_code = "approval_already_pending"
    message = "The campaign is already waiting for approval."


class AlreadyApproved(Conflict):
    error_code = "already_approved"
    message = "The campaign is already approved."


class SelfApprovalForbidden(PermissionDenied):
    """Separation of duties: the campaign's creator or last editor may not approve it."""

    error_code = "self_approval_forbidden"
    message = "You created or last edited this campaign; someone else must approve it."
