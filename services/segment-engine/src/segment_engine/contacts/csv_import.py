"""CSV import of contacts: read incrementally from the uploaded file, validated row by row,
upserted in chunks inside the request's transaction; every rejected row is reported with
its row number, column and reason.

Columns are the contact fields (`external_id`, `email`, …), tag lists separated by `|` or `;`,
`attributes` as a JSON object and/or one `attributes.<key>` column per attribute, and one
`consent.<channel>` (or `consent_<channel>`) column per channel with yes/no values. A blank
cell leaves the field as it is (on a new contact: unset).
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from pydantic import ValidationError

from crm_common.enums import DeliveryChannel
from crm_common.tenancy import TenantScope
from segment_engine.contacts import bulk
from segment_engine.contacts.consent import ConsentContext
from segment_engine.contacts.errors import ImportFileInvalid
from segment_engine.contacts.schemas import (
    TAG_FIELDS,
    WRITABLE_COLUMNS,
    ContactCreate,
    ImportReport,
    RowError,
)

CHUNK_ROWS = 2000
MAX_REPORTED_ERRORS = 1000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 64 * 1024
_TAG_SPLIT = re.compile(r"[|;]")
_NUMBER = re.compile(r"^-?(0|[1-9]\d{0,14})(\.\d{1,15})?$")
_TRUE = {"true", "yes", "y", "1", "granted", "opt_in", "opt-in"}
_FALSE = {"false", "no", "n", "0", "withdrawn", "opt_out", "opt-out"}
_CHANNELS = {channel.value for channel in DeliveryChannel}
_SIMPLE_COLUMNS = {
    *WRITABLE_COLUMNS,
    "consent_source",
    "consent_legal_basis",
    "consent_expires_at",
    "attributes",
}


@dataclass(frozen=True)
class Column:
    """Where a header cell goes in the contact shape."""

    header: str
    kind: str  # "field", "tags", "attributes", "attribute", "consent"
    name: str


def _column(header: str) -> Column | None:
    key = header.strip()
    lowered = key.lower()
    if lowered in TAG_FIELDS:
        return Column(key, "tags", lowered)
    if lowered == "attributes":
        return Column(key, "attributes", lowered)
    if lowered in _SIMPLE_COLUMNS:
        return Column(key, "field", lowered)
    if lowered.startswith("attributes.") and len(key) > len("attributes."):
        return Column(key, "attribute", key[len("attributes.") :])
    for prefix in ("consent.", "consent_"):
        if lowered.startswith(prefix) and lowered[len(prefix) :] in _CHANNELS:
            return Column(key, "consent", lowered[len(prefix) :])
    return None


def parse_header(cells: list[str]) -> list[Column]:
    """Map the header row; unknown or repeated columns make the file invalid."""
    if len(cells) > MAX_COLUMNS:
        raise ImportFileInvalid(f"The file has more than {MAX_COLUMNS} columns.")
    columns: list[Column] = []
    unknown: list[str] = []
    seen: dict[tuple[str, str], str] = {}
    repeated: list[str] = []
    for cell in cells:
        column = _column(cell)
        if column is None:
            unknown.append(cell[:100])
            continue
        if (column.kind, column.name) in seen:
            repeated.append(cell[:100])
        seen[(column.kind, column.name)] = cell
        columns.append(column)
    if unknown or repeated:
        raise ImportFileInvalid(
            "The header has unknown or repeated columns.",
            details={"unknown_columns": unknown, "repeated_columns": repeated},
        )
    if not any(c.kind == "field" and c.name == "external_id" for c in columns):
        raise ImportFileInvalid("The header must have an external_id column.")
    return columns


def _scalar(text: str) -> Any:
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if _NUMBER.match(text):
        return json.loads(text)
    return text


def row_to_item(
    columns: list[Column], cells: list[str]
) -> tuple[dict[str, Any], list[tuple[str | None, str]]]:
    """The contact dict of one row, and the cells that could not be read (left out of it,
    so the rest of the row is still validated and every problem reported)."""
    item: dict[str, Any] = {}
    problems: list[tuple[str | None, str]] = []
    for column, raw in zip(columns, cells, strict=True):
        text = raw.strip()
        if not text:
            continue
        if column.kind == "field":
            item[column.name] = text
        elif column.kind == "tags":
            item[column.name] = [tag.strip() for tag in _TAG_SPLIT.split(text) if tag.strip()]
        elif column.kind == "attributes":
            try:
                value = json.loads(text)
            except ValueError:
                value = None
            if not isinstance(value, dict):
                problems.append((column.header, "must be a JSON object"))
                continue
            item["attributes"] = {**value, **item.get("attributes", {})}
        elif column.kind == "attribute":
            item.setdefault("attributes", {})[column.name] = _scalar(text)
        else:
            lowered = text.lower()
            if lowered not in _TRUE | _FALSE:
                problems.append((column.header, "must be yes or no (true/false, 1/0)"))
                continue
            item.setdefault("consent", {})[column.name] = lowered in _TRUE
    return item, problems


def _error_column(columns: list[Column], loc: tuple[int | str, ...]) -> str | None:
    if not loc:
        return None
    head = str(loc[0])
    for column in columns:
        if head == "consent" and column.kind == "consent" and len(loc) > 1:
            if column.name == str(loc[1]):
                return column.header
        elif head == "attributes" and column.kind in ("attributes", "attribute"):
            return column.header if column.kind == "attributes" else "attributes"
        elif column.kind in ("field", "tags") and column.name == head:
            return column.header
    return head


@dataclass
class ImportState:
    columns: list[Column] = field(default_factory=list)
    first_row_of: dict[str, int] = field(default_factory=dict)
    report: ImportReport = field(
        default_factory=lambda: ImportReport(
            rows=0, created=0, updated=0, unchanged=0, failed=0, errors=[]
        )
    )

    def fail(self, row: int, line: int, *problems: tuple[str | None, str]) -> None:
        """Count one rejected row and report each of its problems."""
        self.report.failed += 1
        for column, message in problems:
            if len(self.report.errors) < MAX_REPORTED_ERRORS:
                error = RowError(row=row, line=line, column=column, message=message)
                self.report.errors.append(error)
            else:
                self.report.errors_truncated = True


def _detect_delimiter(first_line: str) -> str:
    counts = {delimiter: first_line.count(delimiter) for delimiter in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _records(text: IO[str]) -> Iterator[tuple[int, int, list[str]]]:
    """(row number, line number, cells) for each record; the header is row 1."""
    try:
        first = text.readline()
    except UnicodeDecodeError:
        raise ImportFileInvalid("The file is not UTF-8 text.") from None
    if not first.strip():
        raise ImportFileInvalid("The file is empty or has no header row.")
    delimiter = _detect_delimiter(first)
    reader = csv.reader(_chain(first, text), delimiter=delimiter, strict=True)
    row = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportFileInvalid(
                f"The file is not valid CSV near row {row + 1}: {exc}.",
                details={"row": row + 1, "line": reader.line_num},
            ) from None
        except UnicodeDecodeError:
            raise ImportFileInvalid(
                f"The file is not UTF-8 text (near row {row + 1}).", details={"row": row + 1}
            ) from None
        row += 1
        yield row, reader.line_num, cells


def _chain(first: str, rest: IO[str]) -> Iterator[str]:
    yield first
    yield from rest


def _take_chunk(
    records: Iterator[tuple[int, int, list[str]]], state: ImportState
) -> list[tuple[int, ContactCreate]]:
    """Read and validate up to CHUNK_ROWS data rows (runs in a worker thread)."""
    valid: list[tuple[int, ContactCreate]] = []
    for row, line, cells in records:
        state.report.rows += 1
        if not any(cell.strip() for cell in cells):
            state.fail(row, line, (None, "the row is empty"))
        elif len(cells) != len(state.columns):
            message = f"has {len(cells)} cells, the header has {len(state.columns)}"
            state.fail(row, line, (None, message))
        elif any(len(cell) > MAX_CELL_CHARS for cell in cells):
            state.fail(row, line, (None, f"a cell is longer than {MAX_CELL_CHARS} characters"))
        else:
            _validate_row(state, row, line, cells, valid)
        if len(valid) >= CHUNK_ROWS:
            break
    return valid


def _validate_row(
    state: ImportState,
    row: int,
    line: int,
    cells: list[str],
    valid: list[tuple[int, ContactCreate]],
) -> None:
    fields, problems = row_to_item(state.columns, cells)
    try:
        item = ContactCreate.model_validate(fields)
    except ValidationError as exc:
        problems += [
            (
                _error_column(state.columns, tuple(error.get("loc", ()))),
                str(error.get("msg", "is not valid")).removeprefix("Value error, "),
            )
            for error in exc.errors()
        ]
    if problems:
        state.fail(row, line, *problems)
        return
    first = state.first_row_of.get(item.external_id)
    if first is not None:
        state.fail(row, line, ("external_id", f"repeats the external_id of row {first}"))
        return
    state.first_row_of[item.external_id] = row
    valid.append((row, item))


async def import_csv(
    scope: TenantScope, upload: IO[bytes], context: ConsentContext, *, default_source: str
) -> ImportReport:
    """Import an uploaded CSV file into the caller's transaction and report every row."""
    text = io.TextIOWrapper(upload, encoding="utf-8-sig", newline="")
    state = ImportState()
    # The consent ledger's proof names the import every grant or withdrawal came from.
    proof = {"import_id": str(uuid.uuid4())}
    records = await asyncio.to_thread(_records_with_header, text, state)
    while True:
        chunk = await asyncio.to_thread(_take_chunk, records, state)
        if not chunk:
            break
        outcomes = await bulk.upsert(
            scope,
            [item for _, item in chunk],
            context,
            default_source=default_source,
            proof=proof,
        )
        for outcome in outcomes:
            setattr(state.report, outcome.status, getattr(state.report, outcome.status) + 1)
    return state.report


def _records_with_header(text: IO[str], state: ImportState) -> Iterator[tuple[int, int, list[str]]]:
    records = _records(text)
    try:
        _, _, header = next(records)
    except StopIteration:
        raise ImportFileInvalid("The file is empty or has no header row.") from None
    state.columns = parse_header(header)
    return records
