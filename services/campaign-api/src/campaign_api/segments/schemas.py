"""Campaign-segment request and response bodies."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from pydantic import ConfigDict, Field, computed_field

from campaign_api.shared.types import Name100
from crm_common.enums import SegmentType
from crm_common.schemas import Schema, WriteSchema

CRITERIA_FIELDS = (
    "demographic_criteria",
    "behavioral_criteria",
    "geographic_criteria",
    "psychographic_criteria",
)

_EXAMPLE: dict[str, Any] = {
    "campaign_id": "5f0c2a8e-1111-4a4a-9c9c-2b2b2b2b2b2b",
    "segment_name": "Engaged Berliners",
    "segment_type": "mixed",
    "demographic_criteria": {"all": [{"field": "age", "op": "between", "value": [25, 45]}]},
    "behavioral_criteria": {
        "event": "email_open",
        "count": {"op": "gte", "value": 3},
        "within_days": 30,
    },
    "geographic_criteria": {"field": "city", "op": "in", "value": ["Berlin"]},
    "psychographic_criteria": {"field": "interests", "op": "contains_any", "value": ["running"]},
}


class SegmentCreate(WriteSchema):
    """A new segment of a campaign; every criteria tree follows the segment rule language."""

    model_config = ConfigDict(json_schema_extra={"examples": [_EXAMPLE]})

    campaign_id: uuid.UUID
    segment_name: Name100
    segment_type: SegmentType
    demographic_criteria: dict[str, Any] = Field(default_factory=dict)
    behavioral_criteria: dict[str, Any] = Field(default_factory=dict)
    geographic_criteria: dict[str, Any] = Field(default_factory=dict)
    psychographic_criteria: dict[str, Any] = Field(default_factory=dict)


class SegmentReplace(WriteSchema):
    """Every writable field of a segment (PUT); the campaign cannot change."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{k: v for k, v in _EXAMPLE.items() if k != "campaign_id"}]}
    )

    segment_name: Name100
    segment_type: SegmentType
    demographic_criteria: dict[str, Any] = Field(default_factory=dict)
    behavioral_criteria: dict[str, Any] = Field(default_factory=dict)
    geographic_criteria: dict[str, Any] = Field(default_factory=dict)
    psychographic_criteria: dict[str, Any] = Field(default_factory=dict)


class SegmentUpdate(WriteSchema):
    """Some writable fields of a segment (PATCH)."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"segment_name": "Engaged Berliners 25 to 45"}]}
    )
    nullable_fields = frozenset()

    segment_name: Name100 | None = None
    segment_type: SegmentType | None = None
    demographic_criteria: dict[str, Any] | None = None
    behavioral_criteria: dict[str, Any] | None = None
    geographic_criteria: dict[str, Any] | None = None
    psychographic_criteria: dict[str, Any] | None = None


SEGMENT_WRITABLE: tuple[str, ...] = ("segment_name", "segment_type", *CRITERIA_FIELDS)


MATCHED = "Contacts the segment's criteria match, before consent and suppression."
SENDABLE = (
    "Matched contacts reachable on the campaign's channel (consented, not suppressed): the "
    "audience a launch sends to."
)


class SegmentCounts(Schema):
    """A segment's two audience counts, each also under the name that says what it counts
    (`target_count` / `actual_count` are the stored columns' names). Both are written by the
    segment engine when it evaluates the segment; 0 until then."""

    target_count: int = Field(description="The stored name of `matched_count`.")
    actual_count: int = Field(description="The stored name of `sendable_count`.")

    @computed_field(description=MATCHED)  # type: ignore[prop-decorator]
    @property
    def matched_count(self) -> int:
        return self.target_count

    @computed_field(description=SENDABLE)  # type: ignore[prop-decorator]
    @property
    def sendable_count(self) -> int:
        return self.actual_count


SEGMENT_EXAMPLE: dict[str, Any] = {
    "id": "0ad7193d-ac70-4d15-a378-652923ea3fa1",
    **_EXAMPLE,
    "target_count": 1250,
    "actual_count": 1187,
    "matched_count": 1250,
    "sendable_count": 1187,
    "engagement_rate": "12.40",
    "last_evaluated_at": "2026-03-01T10:00:00Z",
    "created_at": "2026-03-01T09:30:00Z",
    "updated_at": "2026-03-01T10:00:00Z",
}


class SegmentRead(SegmentCounts):
    """A segment as stored (counts are written by the segment engine when it evaluates)."""

    model_config = ConfigDict(
        from_attributes=True, json_schema_extra={"examples": [SEGMENT_EXAMPLE]}
    )

    id: uuid.UUID
    campaign_id: uuid.UUID
    segment_name: str
    segment_type: SegmentType
    demographic_criteria: dict[str, Any]
    behavioral_criteria: dict[str, Any]
    geographic_criteria: dict[str, Any]
    psychographic_criteria: dict[str, Any]
    engagement_rate: Decimal
    last_evaluated_at: datetime | None
    created_at: datetime
    updated_at: datetime


class SegmentWarning(Schema):
    code: str
    field: str | None = None
    message: str


class SegmentValidation(Schema):
    """The criteria passed the rule language; what still deserves attention."""

    valid: bool
    warnings: list[SegmentWarning]


class AudienceAnalysis(SegmentCounts):
    """What the rules target, and where to count the audience."""

    criteria_used: list[str]
    condition_count: int
    behavioural_events: list[str]
    evaluated: bool
    estimate_path: str
    evaluate_path: str


class SegmentWritten(SegmentRead):
    """A created or updated segment with its validation results and audience analysis."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **SEGMENT_EXAMPLE,
                    "validation": {"valid": True, "warnings": []},
                    "audience_analysis": {
                        "criteria_used": ["demographic_criteria", "behavioral_criteria"],
                        "condition_count": 2,
                        "behavioural_events": ["email_open"],
                        "evaluated": True,
                        "target_count": 1250,
                        "actual_count": 1187,
                        "matched_count": 1250,
                        "sendable_count": 1187,
                        "estimate_path": "/api/segments/estimate/",
                        "evaluate_path": f"/api/segments/{SEGMENT_EXAMPLE['id']}/evaluate/",
                    },
                }
            ]
        }
    )

    validation: SegmentValidation
    audience_analysis: AudienceAnalysis


class SegmentPage(Schema):
    """One page of segments."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [SEGMENT_EXAMPLE],
                    "total": 1,
                    "page": 1,
                    "page_size": 50,
                    "filters": {"segment_type": "mixed"},
                }
            ]
        }
    )

    items: list[SegmentRead]
    total: int
    page: int
    page_size: int
    filters: dict[str, Any]
