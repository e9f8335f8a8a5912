"""Export of everything held about a contact (GDPR art. 15 and 20, CCPA right to know)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select

from crm_common.crypto.pii import cipher_for, open_contact_objects, open_suppressions
from crm_common.models import (
    AuditLog,
    Base,
    Campaign,
    CampaignContact,
    CampaignSegment,
    CampaignTestSend,
    Contact,
    ContactConsent,
    ContactEvent,
    DataSubjectRequest,
    Delivery,
    LegalHold,
    MessageLink,
    SegmentMembership,
    Suppression,
    delivered_to,
)
from crm_common.models.data_rights import DataSubjectRequestKind, DataSubjectRequestOutcome
from crm_common.privacy.residency import ExportOutsideResidency, check_export
from crm_common.privacy.settings import company_settings
from crm_common.resources import Resources
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope
from segment_engine.privacy import repository as repo
from segment_engine.privacy import requests_log
from segment_engine.privacy.errors import ContactNotFound
from segment_engine.privacy.schemas import ContactExport

# Exported under their own keys below; any other table with a contact_id column is exported
# whole under `other_records`, so a new kind of record is never left out.
COVERED_TABLES = frozenset(
    {
        "crm_contacts",
        "crm_contact_consents",
        "crm_contact_events",
        "crm_deliveries",
        "crm_test_sends",
        "crm_message_links",
        "crm_segment_memberships",
        "crm_campaign_contacts",
        "crm_suppressions",
        "crm_legal_holds",
        "crm_data_subject_requests",
        "crm_audit_log",
    }
)
INTERNAL_COLUMNS = frozenset({"company_id", "sample_bucket", "lease_owner", "lease_expires_at"})


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    """A row without tenancy and lease internals, nor binary values (ciphertext and keyed
    hashes: their readable forms are exported where they are decrypted)."""
    return {
        key: value
        for key, value in row.items()
        if key not in INTERNAL_COLUMNS and not isinstance(value, bytes | memoryview)
    }


async def export(
    scope: TenantScope, principal: Principal, contact_id: uuid.UUID, resources: Resources
) -> ContactExport:
    """Everything held about the contact, in clear; the request is logged. Refused (409
    `residency_violation`, logged) when this deployment is outside the company's region."""
    contact = await scope.get(Contact, contact_id)
    if contact is None:
        raise ContactNotFound()
    try:
        check_export(
            await company_settings(scope.session, scope.company_id),
            resources.settings.data_region,
        )
    except ExportOutsideResidency as refused:
        await requests_log.record_refusal(
            resources,
            scope.company_id,
            principal,
            contact.id,
            DataSubjectRequestKind.EXPORT,
            {"reason": "residency", **refused.details},
        )
        raise
    [profile] = await open_contact_objects(scope.session, scope.company_id, [contact])
    addresses = [value for value in (profile.get("email"), profile.get("phone")) if value]
    result = ContactExport(
        contact_id=contact.id,
        exported_at=await repo.now(scope),
        profile=_clean(profile),
        consents=await _rows(scope, ContactConsent, ContactConsent.contact_id == contact.id),
        events=await _rows(
            scope,
            ContactEvent,
            ContactEvent.contact_id == contact.id,
            order=ContactEvent.occurred_at,
        ),
        deliveries=await _deliveries(scope, contact.id),
        rendered_messages=await _rendered(scope, contact.id, addresses),
        segment_memberships=await _memberships(scope, contact.id),
        campaign_audiences=await _rows(
            scope, CampaignContact, CampaignContact.contact_id == contact.id
        ),
        suppressions=await _suppressions(scope, contact.id, addresses),
        legal_holds=await _rows(scope, LegalHold, LegalHold.contact_id == contact.id),
        data_subject_requests=await _rows(
            scope,
            DataSubjectRequest,
            DataSubjectRequest.contact_id == contact.id,
            order=DataSubjectRequest.requested_at,
        ),
        audit_trail=await _rows(
            scope,
            AuditLog,
            AuditLog.entity_type == "contact",
            AuditLog.entity_id == contact.id,
            order=AuditLog.id,
        ),
        other_records=await _other_records(scope, contact.id),
    )
    await requests_log.record(
        scope,
        principal,
        contact.id,
        DataSubjectRequestKind.EXPORT,
        DataSubjectRequestOutcome.COMPLETED,
        {"records": _record_counts(result)},
    )
    return result


