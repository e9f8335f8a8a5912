"""Errors of the audit log endpoints."""

from __future__ import annotations

from crm_common.errors import ValidationFailed


class InvalidAuditPeriod(ValidationFailed):
    error_code = "invalid_audit_period"
    message = "The period's start must be before its end."
