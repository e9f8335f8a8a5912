"""Errors of the suppressions feature."""

from __future__ import annotations

from crm_common.errors import NotFound, ValidationFailed


class SuppressionNotFound(NotFound):
    error_code = "suppression_not_found"
    message = "The suppression was not found."


class UnknownReference(ValidationFailed):
    error_code = "unknown_reference"
    message = "A referenced contact or campaign does not exist."
