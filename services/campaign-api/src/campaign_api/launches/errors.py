"""Errors of launch requests."""

from __future__ import annotations

from crm_common.errors import Conflict, NotFound, ValidationFailed


class NoSegments(Conflict):
    error_code = "no_segments"
    message = "The campaign has no segment to send to."


class MessageRenderFailed(ValidationFailed):
    error_code = "message_render_failed"
    message = (
        "The campaign's message cannot be rendered for any of the sampled recipients: every "
        "delivery would fail. Fix the template (a default for a missing field) and launch again."
    )


class NoMessage(Conflict):
    error_code = "no_message"
    message = "The campaign has no message to send: link a template, or give its variants content."


class LaunchInProgress(Conflict):
    error_code = "launch_in_progress"
    message = "A launch of this campaign is already requested or running."


class InvalidLaunch(ValidationFailed):
    error_code = "invalid_launch"
    message = "The launch parameters are not valid for this campaign."


class AudienceTooSmall(Conflict):
    error_code = "audience_too_small"
    message = "The campaign's sendable audience is smaller than the company's minimum."


class LaunchNotFound(NotFound):
    error_code = "launch_not_found"
    message = "The launch was not found."
