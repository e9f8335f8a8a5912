"""Do-not-sell, legal holds, retention settings and the request log."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import IntegrityError

from crm_common.audit import record
from crm_common.models import Contact, LegalHold
from crm_common.models.data_rights import (
    DataClass,
    DataSubjectRequestKind,
    DataSubjectRequestOutcome,
)
from crm_common.pagination import PageParams, make_page, paginate
from crm_common.privacy import retention
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope
from segment_engine.privacy import repository as repo
from segment_engine.privacy import requests_log
from segment_engine.privacy.errors import (
    CampaignNotFound,
    ContactNotFound,
    LegalHoldExists,
    LegalHoldNotFound,
    LegalHoldReleased,
)
from segment_engine.privacy.schemas import (
    DataSubjectRequestRead,
    DoNotSellState,
    LegalHoldCreate,
    LegalHoldRead,
    RetentionPolicies,
    RetentionReportRead,
)


async def set_do_not_sell(
    scope: TenantScope, principal: Principal, contact_id: uuid.UUID, do_not_sell: bool
) -> DoNotSellState:
    """Record the contact's "do not sell or share" choice (CCPA); logged and audited."""
    contact = await repo.contact_for_update(scope, contact_id)
    if contact is None:
        raise ContactNotFound()
    previous = contact.do_not_sell
    if previous != do_not_sell:
        await scope.session.execute(
            scope.update(Contact, Contact.id == contact.id).values(do_not_sell=do_not_sell)
        )
        await record(
            scope.session,
            company_id=scope.company_id,
            actor_user_id=principal.user_id,
            action="contact.do_not_sell_changed",
            entity_type="contact",
            entity_id=contact.id,
            old_values={"do_not_sell": previous},
            new_values={"do_not_sell": do_not_sell},
        )
    await requests_log.record(
        scope,
        principal,
        contact.id,
        DataSubjectRequestKind.DO_NOT_SELL,
        DataSubjectRequestOutcome.COMPLETED
        if previous != do_not_sell
        else DataSubjectRequestOutcome.ALREADY_DONE,
        {"do_not_sell": do_not_sell},
    )
    return DoNotSellState(contact_id=contact.id, do_not_sell=do_not_sell)


def _hold_read(hold: LegalHold) -> LegalHoldRead:
    return LegalHoldRead.model_validate({**repo.row_dict(hold), "active": hold.released_at is None})


async def place_hold(
    scope: TenantScope, principal: Principal, data: LegalHoldCreate
) -> LegalHoldRead:
    """Put a contact or a campaign under legal hold (one active hold per subject)."""
    if data.contact_id is not None and await scope.get(Contact, data.contact_id) is None:
        raise ContactNotFound()
    if data.campaign_id is not None and not await repo.campaign_exists(scope, data.campaign_id):
        raise CampaignNotFound()
    if await repo.active_hold(scope, contact_id=data.contact_id, campaign_id=data.campaign_id):
        raise LegalHoldExists()
    hold = LegalHold(
        id=uuid.uuid4(),
        contact_id=data.contact_id,
        campaign_id=data.campaign_id,
        reason=data.reason,
        placed_by_user_id=principal.user_id,
        placed_at=datetime.now(UTC),
    )
    scope.add(hold)
    try:
        async with scope.session.begin_nested():
            await scope.session.flush()
    except IntegrityError:  # placed by a concurrent request meanwhile
        raise LegalHoldExists() from None
    await _hold_recorded(
        scope, principal, hold, "legal_hold.placed", data.reason, DataSubjectRequestKind.LEGAL_HOLD
    )
    return _hold_read(hold)


async def release_hold(
    scope: TenantScope, principal: Principal, hold_id: uuid.UUID, reason: str
) -> LegalHoldRead:
    """Release an active legal hold, with the reason."""
    hold = await repo.hold_for_update(scope, hold_id)
    if hold is None:
        raise LegalHoldNotFound()
    if hold.released_at is not None:
        raise LegalHoldReleased()
    hold.released_at = datetime.now(UTC)
    hold.released_by_user_id = principal.user_id
    hold.release_reason = reason
    await scope.session.flush()
    await _hold_recorded(
        scope,
        principal,
        hold,
        "legal_hold.released",
        reason,
        DataSubjectRequestKind.LEGAL_HOLD_RELEASE,
    )
    return _hold_read(hold)


async def _hold_recorded(
    scope: TenantScope,
    principal: Principal,
    hold: LegalHold,
    action: str,
    reason: str,
    kind: DataSubjectRequestKind,
) -> None:
    """Audit a hold's placing or release, and log it as a request about its contact."""
    subject = hold.contact_id or hold.campaign_id
    assert subject is not None  # the table's check constraint: exactly one subject
    await record(
        scope.session,
        company_id=scope.company_id,
        actor_user_id=principal.user_id,
        action=action,
        entity_type="contact" if hold.contact_id else "campaign",
        entity_id=subject,
        new_values={"legal_hold_id": str(hold.id), "reason": reason},
    )
    if hold.contact_id is not None:
        await requests_log.record(
            scope,
            principal,
            hold.contact_id,
            kind,
            DataSubjectRequestOutcome.COMPLETED,
            {"legal_hold_id": str(hold.id)},
        )


async def list_holds(scope: TenantScope, active: bool | None, params: PageParams) -> dict[str, Any]:
    """Legal holds, newest first."""
    holds, total, applied = await paginate(
        scope.session, repo.holds_statement(scope, active), params, filters={"active": active}
    )
    return make_page([_hold_read(hold) for hold in holds], total, params, applied)


async def list_requests(
    scope: TenantScope, contact_id: uuid.UUID | None, kind: str | None, params: PageParams
) -> dict[str, Any]:
    """The data-subject request log, newest first."""
    rows, total, applied = await paginate(
        scope.session,
        repo.requests_statement(scope, contact_id, kind),
        params,
        filters={"contact_id": str(contact_id) if contact_id else None, "kind": kind},
    )
    return make_page(
        [DataSubjectRequestRead.model_validate(row) for row in rows], total, params, applied
    )


async def get_policies(scope: TenantScope) -> RetentionPolicies:
    """The company's retention periods (null: kept indefinitely)."""
    return RetentionPolicies(**await repo.policies(scope))


async def set_policies(
    scope: TenantScope, principal: Principal, data: RetentionPolicies
) -> RetentionPolicies:
    """Replace the company's retention periods; audited."""
    before = await repo.policies(scope)
    after = data.model_dump()
    for name in DataClass:
        await repo.set_policy(scope, str(name), after[str(name)], principal.user_id)
    await record(
        scope.session,
        company_id=scope.company_id,
        actor_user_id=principal.user_id,
        action="retention.updated",
        entity_type="company",
        entity_id=scope.company_id,
        old_values={str(name): before.get(str(name)) for name in DataClass},
        new_values=after,
    )
    return await get_policies(scope)


async def dry_run(scope: TenantScope) -> RetentionReportRead:
    """What the retention job would remove now, per data class and table."""
    report = await retention.dry_run(scope.session, scope.company_id)
    return RetentionReportRead(
        as_of=report.as_of,
        dry_run=True,
        cutoffs=report.cutoffs,
        removed=report.removed,
        totals=report.totals(),
    )
