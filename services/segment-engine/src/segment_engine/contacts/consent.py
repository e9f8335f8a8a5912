"""Per-channel consent through the consent ledger (crm_common.privacy.consent): every write
appends ledger entries and keeps the current rows and `Contact.consented_channels` in step in
the same transaction; the state and history read here are derived from the same ledger."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from typing import Any

from crm_common.enums import ConsentStatus
from crm_common.masking import mask_proof
from crm_common.models import ConsentLedgerEntry
from crm_common.privacy import consent as ledger
from crm_common.privacy.consent import ConsentContext, ConsentInput
from crm_common.tenancy import TenantScope
from segment_engine.contacts import repository as repo
from segment_engine.contacts.schemas import ConsentEntry, ConsentHistoryEntry, ConsentState

HISTORY_LIMIT = 200

__all__ = ["ConsentContext", "ConsentInput", "apply", "history_entry", "state"]


async def apply(
    scope: TenantScope,
    inputs: Sequence[ConsentInput],
    context: ConsentContext,
    *,
    reconfirm: bool = False,
    new_contacts: Collection[uuid.UUID] = (),
    write_channels: bool = True,
) -> dict[uuid.UUID, list[str]]:
    """Record consent; returns the new `consented_channels` of every contact whose consent
    changed (and writes it, unless the caller folds it into its own UPDATE with
    `write_channels=False`). Callers hold the contacts' row locks."""
    recorded = await ledger.record(
        scope,
        inputs,
        context,
        reconfirm=reconfirm,
        new_contacts=new_contacts,
        write_contact_channels=write_channels,
    )
    return recorded.channels


def history_entry(entry: ConsentLedgerEntry, *, view_pii: bool) -> ConsentHistoryEntry:
    """A ledger entry as the API shows it (the proof's IP and user agent masked without
    view_pii)."""
    proof: dict[str, Any] = dict(entry.proof or {})
    return ConsentHistoryEntry(
        id=entry.id,
        channel=entry.channel,
        action=entry.action,
        status=entry.status,
        granted=entry.status == ConsentStatus.GRANTED,
        previous=None
        if entry.previous_status is None
        else entry.previous_status == ConsentStatus.GRANTED,
        previous_status=entry.previous_status,
        legal_basis=entry.legal_basis,
        expires_at=entry.expires_at,
        source=entry.source,
        recorded_at=entry.recorded_at,
        changed_at=entry.created_at,
        actor_user_id=entry.actor_user_id,
        proof=proof if view_pii else mask_proof(proof),
    )


async def state(
    scope: TenantScope, contact_id: uuid.UUID, consented: list[str], *, view_pii: bool
) -> ConsentState:
    """The current consent of a contact and its latest ledger entries, newest first."""
    entries = await repo.consent_entries(scope, contact_id)
    rows, _ = await ledger.history(scope, contact_id, limit=HISTORY_LIMIT)
    return ConsentState(
        contact_id=contact_id,
        channels=[ConsentEntry.from_row(entry) for entry in entries],
        consented_channels=consented,
        history=[history_entry(row, view_pii=view_pii) for row in rows],
    )
