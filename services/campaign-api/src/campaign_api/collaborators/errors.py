"""Errors of the collaborator feature."""

from __future__ import annotations

from crm_common.errors import Conflict, NotFound


class CollaboratorNotFound(NotFound):
    error_code = "collaborator_not_found"
    message = "The user is not a collaborator of the campaign."


class UserNotFound(NotFound):
    error_code = "user_not_found"
    message = "The user was not found."


class AlreadyCollaborator(Conflict):
    error_code = "already_collaborator"
    message = "The user already collaborates on the campaign."


class LastOwner(Conflict):
    error_code = "last_owner"
    message = "A campaign keeps at least one owner."


class InactiveUser(Conflict):
    error_code = "inactive_user"
    message = "The user is not active."
