"""Event ingestion rules: validate each event, resolve its contact (by id or external id)
and campaign within the company, and insert idempotently by event id."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from crm_common import attribution
from crm_common.errors import ValidationFailed
from crm_common.masking import mask_properties
from crm_common.pagination import PageParams, make_page, paginate
from crm_common.schemas import iso_z
from crm_common.tenancy import TenantScope
from segment_engine.contacts.schemas import ItemError, validation_errors
from segment_engine.events import repository as repo
from segment_engine.events.schemas import (
    EventAccepted,
    EventBatchResult,
    EventIn,
    EventRead,
    EventResult,
)


def _validate(raw_items: Sequence[Any]) -> tuple[dict[int, EventIn], dict[int, list[ItemError]]]:
    valid: dict[int, EventIn] = {}
    errors: dict[int, list[ItemError]] = {}
    for index, raw in enumerate(raw_items):
        path = f"events[{index}]"
        if not isinstance(raw, dict):
            errors[index] = [ItemError(path=path, message="must be a JSON object")]
            continue
        try:
            valid[index] = EventIn.model_validate(raw)
        except ValidationError as exc:
            errors[index] = validation_errors(exc, path)
    return valid, errors


async def _resolve(
    scope: TenantScope, valid: dict[int, EventIn], errors: dict[int, list[ItemError]]
) -> dict[int, uuid.UUID]:
    """The contact of each valid event; events naming an unknown contact or campaign move to
    `errors` (another company's ids are unknown here)."""
    by_id = await repo.existing_contact_ids(
        scope, {e.contact_id for e in valid.values() if e.contact_id is not None}
    )
    by_external = await repo.contact_ids_by_external_id(
        scope, {e.external_id for e in valid.values() if e.external_id is not None}
    )
    campaigns = await repo.existing_campaign_ids(
        scope, {e.campaign_id for e in valid.values() if e.campaign_id is not None}
    )
    contacts: dict[int, uuid.UUID] = {}
    for index, event in list(valid.items()):
        path = f"events[{index}]"
        problems = []
        contact_id = event.contact_id
        if event.external_id is not None:
            contact_id = by_external.get(event.external_id)
            if contact_id is None:
                problems.append(ItemError(path=f"{path}.external_id", message="no such contact"))
        elif contact_id not in by_id:
            problems.append(ItemError(path=f"{path}.contact_id", message="no such contact"))
        if event.campaign_id is not None and event.campaign_id not in campaigns:
            problems.append(ItemError(path=f"{path}.campaign_id", message="no such campaign"))
        if problems or contact_id is None:
            errors[index] = problems
            del valid[index]
        else:
            contacts[index] = contact_id
    return contacts


async def _conversions(
    scope: TenantScope,
    valid: dict[int, EventIn],
    contacts: dict[int, uuid.UUID],
    errors: dict[int, list[ItemError]],
) -> dict[int, attribution.ConversionData]:
    """The conversions that valid `purchase` / `opportunity_won` events with an amount stand
    for (in the company's default currency unless the event names one); such an event with a
    malformed amount or currency, or a currency the company has no exchange rate for, moves
    to `errors` (stored neither as event nor as conversion)."""
    found: dict[int, attribution.ConversionData] = {}
    candidates = [
        index
        for index, event in valid.items()
        if attribution.is_conversion_event(event.event_type, event.properties)
    ]
    if not candidates:
        return found
    base = await attribution.base_currency(scope)
    rates = await attribution.rates(scope)
    for index in candidates:
        event = valid[index]
        try:
            data = attribution.from_event(
                event_id=event.event_id,
                event_type=event.event_type,
                properties=event.properties,
                contact_id=contacts[index],
                occurred_at=event.occurred_at,
                campaign_id=event.campaign_id,
                default_currency=base,
            )
        except ValueError as exc:
            path, _, message = str(exc).partition(": ")
            errors[index] = [ItemError(path=f"events[{index}].{path}", message=message)]
            del valid[index]
            continue
        if data is None:
            continue
        if data.currency_code != base and data.currency_code not in rates:
            message = f"no exchange rate from {data.currency_code} to {base}"
            errors[index] = [
                ItemError(path=f"events[{index}].properties.currency", message=message)
            ]
            del valid[index]
            continue
        found[index] = data
    return found


async def ingest(scope: TenantScope, raw_items: Sequence[Any]) -> EventBatchResult:
    """Insert a batch; an event id seen before (in this batch or earlier) is a duplicate,
    reported and not stored again. A new conversion-type event with an amount is recorded
    as a conversion too, and attributed, after the whole batch is stored."""
    valid, errors = _validate(raw_items)
    contacts = await _resolve(scope, valid, errors)
    conversions = await _conversions(scope, valid, contacts, errors)
    first_of: dict[str, int] = {}
    rows = []
    for index, event in valid.items():
        if event.event_id in first_of:
            continue
        first_of[event.event_id] = index
        rows.append(
            {
                "event_id": event.event_id,
                "contact_id": contacts[index],
                "event_type": event.event_type,
                "occurred_at": event.occurred_at,
                "properties": event.properties,
                "campaign_id": event.campaign_id,
            }
        )
    inserted = await repo.insert_events(scope, rows)
    for index, conversion in conversions.items():
        if first_of[conversion.external_id] == index and conversion.external_id in inserted:
            await attribution.record(scope, conversion)
    results = []
    for index in range(len(raw_items)):
        if index in errors:
            raw = raw_items[index]
            event_id = raw.get("event_id") if isinstance(raw, dict) else None
            results.append(
                EventResult(
                    index=index,
                    event_id=event_id[:100] if isinstance(event_id, str) else None,
                    status="error",
                    errors=errors[index],
                )
            )
            continue
        event = valid[index]
        created = first_of[event.event_id] == index and event.event_id in inserted
        results.append(
            EventResult(
                index=index, event_id=event.event_id, status="created" if created else "duplicate"
            )
        )
    return EventBatchResult(
        created=sum(r.status == "created" for r in results),
        duplicates=sum(r.status == "duplicate" for r in results),
        failed=sum(r.status == "error" for r in results),
        results=results,
    )


async def ingest_one(scope: TenantScope, event: EventIn) -> EventAccepted:
    """Insert one event; a repeated event id is accepted as a duplicate and not stored again."""
    result = await ingest(scope, [event.model_dump(mode="json", exclude_unset=True)])
    [outcome] = result.results
    if outcome.status == "error":
        fields: dict[str, list[str]] = {}
        for error in outcome.errors:
            fields.setdefault(error.path.removeprefix("events[0]."), []).append(error.message)
        raise ValidationFailed(details={"fields": fields})
    return EventAccepted(event_id=event.event_id, status=outcome.status)


def _echoed(value: Any) -> str | None:
    """A filter's value as the page's `filters` show it (moments in UTC with `Z`)."""
    if value is None:
        return None
    return iso_z(value) if isinstance(value, datetime) else str(value)


async def list_page(
    scope: TenantScope,
    filters: repo.EventFilters,
    external_id: str | None,
    params: PageParams,
    *,
    view_pii: bool,
) -> dict[str, Any]:
    """A page of events, newest first; without `view_pii` the properties' values hidden."""
    echo: dict[str, Any] = {
        key: iso_z(value)
        if isinstance(value, datetime)
        else (None if value is None else str(value))
        for key, value in vars(filters).items()
    }
    echo["external_id"] = external_id
    if external_id is not None:
        found = await repo.contact_ids_by_external_id(scope, {external_id})
        contact_id = found.get(external_id)
        if contact_id is None or (filters.contact_id not in (None, contact_id)):
            return make_page([], 0, params, echo)
        filters = repo.EventFilters(**{**vars(filters), "contact_id": contact_id})
    events, total, applied = await paginate(
        scope.session, repo.list_statement(scope, filters), params, filters=echo
    )
    items = [EventRead.model_validate(e) for e in events]
    if not view_pii:
        for item in items:
            item.properties = mask_properties(item.properties)
    return make_page(items, total, params, applied)
