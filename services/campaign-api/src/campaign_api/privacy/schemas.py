"""Consent summary and privacy settings."""

from __future__ import annotations

import re
import uuid
from typing import Any, Literal

from pydantic import ConfigDict, Field, StrictBool, field_validator

from crm_common.schemas import Schema, WriteSchema

ResidencyRegion = Literal["eu", "us", "ca", "uk", "apac"]
SummaryStatus = Literal["granted", "pending", "withdrawn", "expired", "none"]
_HOST = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$"
)


class ConsentCount(Schema):
    channel: str
    status: SummaryStatus = Field(
        description="granted, pending (double opt-in not confirmed), withdrawn, expired "
        "(implied consent past its end), none (never recorded)."
    )
    legal_basis: str | None
    count: int


class ConsentSummary(Schema):
    """Consent over a campaign's audience (the contacts its segments match now)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
                    "matched": 1200,
                    "channels": ["email"],
                    "counts": [
                        {
                            "channel": "email",
                            "status": "granted",
                            "legal_basis": "express",
                            "count": 900,
                        },
                        {
                            "channel": "email",
                            "status": "pending",
                            "legal_basis": "express",
                            "count": 120,
                        },
                        {
                            "channel": "email",
                            "status": "withdrawn",
                            "legal_basis": None,
                            "count": 80,
                        },
                        {"channel": "email", "status": "none", "legal_basis": None, "count": 100},
                    ],
                    "totals": {
                        "email": {
                            "granted": 900,
                            "pending": 120,
                            "withdrawn": 80,
                            "expired": 0,
                            "none": 100,
                        }
                    },
                }
            ]
        }
    )

    campaign_id: uuid.UUID
    matched: int = Field(description="Contacts its segments match.")
    channels: list[str]
    counts: list[ConsentCount] = Field(description="By channel, status and legal basis.")
    totals: dict[str, dict[str, int]] = Field(description="By channel, then status.")


_SETTINGS_EXAMPLE: dict[str, Any] = {
    "double_opt_in_email": True,
    "residency_region": "eu",
    "residency_allowed_hosts": ["hooks.partner.example.com"],
}


class PrivacySettings(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [_SETTINGS_EXAMPLE]})

    double_opt_in_email: bool = Field(
        description="An email grant stays pending until the contact confirms it through the "
        "signed link of a confirmation message; pending contacts are never sent marketing."
    )
    residency_region: ResidencyRegion | None = Field(
        description="Where the company's data may go: exports and webhook destinations "
        "outside it are refused."
    )
    residency_allowed_hosts: list[str] = Field(
        description="Hosts vouched for as inside the region although their name shows none."
    )


class PrivacySettingsUpdate(WriteSchema):
    """The company's privacy settings (all three are replaced)."""

    model_config = ConfigDict(json_schema_extra={"examples": [_SETTINGS_EXAMPLE]})

    double_opt_in_email: StrictBool = False
    residency_region: ResidencyRegion | None = None
    residency_allowed_hosts: list[str] = Field(default_factory=list, max_length=50)

    @field_validator("residency_allowed_hosts")
    @classmethod
    def _hosts(cls, value: list[str]) -> list[str]:
        hosts = []
        for raw in value:
            host = raw.strip().lower().rstrip(".")
            if not _HOST.match(host):
                raise ValueError(f"not a host name: {raw[:60]!r}")
            hosts.append(host)
        return sorted(set(hosts))
