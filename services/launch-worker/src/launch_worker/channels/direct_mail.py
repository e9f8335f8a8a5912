"""Direct mail as a print-vendor export: one CSV per launch.

`{data_dir}/direct-mail/{company_id}/{launch_id}.csv` holds one row per letter: delivery id,
the recipient's name and postal address, the subject and the rendered text. While a launch
sends, rows are appended to `{launch_id}.csv.part` (one write per row, under a shared file
lock, so several worker processes can append at once); `finalize` — at the end of the launch,
and for every launch it wrote when the adapter closes — merges the part into the CSV under
an exclusive lock, drops repeated delivery ids (a resend after a crash), and replaces the
file atomically (write to a temporary file, fsync, rename). A vendor never sees half a file,
and rows written before a crash are kept in the part until the next finalize.

The provider message id is the export file and the row's key: `{launch_id}.csv#{delivery_id}`.
Every cell goes through `crm_common.spreadsheet.safe_cell`: one that would start a formula
(`=`, `+`, `-`, `@`, tab, CR, after any spaces) is prefixed with `'`, so a spreadsheet never
runs it.
"""

from __future__ import annotations

import asyncio
import csv
import fcntl
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from crm_common.spreadsheet import csv_bytes, safe_cell
from launch_worker.channels.base import OutgoingMessage, PermanentSendError, SendResult

NAME = "print_csv"
COLUMNS = (
    "delivery_id",
    "campaign_id",
    "contact_id",
    "name",
    "address_line1",
    "address_line2",
    "city",
    "region",
    "postal_code",
    "country",
    "subject",
    "message",
)
ADDRESS_FIELDS = ("address_line1", "address_line2", "city", "region", "postal_code", "country")


def _row(message: OutgoingMessage) -> list[str]:
    address = message.postal_address or {}
    if not (address.get("postal_code") or address.get("city") or address.get("address_line1")):
        raise PermanentSendError("the contact has no postal address", code="no_address")
    values = {
        "delivery_id": str(message.delivery_id),
        "campaign_id": str(message.campaign_id),
        "contact_id": str(message.contact_id),
        "name": message.recipient,
        "subject": message.subject or "",
        "message": message.text,
        **{name: address.get(name) for name in ADDRESS_FIELDS},
    }
    return [safe_cell(values[column]) for column in COLUMNS]


def _encode(rows: list[list[str]]) -> bytes:
    # safe_cell leaves a neutralised cell as it is, so rows read back re-encode unchanged.
    return csv_bytes(rows)


@contextmanager
def _locked(lock_path: Path, exclusive: bool) -> Iterator[None]:
    with open(lock_path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class _Export:
    """The files of one launch's export."""

    def __init__(self, directory: Path, launch_key: str) -> None:
        self.final = directory / f"{launch_key}.csv"
        self.part = directory / f"{launch_key}.csv.part"
        self.lock = directory / f"{launch_key}.csv.lock"

    def append(self, row: bytes) -> None:
        with _locked(self.lock, exclusive=False):
            descriptor = os.open(self.part, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
            try:
                os.write(descriptor, row)
            finally:
                os.close(descriptor)

    def finalize(self) -> int:
        """Merge the part into the CSV atomically; the number of rows in the CSV."""
        with _locked(self.lock, exclusive=True):
            rows = _read_rows(self.final, skip_header=True) + _read_rows(self.part)
            seen: set[str] = set()
            unique = []
            for row in rows:
                if row and row[0] not in seen:
                    seen.add(row[0])
                    unique.append(row)
            temporary = self.final.with_suffix(f".csv.tmp-{uuid.uuid4().hex[:8]}")
            with open(temporary, "wb") as handle:
                handle.write(_encode([list(COLUMNS), *unique]))
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, self.final)
            self.part.unlink(missing_ok=True)
            return len(unique)


def _read_rows(path: Path, *, skip_header: bool = False) -> list[list[str]]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[1:] if skip_header and rows else rows


class DirectMailCsvAdapter:
    """Writes each letter as a row of its launch's print-vendor CSV."""

    name = NAME
    channel = "direct_mail"

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._exports: dict[tuple[str, str], _Export] = {}

    def _export(self, company_id: uuid.UUID, launch_key: str) -> _Export:
        key = (str(company_id), launch_key)
        export = self._exports.get(key)
        if export is None:
            folder = self.directory / str(company_id)
            folder.mkdir(parents=True, exist_ok=True)
            export = self._exports[key] = _Export(folder, launch_key)
        return export

    def export_path(self, company_id: uuid.UUID, launch_id: uuid.UUID) -> Path:
        """Where a launch's finished export is."""
        return self.directory / str(company_id) / f"{launch_id}.csv"

    async def send(self, message: OutgoingMessage) -> SendResult:
        launch_key = str(message.launch_id or message.campaign_id)
        row = _encode([_row(message)])
        export = self._export(message.company_id, launch_key)
        await asyncio.to_thread(export.append, row)
        return SendResult(
            provider=NAME, provider_message_id=f"{launch_key}.csv#{message.delivery_id}"
        )

    async def finalize(self, company_id: uuid.UUID, launch_id: uuid.UUID) -> Path | None:
        """Publish the launch's export (atomically); safe to call again and from any worker.
        None when the launch wrote no letter."""
        export = _Export(self.directory / str(company_id), str(launch_id))
        if not export.part.exists() and not export.final.exists():
            return None
        await asyncio.to_thread(export.finalize)
        return export.final

    async def close(self) -> None:
        exports, self._exports = list(self._exports.values()), {}
        for export in exports:
            await asyncio.to_thread(export.finalize)
