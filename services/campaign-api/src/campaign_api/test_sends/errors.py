"""Errors of test sends."""

from __future__ import annotations

from crm_common.errors import ContactNotFound as ContactNotFound
from crm_common.errors import NotFound, ValidationFailed


class VariantNotFound(NotFound):
    error_code = "variant_not_found"
    message = "The campaign has no such A/B variant."


class TestSendNotFound(NotFound):
    __test__ = False

    error_code = "test_send_not_found"
    message = "The test send was not found."


class TestSendChannelInvalid(ValidationFailed):
    __test__ = False

    error_code = "test_send_channel_invalid"
    message = "The campaign does not send on the channel of this address."


class NoMessageContent(ValidationFailed):
    error_code = "no_message_content"
    message = "The campaign has no message for this channel: link a template or add a variant."


class TestSendRenderFailed(ValidationFailed):
    __test__ = False

    error_code = "test_send_render_failed"
    message = "The message cannot be rendered for this contact."
