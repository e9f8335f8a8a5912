"""The print-vendor CSV export: one file per launch, published atomically, each letter once."""

from __future__ import annotations

import csv
import uuid
from pathlib import Path

import pytest

from crm_common.settings import load_settings
from launch_worker.channels.base import OutgoingMessage, PermanentSendError
from launch_worker.channels.direct_mail import COLUMNS, DirectMailCsvAdapter
from launch_worker.channels.registry import ChannelRegistry

from .conftest import outgoing

ADDRESS = {
    "address_line1": "12 Harbour Road",
    "city": "Leeds",
    "region": "West Yorkshire",
    "postal_code": "LS1 4AP",
    "country": "GB",
}


def letter(company_id: uuid.UUID, launch_id: uuid.UUID, **changes: object) -> OutgoingMessage:
    values: dict[str, object] = {
        "company_id": company_id,
        "launch_id": launch_id,
        "channel": "direct_mail",
        "recipient": "Ann Lee",
        "subject": "Spring catalogue",
        "text": "Dear Ann,\nyour spring catalogue is enclosed.",
        "html": None,
        "headers": {},
        "postal_address": ADDRESS,
    }
    values.update(changes)
    return outgoing(**values)


def read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


async def test_letters_are_published_as_one_csv_per_launch_on_close(tmp_path: Path) -> None:
    adapter = DirectMailCsvAdapter(tmp_path)
    company, launch = uuid.uuid4(), uuid.uuid4()
    first = letter(company, launch)
    result = await adapter.send(first)
    await adapter.send(letter(company, launch, recipient="Bo Chan"))
    final = adapter.export_path(company, launch)
    assert not final.exists()  # nothing half-written is visible before the export is closed

    await adapter.close()

    rows = read(final)
    assert [row["name"] for row in rows] == ["Ann Lee", "Bo Chan"]
    assert list(rows[0]) == list(COLUMNS)
    assert rows[0]["delivery_id"] == str(first.delivery_id)
    assert rows[0]["postal_code"] == "LS1 4AP"
    assert rows[0]["message"] == "Dear Ann,\nyour spring catalogue is enclosed."
    assert result.provider == "print_csv"
    assert result.provider_message_id == f"{launch}.csv#{first.delivery_id}"
    assert not final.with_suffix(".csv.part").exists()


async def test_a_resent_letter_appears_once(tmp_path: Path) -> None:
    company, launch = uuid.uuid4(), uuid.uuid4()
    crashed = DirectMailCsvAdapter(tmp_path)
    message = letter(company, launch)
    await crashed.send(message)  # the worker dies before recording the send …
    restarted = DirectMailCsvAdapter(tmp_path)
    await restarted.send(message)  # … and another one sends it again
    await restarted.send(letter(company, launch, recipient="Bo Chan"))
    await restarted.finalize(company, launch)

    rows = read(restarted.export_path(company, launch))
    assert [row["name"] for row in rows] == ["Ann Lee", "Bo Chan"]


async def test_two_workers_writing_one_launch_end_in_one_file(tmp_path: Path) -> None:
    company, launch = uuid.uuid4(), uuid.uuid4()
    one, two = DirectMailCsvAdapter(tmp_path), DirectMailCsvAdapter(tmp_path)
    await one.send(letter(company, launch, recipient="Ann Lee"))
    await two.send(letter(company, launch, recipient="Bo Chan"))
    await one.finalize(company, launch)
    await two.send(letter(company, launch, recipient="Cy Diaz"))  # after a first publish
    await two.close()
    await one.close()

    rows = read(one.export_path(company, launch))
    assert sorted(row["name"] for row in rows) == ["Ann Lee", "Bo Chan", "Cy Diaz"]


async def test_spreadsheet_formulas_in_cells_are_neutralised(tmp_path: Path) -> None:
    adapter = DirectMailCsvAdapter(tmp_path)
    company, launch = uuid.uuid4(), uuid.uuid4()
    await adapter.send(letter(company, launch, recipient='=HYPERLINK("http://evil")'))
    await adapter.finalize(company, launch)
    [row] = read(adapter.export_path(company, launch))
    assert row["name"] == '\'=HYPERLINK("http://evil")'


@pytest.mark.parametrize(
    "cell",
    [
        "=1+1",
        "+1+1",
        "-1+1",
        "@SUM(A1:A2)",
        "\t=1+1",
        "\r=1+1",
        '  =HYPERLINK("http://evil")',
        "\uff1d1+1",
        "\uff20SUM(A1)",
    ],
)
async def test_csv_export_neutralises_formulas(tmp_path: Path, cell: str) -> None:
    adapter = DirectMailCsvAdapter(tmp_path)
    company, launch = uuid.uuid4(), uuid.uuid4()
    address = {**ADDRESS, "city": cell, "address_line2": cell}
    await adapter.send(
        letter(company, launch, recipient=cell, subject=cell, postal_address=address)
    )
    await adapter.send(letter(company, launch, recipient="Bo Chan"))
    await adapter.finalize(company, launch)  # rows re-read from the part and written again
    first, second = read(adapter.export_path(company, launch))
    for column in ("name", "subject", "city", "address_line2"):
        assert first[column] == "'" + cell, column
    assert second["name"] == "Bo Chan"


async def test_a_contact_without_a_postal_address_is_a_permanent_failure(tmp_path: Path) -> None:
    adapter = DirectMailCsvAdapter(tmp_path)
    with pytest.raises(PermanentSendError) as refused:
        await adapter.send(letter(uuid.uuid4(), uuid.uuid4(), postal_address={"country": "GB"}))
    assert refused.value.code == "no_address"


async def test_the_registry_publishes_a_launchs_export_when_it_ends(tmp_path: Path) -> None:
    registry = ChannelRegistry(load_settings(env="dev", data_dir=tmp_path))
    adapter = registry.adapter_for({}, "direct_mail")
    assert isinstance(adapter, DirectMailCsvAdapter)
    company, launch, other = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    await adapter.send(letter(company, launch))

    # Another worker, which never sent a letter of this launch, sees it end.
    elsewhere = ChannelRegistry(load_settings(env="dev", data_dir=tmp_path))
    published = await elsewhere.finish_launch(company, launch)
    nothing = await elsewhere.finish_launch(company, other)  # wrote nothing: no file

    assert published == adapter.export_path(company, launch)
    assert [row["name"] for row in read(published)] == ["Ann Lee"]
    assert nothing is None
    assert not adapter.export_path(company, other).exists()
    await registry.close()
