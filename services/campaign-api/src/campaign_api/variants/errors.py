"""Errors of the A/B variant feature."""

from __future__ import annotations

from crm_common.errors import Conflict, NotFound, ValidationFailed


class VariantNotFound(NotFound):
    error_code = "variant_not_found"
    message = "The A/B variant was not found."


class DuplicateVariantName(Conflict):
    error_code = "duplicate_variant_name"
    message = "The campaign already has a variant of that name."


class ControlVariantExists(Conflict):
    error_code = "control_variant_exists"
    message = "The campaign already has a control variant."


class VariantsLocked(Conflict):
    error_code = "variants_locked"
    message = "The campaign was launched: its variants can no longer change."


class VariantWeightsExceeded(ValidationFailed):
    error_code = "variant_weights_exceeded"
    message = "The weights of a campaign's variants add up to at most 100."
