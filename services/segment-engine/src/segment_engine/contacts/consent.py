"""Per-channel consent: the current row per (contact, channel) with its source and time, the
denormalised `Contact.consented_channels` kept in step in the same transaction, and an audit
row for every change (the history)."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from crm_common.audit import RequestMeta
from crm_common.tenancy import TenantScope
from segment_engine.contacts import repository as repo
from segment_engine.contacts.schemas import ConsentEntry, ConsentHistoryEntry, ConsentState

HISTORY_LIMIT = 200


@dataclass(frozen=True)
class ConsentInput:
    contact_id: uuid.UUID
    channel: str
    granted: bool
    source: str


@dataclass(frozen=True)
class ConsentContext:
    """Who records the consent, when it was given, and from which request."""

    recorded_at: datetime
    actor_user_id: uuid.UUID | None = None
    meta: RequestMeta = field(default_factory=RequestMeta)


def _audit_row(
    item: ConsentInput, previous: bool | None, context: ConsentContext
) -> dict[str, Any]:
    return {
        "actor_user_id": context.actor_user_id,
        "action": repo.CONSENT_AUDIT_ACTION,
        "entity_type": "contact",
        "entity_id": item.contact_id,
        "old_values": {"channel": item.channel, "granted": previous},
        "new_values": {
            "channel": item.channel,
            "granted": item.granted,
            "source": item.source,
            "recorded_at": context.recorded_at.isoformat(),
        },
        "request_id": context.meta.request_id,
        "client_ip": context.meta.client_ip,
        "user_agent": context.meta.user_agent,
    }


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
    rows were written (and writes it, unless the caller folds it into its own UPDATE with
    `write_channels=False`).

    Callers hold the contacts' row locks (every consent writer takes them first), so the
    array computed here from the recorded rows and the inputs is the one the rows describe.
    An input equal to the recorded consent is skipped unless `reconfirm` (an explicit
    confirmation refreshes the source and time). `new_contacts` have no rows yet, which
    saves a lookup for freshly created contacts."""
    if not inputs:
        return {}
    new = set(new_contacts)
    current = await repo.consent_map(
        scope, {item.contact_id for item in inputs if item.contact_id not in new}
    )
    latest: dict[tuple[uuid.UUID, str], ConsentInput] = {}
    for item in inputs:
        latest[(item.contact_id, item.channel)] = item
    rows: list[dict[str, Any]] = []
    audits: list[dict[str, Any]] = []
    after: dict[uuid.UUID, dict[str, bool]] = {}
    for item in latest.values():
        previous = current.get(item.contact_id, {}).get(item.channel)
        if previous == item.granted and not reconfirm:
            continue
        rows.append(
            {
                "contact_id": item.contact_id,
                "channel": item.channel,
                "granted": item.granted,
                "source": item.source,
                "recorded_at": context.recorded_at,
            }
        )
        audits.append(_audit_row(item, previous, context))
        after.setdefault(item.contact_id, dict(current.get(item.contact_id, {})))[item.channel] = (
            item.granted
        )
    channels = {
        contact_id: sorted(channel for channel, granted in state.items() if granted)
        for contact_id, state in after.items()
    }
    await repo.upsert_consents(scope, rows)
    if write_channels:
        await repo.update_columns(
            scope, [(contact_id, {"consented_channels": c}) for contact_id, c in channels.items()]
        )
    await repo.add_audit_rows(scope, audits)
    return channels


async def state(scope: TenantScope, contact_id: uuid.UUID, consented: list[str]) -> ConsentState:
    """The recorded consent of a contact and its history, newest first."""
    entries = await repo.consent_entries(scope, contact_id)
    history = []
    for row in await repo.consent_history(scope, contact_id, HISTORY_LIMIT):
        new = row.new_values or {}
        old = row.old_values or {}
        recorded = new.get("recorded_at")
        history.append(
            ConsentHistoryEntry(
                channel=str(new.get("channel")),
                granted=bool(new.get("granted")),
                previous=old.get("granted"),
                source=new.get("source"),
                recorded_at=datetime.fromisoformat(recorded) if recorded else row.occurred_at,
                changed_at=row.occurred_at,
                actor_user_id=row.actor_user_id,
            )
        )
    return ConsentState(
        contact_id=contact_id,
        channels=[ConsentEntry.model_validate(entry) for entry in entries],
        consented_channels=consented,
        history=history,
    )
