"""Errors of campaign governance."""

from __future__ import annotations

from crm_common.errors import Conflict, PermissionDenied


class LiveContentChangeRefused(Conflict):
    """An active campaign sends the content it was approved with; pause it to change that."""

    error_code = "live_content_change_refused"
    message = (
        "This would change what an active campaign sends, which was approved; pause the "
        "campaign first (it then needs approval again before it resumes)."
    )


class ApprovalOutdated(Conflict):
    error_code = "approval_outdated"
    message = "The campaign's content changed since it was approved; submit it for approval again."


class AudienceDriftExceeded(Conflict):
    error_code = "audience_drift_exceeded"
    message = (
        "The audience changed more since approval than the company allows; submit the "
        "campaign for approval again."
    )


class NotApproverForStep(PermissionDenied):
    error_code = "not_approver_for_step"
    message = "The campaign's next approval step needs an approver with another role."


class DistinctApproverRequired(PermissionDenied):
    error_code = "distinct_approver_required"
    message = "You already approved a step of this campaign; another person approves the next."
