"""Errors of the contacts feature."""

from __future__ import annotations

from crm_common.errors import Conflict, PermissionDenied, ValidationFailed
from crm_common.errors import ContactNotFound as ContactNotFound


class ContactExists(Conflict):
    error_code = "contact_exists"
    message = "A contact with this external_id already exists."


class PiiFilterDenied(PermissionDenied):
    error_code = "pii_filter_denied"
    message = "Filtering by email or phone needs the view_pii permission."


class ImportFileInvalid(ValidationFailed):
    error_code = "import_file_invalid"
    message = "The file cannot be imported."
