"""A company's campaign policy, read from `Company.settings` with safe defaults."""

from __future__ import annotations

import re
from datetime import MAXYEAR, UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

import structlog
from pydantic import BaseModel
from sqlalchemy import bindparam, select

from campaign_api.shared.currency import is_supported
from crm_common.errors import NotFound
from crm_common.models import Company
from crm_common.tenancy import TENANT, TenantScope

log = structlog.get_logger(__name__)

DEFAULT_CODE_PREFIX = "CMP"
_PREFIX = re.compile(r"^[A-Za-z0-9]{1,12}$")


class CompanyPolicy(BaseModel):
    """The settings that shape campaign rules for one company."""

    campaign_code_prefix: str = DEFAULT_CODE_PREFIX
    allow_schedule_overlap: bool = False
    fiscal_year_start_month: int = 1
    mfa_approval_threshold: Decimal | None = None
    default_currency: str = "USD"
    scheduling_window_days: int = 730
    min_audience_size: int = 1
    """The fewest sendable contacts a launch may go to (docs/launching.md)."""
    allow_admin_self_approval: bool = False
    """Admins may approve a campaign they created or last edited (audited as such)."""

    @classmethod
    def from_settings(cls, raw: dict[str, Any]) -> CompanyPolicy:
        """Each setting is taken only when valid; a bad value falls back to its default."""
        policy = cls()
        values: dict[str, Any] = {}
        prefix = raw.get("campaign_code_prefix")
        if isinstance(prefix, str) and _PREFIX.match(prefix):
            values["campaign_code_prefix"] = prefix.upper()
        overlap = raw.get("allow_schedule_overlap")
        if isinstance(overlap, bool):
            values["allow_schedule_overlap"] = overlap
        month = raw.get("fiscal_year_start_month")
        if isinstance(month, int) and not isinstance(month, bool) and 1 <= month <= 12:
            values["fiscal_year_start_month"] = month
        threshold = _decimal(raw.get("mfa_approval_threshold"))
        if threshold is not None and threshold >= 0:
            values["mfa_approval_threshold"] = threshold
        currency = raw.get("default_currency")
        if isinstance(currency, str) and is_supported(currency.upper()):
            values["default_currency"] = currency.upper()
        window = raw.get("scheduling_window_days")
        if isinstance(window, int) and not isinstance(window, bool) and 1 <= window <= 3650:
            values["scheduling_window_days"] = window
        self_approval = raw.get("allow_admin_self_approval")
        if isinstance(self_approval, bool):
            values["allow_admin_self_approval"] = self_approval
        minimum = raw.get("min_audience_size")
        if isinstance(minimum, int) and not isinstance(minimum, bool) and minimum >= 1:
            values["min_audience_size"] = minimum
        ignored = sorted(set(raw) & set(cls.model_fields) - set(values))
        if ignored:
            log.warning("company_settings_ignored", settings=ignored)
        return policy.model_copy(update=values)

    def fiscal_year_of(self, moment: datetime) -> int:
        """The fiscal year `moment` falls in, named after the calendar year it starts in."""
        moment = moment.astimezone(UTC)
        if moment.month >= self.fiscal_year_start_month:
            return moment.year
        return moment.year - 1

    def fiscal_year_bounds(self, fiscal_year: int) -> tuple[datetime, datetime]:
        """[start, end) of `fiscal_year` in UTC."""
        month = self.fiscal_year_start_month
        start = datetime(fiscal_year, month, 1, tzinfo=UTC)
        if fiscal_year >= MAXYEAR:  # the last year a date can name has no successor
            return start, datetime.max.replace(tzinfo=UTC)
        return start, datetime(fiscal_year + 1, month, 1, tzinfo=UTC)


def _decimal(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


COMPANY_SETTINGS = select(Company.settings).where(Company.id == bindparam(TENANT))
"""The settings of the company bound at execution (`TenantScope.params`)."""


async def load_settings(scope: TenantScope) -> dict[str, Any]:
    """The raw settings of the scope's company (row-level security shows only that row)."""
    raw = await scope.value(COMPANY_SETTINGS)
    if raw is None:
        raise NotFound("The company was not found.")
    return dict(raw)


async def load_company(scope: TenantScope) -> Company:
    """The scope's company (row-level security lets a tenant read only its own)."""
    return await scope.session.get_one(Company, scope.company_id)


async def load_policy(scope: TenantScope) -> CompanyPolicy:
    """The campaign policy of the scope's company."""
    return CompanyPolicy.from_settings(await load_settings(scope))
