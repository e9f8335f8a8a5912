"""Errors of the consent history and the double opt-in confirmation."""

from __future__ import annotations

from crm_common.errors import CRMError, NotFound


class OptInLinkNotFound(NotFound):
    error_code = "opt_in_link_not_found"
    message = "This confirmation link is not valid."


class OptInLinkExpired(CRMError):
    status_code = 410
    error_code = "opt_in_link_expired"
    message = "This confirmation link has expired; sign up again to get a new one."


class OptInSuperseded(CRMError):
    status_code = 409
    error_code = "opt_in_superseded"
    message = "This confirmation link was replaced by a newer one or the consent was withdrawn."