def _record_counts(result: ContactExport) -> dict[str, int]:
    counts = {
        name: len(value) for name, value in result.model_dump().items() if isinstance(value, list)
    }
    counts.update({name: len(rows) for name, rows in result.other_records.items()})
    return counts


async def _rows(
    scope: TenantScope, model: type[Base], *criteria: ColumnElement[bool], order: Any = None
) -> list[dict[str, Any]]:
    return [_clean(row) for row in await repo.rows_of(scope, model, *criteria, order=order)]


async def _deliveries(scope: TenantScope, contact_id: uuid.UUID) -> list[dict[str, Any]]:
    """The contact's deliveries with the campaign each belongs to."""
    statement = (
        select(Delivery, Campaign.campaign_code, Campaign.campaign_name)
        .join(Campaign, Campaign.id == Delivery.campaign_id)
        .where(delivered_to(scope.company_id, contact_id))
        .order_by(Delivery.created_at)
    )
    rows = []
    for delivery, code, name in (await scope.session.execute(statement)).all():
        row = _clean(repo.row_dict(delivery))
        row.update(campaign_code=code, campaign_name=name)
        rows.append(row)
    return rows


async def _rendered(
    scope: TenantScope, contact_id: uuid.UUID, addresses: list[str]
) -> list[dict[str, Any]]:
    """Test messages rendered with the contact's data or sent to its address, and the
    tracked links of the messages delivered to it."""
    sent_to: list[ColumnElement[bool]] = [CampaignTestSend.contact_id == contact_id]
    if addresses:
        sent_to.append(CampaignTestSend.recipient.in_(addresses))
    tests = [
        {"kind": "test_send", **row}
        for row in await _rows(
            scope, CampaignTestSend, or_(*sent_to), order=CampaignTestSend.created_at
        )
    ]
    delivered = select(Delivery.id).where(delivered_to(scope.company_id, contact_id))
    links = [
        {"kind": "message_link", **row}
        for row in await _rows(scope, MessageLink, MessageLink.delivery_id.in_(delivered))
    ]
    return tests + links


async def _memberships(scope: TenantScope, contact_id: uuid.UUID) -> list[dict[str, Any]]:
    statement = (
        select(SegmentMembership, CampaignSegment.segment_name)
        .outerjoin(CampaignSegment, CampaignSegment.id == SegmentMembership.segment_id)
        .where(
            SegmentMembership.company_id == scope.company_id,
            SegmentMembership.contact_id == contact_id,
        )
    )
    rows = []
    for membership, name in (await scope.session.execute(statement)).all():
        row = _clean(repo.row_dict(membership))
        row["segment_name"] = name
        rows.append(row)
    return rows


async def _suppressions(
    scope: TenantScope, contact_id: uuid.UUID, addresses: list[str]
) -> list[dict[str, Any]]:
    """Suppressions of the contact or of its addresses, with the address decrypted."""
    matches: list[ColumnElement[bool]] = [Suppression.contact_id == contact_id]
    if addresses:
        cipher = await cipher_for(scope.session, scope.company_id)
        matches.append(Suppression.address_hash.in_([cipher.hash(a) for a in addresses]))
        matches.append(
            and_(
                Suppression.key_version.is_(None),
                Suppression.address.in_([address.encode() for address in addresses]),
            )
        )
    statement = scope.select(Suppression, or_(*matches)).order_by(Suppression.created_at)
    rows = [repo.row_dict(row) for row in await scope.all(statement)]
    opened = await open_suppressions(scope.session, scope.company_id, rows)
    return [_clean({**row, "address": address}) for row, address in zip(rows, opened, strict=True)]


async def _other_records(
    scope: TenantScope, contact_id: uuid.UUID
) -> dict[str, list[dict[str, Any]]]:
    records: dict[str, list[dict[str, Any]]] = {}
    for mapper in Base.registry.mappers:
        table = mapper.class_.__table__
        if (
            table.name in COVERED_TABLES
            or "contact_id" not in table.c
            or "company_id" not in table.c
        ):
            continue
        model = mapper.class_
        rows = await _rows(scope, model, table.c.contact_id == contact_id)
        if rows:
            records[table.name] = rows
    return records
