"""Approval action bodies."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, StringConstraints

from crm_common.schemas import WriteSchema

Comment = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class ApprovalComment(WriteSchema):
    """An optional note for the approval history."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"comment": "Budget checked with finance."}]},
    )

    comment: Comment | None = None


class RejectionComment(WriteSchema):
    """Why the campaign is rejected (required)."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"comment": "Budget too high for Q2; halve it."}]},
    )

    comment: Comment
