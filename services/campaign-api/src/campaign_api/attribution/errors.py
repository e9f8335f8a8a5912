"""Errors of conversions and attribution."""

from __future__ import annotations

from crm_common.attribution import ConversionConflict, ExchangeRateMissing
from crm_common.errors import NotFound

__all__ = [
    "ConversionConflict",
    "ConversionNotFound",
    "ExchangeRateMissing",
    "UnknownReference",
]


class ConversionNotFound(NotFound):
    error_code = "conversion_not_found"
    message = "The conversion was not found."


class UnknownReference(NotFound):
    error_code = "reference_not_found"
    message = "The conversion names a contact or campaign the company does not have."
