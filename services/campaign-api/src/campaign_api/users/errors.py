"""Errors of user administration."""

from __future__ import annotations

from crm_common.errors import Conflict, NotFound


class UserNotFound(NotFound):
    error_code = "user_not_found"
    message = "The user was not found."


class EmailTaken(Conflict):
    """An address signs in to one account only (sign-in takes just the email), so a taken
    one is refused: the same answer wherever it is taken, never naming the company."""

    error_code = "email_taken"
    message = "A user with this email address already exists."


class LastAdmin(Conflict):
    error_code = "last_admin"
    message = "The company must keep at least one active admin."


class CannotDeactivateSelf(Conflict):
    error_code = "cannot_deactivate_self"
    message = "You cannot deactivate your own account."
