"""Data residency: where a company's data may go.

A company records its region in its settings (`residency_region`: `eu`, `us`, `ca`, `uk` or
`apac`; crm_common.privacy.settings). Anything that sends the company's data out of the
system — exports, webhook deliveries — calls `check_destination` first:

    from crm_common.privacy.residency import check_destination
    check_destination(company.settings, "https://hooks.example.eu/crm")   # or a region: "eu"

It raises `ResidencyViolation` (a 422 in the standard error format, code
`residency_violation`) when the destination is outside the company's region, and returns the
destination's region otherwise (None when the company has no region: nothing is enforced).

An export (a data subject's record, the audit log) leaves the system where it is served:
`check_export(company.settings, settings.data_region)` lets a deployment serve one only when
the deployment declares (`CRM_DATA_REGION`) the company's region (else a 409 with the same
error code: the request is valid, the deployment is the wrong place to serve it).

A destination's region is the region given, or for a URL the region its host names: a
country-code top-level domain (`.de` → `eu`, `.ca` → `ca` …) or a region label in the host
(`eu-west-1.example.com`, `hooks.us.example.com`). A URL whose host names no region cannot be
shown to stay inside the region, so it is refused for a company with a region unless its host
is in the company's `residency_allowed_hosts` setting (hosts the company vouches for).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from crm_common.errors import CRMError
from crm_common.privacy.settings import RESIDENCY_REGIONS, residency_region

ALLOWED_HOSTS = "residency_allowed_hosts"

_EU_TLDS = [
    "at",
    "be",
    "bg",
    "cy",
    "cz",
    "de",
    "dk",
    "ee",
    "es",
    "eu",
    "fi",
    "fr",
    "gr",
    "hr",
    "hu",
    "ie",
    "it",
    "lt",
    "lu",
    "lv",
    "mt",
    "nl",
    "pl",
    "pt",
    "ro",
    "se",
    "si",
    "sk",
]
_TLD_REGIONS: dict[str, str] = {
    **dict.fromkeys(_EU_TLDS, "eu"),
    "us": "us",
    "gov": "us",
    "ca": "ca",
    "uk": "uk",
    **dict.fromkeys(["au", "jp", "sg", "nz", "in", "kr", "hk"], "apac"),
}
_LABEL = re.compile(r"(?:^|[.-])(eu|us|ca|uk|apac)(?:$|[.-])")


class ResidencyViolation(CRMError):
    status_code = 422
    error_code = "residency_violation"
    message = "The destination is outside the company's data residency region."


def region_of(destination: str) -> str | None:
    """The region a destination (a region name or a URL) is in, None when unknown."""
    value = destination.strip().lower()
    if value in RESIDENCY_REGIONS:
        return value
    host = urlsplit(value if "//" in value else f"//{value}").hostname or ""
    if not host:
        return None
    tld = host.rsplit(".", 1)[-1]
    if tld in _TLD_REGIONS:
        return _TLD_REGIONS[tld]
    match = _LABEL.search(host.rsplit(".", 1)[0])
    return match.group(1) if match else None


def check_destination(settings: Mapping[str, Any] | None, destination: str) -> str | None:
    """Refuse (`ResidencyViolation`) a destination outside the company's residency region;
    the destination's region otherwise (see the module docstring)."""
    required = residency_region(settings)
    if required is None:
        return region_of(destination)
    found = region_of(destination)
    if found == required:
        return found
    host = urlsplit(destination if "//" in destination else f"//{destination}").hostname
    allowed = {str(h).lower() for h in (settings or {}).get(ALLOWED_HOSTS, []) or []}
    if found is None and host and host.lower() in allowed:
        return required
    raise ResidencyViolation(details={"residency_region": required, "destination_region": found})


class ExportOutsideResidency(ResidencyViolation):
    """A valid export request this deployment may not serve: the refusal depends on where it
    runs, not on the request, so it is a conflict (409), with the same error code."""

    status_code = 409


def check_export(settings: Mapping[str, Any] | None, data_region: str | None) -> None:
    """Refuse (`ExportOutsideResidency`, 409) to serve an export of a company with a residency
    region from a deployment outside that region, or one that declares no region at all."""
    required = residency_region(settings)
    if required is None or data_region == required:
        return
    if data_region is None:
        raise ExportOutsideResidency(
            "The company's data must stay in its residency region and this deployment "
            "declares no region (CRM_DATA_REGION): exports are not served here.",
            details={"residency_region": required, "destination_region": None},
        )
    raise ExportOutsideResidency(
        "The company's data must stay in its residency region; this deployment serves "
        "another region, so exports are not served here.",
        details={"residency_region": required, "destination_region": data_region},
    )
