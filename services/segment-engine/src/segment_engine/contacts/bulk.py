"""Upserting contacts by external id, in batches: the engine behind the single create, the
JSON bulk endpoint and the CSV import."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError

from crm_common.crypto import pii
from crm_common.crypto.keyring import PiiCipher
from crm_common.sampling import new_contact_id, sample_bucket
from crm_common.tenancy import TenantScope
from segment_engine.contacts import consent as consent_service
from segment_engine.contacts import repository as repo
from segment_engine.contacts.errors import ContactExists
from segment_engine.contacts.schemas import (
    TAG_FIELDS,
    WRITABLE_COLUMNS,
    BulkItemResult,
    ContactCreate,
    ItemError,
    validation_errors,
)

Status = Literal["created", "updated", "unchanged"]


@dataclass(frozen=True)
class Outcome:
    status: Status
    contact_id: uuid.UUID


def _new_row(cipher: PiiCipher, item: ContactCreate) -> dict[str, Any]:
    # Every row of one INSERT carries the same keys; unset fields take their defaults.
    row: dict[str, Any] = dict.fromkeys(WRITABLE_COLUMNS)
    row.update({name: [] for name in TAG_FIELDS}, attributes={})
    row.update(item.column_values())
    row["id"] = new_contact_id(cipher.company_id, item.external_id)
    # A new contact's consent rows are exactly its `consent`: the array is known already, and
    # setting it here spares an UPDATE of every freshly inserted row.
    row["consented_channels"] = sorted(
        c for c, granted in item.consent_changes().items() if granted
    )
    return pii.seal_contact(cipher, row["id"], row)


def _changed(current: dict[str, Any], wanted: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in wanted.items() if current.get(name) != value}


async def upsert(
    scope: TenantScope,
    items: Sequence[ContactCreate],
    context: consent_service.ConsentContext,
    *,
    default_source: str,
    create_only: bool = False,
    proof: Mapping[str, Any] | None = None,
) -> list[Outcome]:
    """Create or update `items` (distinct external ids) in the caller's transaction; fields an
    item does not name are left as they are on an existing contact."""
    cipher = await pii.cipher_for(scope.session, scope.company_id)
    existing = await _plain_rows(scope, [item.external_id for item in items])
    if create_only and existing:
        raise ContactExists(details={"external_id": next(iter(existing))})
    new_rows = {
        item.external_id: _new_row(cipher, item)
        for item in items
        if item.external_id not in existing
    }
    # Inserted in sample-bucket order, so a batch's contacts of the low buckets that sampled
    # estimates read share few pages (crm_common.sampling). A new contact's bucket follows from
    # its external id, so concurrent batches that share new ids insert them in the same order
    # and wait for each other instead of deadlocking.
    inserted = await repo.insert_new(
        scope,
        sorted(new_rows.values(), key=lambda row: (sample_bucket(row["id"]), row["external_id"])),
    )
    raced = [external_id for external_id in new_rows if external_id not in inserted]
    if raced:
        # A concurrent writer created these between our lookup and insert: update them.
        if create_only:
            raise ContactExists(details={"external_id": raced[0]})
        existing.update(await _plain_rows(scope, raced))

    outcomes: dict[str, Outcome] = {}
    changes: dict[uuid.UUID, dict[str, Any]] = {}
    for item in items:
        if item.external_id in inserted:
            outcomes[item.external_id] = Outcome("created", new_rows[item.external_id]["id"])
            continue
        current = existing[item.external_id]
        changed = _changed(current, item.column_values())
        if changed:
            changes[current["id"]] = pii.seal_contact(cipher, current["id"], changed, current)
        outcomes[item.external_id] = Outcome("updated" if changed else "unchanged", current["id"])

    created_ids = {outcomes[external_id].contact_id for external_id in inserted}
    consent_inputs = [
        consent_service.ConsentInput(
            outcomes[item.external_id].contact_id,
            channel,
            granted,
            item.consent_source or default_source,
            proof=proof or {},
            **item.consent_terms(),
        )
        for item in items
        for channel, granted in item.consent_changes().items()
    ]
    channels = await consent_service.apply(
        scope, consent_inputs, context, new_contacts=created_ids, write_channels=False
    )
    inserted_arrays = {row["id"]: row["consented_channels"] for row in new_rows.values()}
    for contact_id, consented in channels.items():
        # New rows were inserted with their granted channels; an email grant that became a
        # pending double opt-in request is taken out again.
        if inserted_arrays.get(contact_id) != consented:
            changes.setdefault(contact_id, {})["consented_channels"] = consented
    # One UPDATE per changed contact, columns and consent array together.
    await repo.update_columns(scope, list(changes.items()))
    results = []
    for item in items:
        outcome = outcomes[item.external_id]
        if outcome.status == "unchanged" and outcome.contact_id in channels:
            outcome = Outcome("updated", outcome.contact_id)
        results.append(outcome)
    return results


async def _plain_rows(scope: TenantScope, external_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The writable columns of existing contacts by external id, personal data in plaintext
    (what a write is compared with)."""
    rows = await repo.rows_by_external_id(scope, external_ids)
    opened = await pii.open_contacts(scope.session, scope.company_id, list(rows.values()))
    return {row["external_id"]: row for row in opened}


@dataclass
class ValidatedBatch:
    """Items that passed validation, by position, and the errors of those that did not."""

    valid: list[tuple[int, ContactCreate]]
    errors: dict[int, list[ItemError]]
    external_ids: dict[int, str | None]


def validate_items(raw_items: Sequence[Any], prefix: str) -> ValidatedBatch:
    """Validate each item on its own; a repeated external id is an error on the later item."""
    batch = ValidatedBatch([], {}, {})
    first_seen: dict[str, int] = {}
    for index, raw in enumerate(raw_items):
        path = f"{prefix}[{index}]"
        external_id = raw.get("external_id") if isinstance(raw, dict) else None
        batch.external_ids[index] = external_id if isinstance(external_id, str) else None
        if not isinstance(raw, dict):
            batch.errors[index] = [ItemError(path=path, message="must be a JSON object")]
            continue
        try:
            item = ContactCreate.model_validate(raw)
        except ValidationError as exc:
            batch.errors[index] = validation_errors(exc, path)
            continue
        if item.external_id in first_seen:
            message = f"repeats the external_id of {prefix}[{first_seen[item.external_id]}]"
            batch.errors[index] = [ItemError(path=f"{path}.external_id", message=message)]
            continue
        first_seen[item.external_id] = index
        batch.valid.append((index, item))
    return batch


def item_results(batch: ValidatedBatch, outcomes: Sequence[Outcome]) -> list[BulkItemResult]:
    """One result per submitted item, in submission order."""
    done = {
        index: (item, outcome) for (index, item), outcome in zip(batch.valid, outcomes, strict=True)
    }
    results = []
    for index in sorted([*done, *batch.errors]):
        if index in done:
            item, outcome = done[index]
            results.append(
                BulkItemResult(
                    index=index,
                    external_id=item.external_id,
                    status=outcome.status,
                    id=outcome.contact_id,
                )
            )
        else:
            external_id = batch.external_ids.get(index)
            results.append(
                BulkItemResult(
                    index=index,
                    external_id=external_id[:100] if external_id else None,
                    status="error",
                    errors=batch.errors[index],
                )
            )
    return results
