"""Request and response bodies of `/api/segments/…`."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from crm_common.enums import Channel

CRITERIA_DESCRIPTION = "A rule tree (see GET /api/segments/schema/); {} or null: no condition."


class CriteriaBody(BaseModel):
    """Any of a segment's four criteria, plus the channel the audience is for."""

    model_config = ConfigDict(extra="forbid")

    demographic_criteria: dict[str, Any] | None = Field(None, description=CRITERIA_DESCRIPTION)
    behavioral_criteria: dict[str, Any] | None = Field(None, description=CRITERIA_DESCRIPTION)
    geographic_criteria: dict[str, Any] | None = Field(None, description=CRITERIA_DESCRIPTION)
    psychographic_criteria: dict[str, Any] | None = Field(None, description=CRITERIA_DESCRIPTION)
    channel: Channel | None = Field(
        None, description="Exclude contacts that cannot be sent to on this channel."
    )
    campaign_id: uuid.UUID | None = Field(
        None, description="Use this campaign's primary channel when `channel` is not given."
    )

    def criteria(self) -> dict[str, Any]:
        return {
            "demographic_criteria": self.demographic_criteria,
            "behavioral_criteria": self.behavioral_criteria,
            "geographic_criteria": self.geographic_criteria,
            "psychographic_criteria": self.psychographic_criteria,
        }


class EstimateRequest(CriteriaBody):
    sample_size: int = Field(10, ge=0, le=100, description="How many contacts to return.")
    exact: StrictBool = Field(
        False,
        description="Count every contact even on a large company (slower); otherwise a "
        "company above the sampling threshold is estimated from a uniform random sample.",
    )


class ValidationResult(BaseModel):
    valid: bool


class Excluded(BaseModel):
    """Matching contacts left out, each under the first reason that applies: matched = count
    + no_consent + suppressed + no_address."""

    no_consent: int = Field(description="No consent for the channel.")
    suppressed: int = Field(description="Consented, but suppressed for the channel.")
    no_address: int = Field(
        description="Consented and not suppressed, but without an address on the channel "
        "(an email for email, a phone number for SMS)."
    )


class Estimate(BaseModel):
    count: int = Field(description="Sendable matching contacts.")
    matched: int = Field(description="Matching contacts before exclusions.")
    excluded: Excluded
    exact: bool = Field(description="Every contact was counted (else scaled from a sample).")
    sample_fraction: float = Field(
        description="The share of the company's contacts read: 1.0 when exact."
    )
    count_range: tuple[int, int] = Field(
        description="95 % interval of `count` ([count, count] when exact)."
    )
    matched_range: tuple[int, int] = Field(
        description="95 % interval of `matched` ([matched, matched] when exact)."
    )
    channel: str | None
    sample: list[dict[str, Any]] = Field(
        description="Matching sendable contacts (PII masked without view_pii)."
    )
    took_ms: int


class EvaluationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    evaluation_id: uuid.UUID
    segment_id: uuid.UUID
    campaign_id: uuid.UUID
    channel: str
    evaluated_at: datetime
    matched: int = Field(description="Contacts the criteria match, before consent and suppression.")
    sendable: int = Field(
        description="Matched contacts reachable on the campaign's channel (consented, not "
        "suppressed, with an address there): the segment's members."
    )
    added: int
    removed: int
    excluded: Excluded
    took_ms: int


class Explanation(BaseModel):
    segment_id: uuid.UUID
    contact_id: uuid.UUID
    matched: bool = Field(description="The contact satisfies every criteria tree.")
    channel: str | None
    consented: bool | None
    suppressed: bool | None
    no_address: bool | None = Field(
        description="Consented and not suppressed, but without an address on the channel."
    )
    sendable: bool
    in_segment: bool = Field(description="Matched and sendable: what membership holds now.")
    is_member: bool = Field(description="In the membership of the last evaluation.")
    last_evaluated_at: datetime | None
    summary: str
    criteria: list[dict[str, Any]] = Field(
        description="Per criteria tree, every node with its rule, `result`, the contact's "
        "`actual` value (conditions) or `observed` events (behavioural conditions)."
    )
    evaluated_at: datetime
