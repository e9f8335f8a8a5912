"""Optimistic concurrency for versioned rows: ETag out, If-Match in."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Header
from pydantic import StringConstraints
from pydantic.json_schema import SkipJsonSchema

from crm_common.errors import PreconditionFailed, ValidationFailed
from crm_common.models import CampaignBudget, CampaignTemplate, Contact, WebhookSubscription
from crm_common.tenancy import TenantScope

RowVersioned = CampaignTemplate | CampaignBudget | WebhookSubscription | Contact
"""The rows whose version the database keeps (`crm_common.models.base.RowVersion`)."""

IF_MATCH_PATTERN = r'^\s*(\*|(W/)?"[0-9]{1,9}")\s*$'
"""`*` or an ETag this API returned (a version number in quotes, possibly weak)."""


def etag(version: int) -> str:
    return f'"{version}"'


def parse_if_match(value: str | None) -> int | None:
    """The version an If-Match header names; None when absent or `*` (any version)."""
    if value is None:
        return None
    candidate = value.strip()
    if candidate == "*":
        return None
    if candidate.startswith("W/"):
        candidate = candidate[2:]
    candidate = candidate.strip('"')
    if not candidate.isdigit() or len(candidate) > 9:
        raise ValidationFailed(
            "If-Match must be an ETag returned by this API.",
            details={"fields": {"If-Match": ["not a version ETag"]}},
        )
    return int(candidate)


def check_version(expected: int | None, actual: int) -> None:
    """Refuse a write based on a stale read (412)."""
    if expected is not None and expected != actual:
        raise PreconditionFailed(details={"expected_version": expected, "current_version": actual})


async def if_match_header(
    if_match: Annotated[
        Annotated[str, StringConstraints(pattern=IF_MATCH_PATTERN)] | SkipJsonSchema[None],
        Header(
            alias="If-Match",
            examples=['"3"'],
            description="The ETag of the version this write is based on; a stale one is a 412.",
        ),
    ] = None,
) -> int | None:
    return parse_if_match(if_match)


ExpectedVersion = Annotated[int | None, Depends(if_match_header)]
"""The version an If-Match header names (None: no header, or `*`)."""


async def check_row_version(
    scope: TenantScope, model: type[RowVersioned], row_id: uuid.UUID, expected: int | None
) -> None:
    """Lock the company's row `row_id` of `model` for this transaction and refuse a stale
    If-Match (412). A missing row is left to the caller (its own 404)."""
    if expected is None:
        return
    statement = (
        scope.select(model, model.id == row_id).with_only_columns(model.version).with_for_update()
    )
    current = (await scope.session.execute(statement)).scalar_one_or_none()
    if current is not None:
        check_version(expected, current)
