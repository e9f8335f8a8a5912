"""Errors of outbound webhooks."""

from __future__ import annotations

from crm_common.errors import NotFound, ValidationFailed


class WebhookNotFound(NotFound):
    error_code = "webhook_not_found"
    message = "The webhook subscription was not found."


class WebhookUrlNotAllowed(ValidationFailed):
    """The URL is not http(s), does not resolve, or resolves to an address that is not
    public and not on the company's allow-list."""

    error_code = "webhook_url_not_allowed"
    message = "Webhooks can only be sent to http(s) URLs of public addresses."
