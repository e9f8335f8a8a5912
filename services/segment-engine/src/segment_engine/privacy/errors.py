"""Errors of the data-subject rights feature."""

from __future__ import annotations

from crm_common.errors import Conflict, NotFound
from crm_common.errors import ContactNotFound as ContactNotFound


class ContactUnderLegalHold(Conflict):
    error_code = "contact_under_legal_hold"
    message = "The contact is under a legal hold; release the hold before erasing it."


class LegalHoldExists(Conflict):
    error_code = "legal_hold_exists"
    message = "An active legal hold already covers this contact or campaign."


class LegalHoldNotFound(NotFound):
    error_code = "legal_hold_not_found"
    message = "No such legal hold."


class LegalHoldReleased(Conflict):
    error_code = "legal_hold_released"
    message = "This legal hold was already released."


class CampaignNotFound(NotFound):
    error_code = "campaign_not_found"
    message = "No such campaign."
