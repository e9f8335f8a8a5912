"""Errors of the template feature."""

from __future__ import annotations

from crm_common.errors import Conflict, NotFound, ValidationFailed


class TemplateNotFound(NotFound):
    error_code = "template_not_found"
    message = "The template was not found."


class DuplicateTemplateCode(Conflict):
    error_code = "duplicate_template_code"
    message = "Another template of the company already uses this code."


class TemplateInUse(Conflict):
    error_code = "template_in_use"
    message = "Live campaigns use this template."


class TemplateAlreadyLinked(Conflict):
    error_code = "template_already_linked"
    message = "The template is already linked to the campaign."


class TemplateLinkNotFound(NotFound):
    error_code = "template_link_not_found"
    message = "The template is not linked to the campaign."


class IncompatibleTemplate(ValidationFailed):
    error_code = "incompatible_template"
    message = "The template's type does not fit the campaign's channel."


class InactiveTemplate(ValidationFailed):
    error_code = "inactive_template"
    message = "The template is not active."
