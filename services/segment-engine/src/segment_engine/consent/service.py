"""Consent history of a contact and the double opt-in confirmation."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from crm_common.audit import current_request_meta
from crm_common.db import Database
from crm_common.models import Company, Contact
from crm_common.pagination import PageParams
from crm_common.privacy import consent as ledger
from crm_common.privacy.consent import ConsentContext, OptInOutcome
from crm_common.privacy.opt_in_tokens import (
    ExpiredOptInToken,
    InvalidOptInToken,
    OptInClaims,
    OptInSigner,
)
from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope
from segment_engine.consent.errors import OptInLinkExpired, OptInLinkNotFound, OptInSuperseded
from segment_engine.contacts.consent import history_entry
from segment_engine.contacts.errors import ContactNotFound
from segment_engine.contacts.schemas import ConsentHistoryPage


async def history(
    scope: TenantScope,
    principal: Principal,
    contact_id: uuid.UUID,
    page: PageParams,
    channel: str | None,
) -> ConsentHistoryPage:
    """A contact's consent ledger, newest first (404 for an unknown contact)."""
    if await scope.get(Contact, contact_id) is None:
        raise ContactNotFound()
    rows, total = await ledger.history(
        scope, contact_id, limit=page.page_size, offset=page.offset, channel=channel
    )
    view_pii = principal.has(Permission.VIEW_PII)
    return ConsentHistoryPage(
        items=[history_entry(row, view_pii=view_pii) for row in rows],
        total=total,
        page=page.page,
        page_size=page.page_size,
        filters={"channel": channel} if channel else {},
    )


def verify(signer: OptInSigner, token: str) -> OptInClaims:
    """The claims of a confirmation link (404 when forged, 410 when expired)."""
    try:
        return signer.verify(token)
    except ExpiredOptInToken:
        raise OptInLinkExpired() from None
    except InvalidOptInToken:
        raise OptInLinkNotFound() from None


async def sender_name(db: Database, claims: OptInClaims) -> str:
    """The company's name for the page (404 when the contact is gone)."""
    async with db.tenant_session(claims.company_id) as session:
        scope = TenantScope(session, claims.company_id)
        if await scope.get(Contact, claims.contact_id) is None:
            raise OptInLinkNotFound()
        company = await session.get(Company, claims.company_id)
        return company.name if company is not None else "this sender"


async def confirm(db: Database, claims: OptInClaims) -> OptInOutcome:
    """Confirm the opt-in request the link names; the confirmation's proof is the request's
    IP and user agent and the request id."""
    async with db.tenant_session(claims.company_id) as session:
        scope = TenantScope(session, claims.company_id)
        context = ConsentContext(recorded_at=datetime.now(UTC), meta=current_request_meta())
        outcome = await ledger.confirm_opt_in(scope, claims.contact_id, claims.request_id, context)
    if outcome is None:
        raise OptInLinkNotFound()
    if outcome == OptInOutcome.SUPERSEDED:
        raise OptInSuperseded()
    return outcome
