"""Message rendering: sandboxed templates, personalisation, tracked links, unsubscribe
headers and the sender's postal address. Compile a message once with `compile_message`, then
`render_message` it for each contact."""

from crm_common.messages.compiler import (
    CompiledMessage,
    MessageSource,
    TemplateInvalid,
    TemplateProblem,
    compile_message,
    validate_template,
)
from crm_common.messages.render import (
    CAMPAIGN_FIELDS,
    CONTACT_FIELDS,
    RenderContext,
    RenderedMessage,
    RenderFailed,
    contact_fields,
    render_message,
)
from crm_common.messages.sender import SenderProfile, sender_profile
from crm_common.messages.sources import (
    message_source,
    pick_template,
    validate_template_fields,
    validate_variant_fields,
)

__all__ = [
    "CAMPAIGN_FIELDS",
    "CONTACT_FIELDS",
    "CompiledMessage",
    "MessageSource",
    "RenderContext",
    "RenderFailed",
    "RenderedMessage",
    "SenderProfile",
    "TemplateInvalid",
    "TemplateProblem",
    "compile_message",
    "contact_fields",
    "message_source",
    "pick_template",
    "render_message",
    "sender_profile",
    "validate_template",
    "validate_template_fields",
    "validate_variant_fields",
]
