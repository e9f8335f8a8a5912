"""What a launch exports per launch — the direct-mail print file — is published when the
launch ends, without waiting for the worker to shut down."""

from __future__ import annotations

import csv
from pathlib import Path

from launch_worker.channels.direct_mail import DirectMailCsvAdapter
from launch_worker.channels.registry import direct_mail_dir

from .conftest import (
    Runner,
    add_contacts,
    load_launch,
    make_world,
    request_launch,
    set_campaign_status,
    wait_for,
)

PRINT_VENDOR = {"channels": {"direct_mail": {"provider": "print_csv"}}}


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


async def test_the_direct_mail_file_is_published_when_the_launch_completes(
    db, resources, start_runtime: Runner, tmp_path: Path
) -> None:
    world = await make_world(db, company_settings=PRINT_VENDOR)
    letters = await add_contacts(
        db, world.company, 6, consent=("direct_mail",), city="Leeds", postal_code="LS1 4AP"
    )
    launch = await request_launch(world, channels=["direct_mail"])
    settings = resources.settings.model_copy(update={"data_dir": tmp_path})
    exports = DirectMailCsvAdapter(direct_mail_dir(settings))
    final = exports.export_path(world.company.id, launch.id)

    await start_runtime(recorder=exports, data_dir=tmp_path)

    async def published() -> bool:
        return final.exists()

    await wait_for(published)
    done = await load_launch(db, launch.id)
    assert (done.launch_status, done.sent_count) == ("completed", 6)
    rows = _rows(final)
    assert sorted(row["contact_id"] for row in rows) == sorted(str(c.id) for c in letters)
    assert {row["postal_code"] for row in rows} == {"LS1 4AP"}
    assert not final.with_suffix(".csv.part").exists()


async def test_the_letters_written_before_a_cancel_are_published_with_it(
    db, resources, start_runtime: Runner, tmp_path: Path
) -> None:
    world = await make_world(db, company_settings=PRINT_VENDOR)
    await add_contacts(
        db, world.company, 40, consent=("direct_mail",), city="Leeds", postal_code="LS1 4AP"
    )
    # 1 letter/s: the campaign is cancelled while most letters still wait.
    launch = await request_launch(world, channels=["direct_mail"], throttle_per_minute=60)
    settings = resources.settings.model_copy(update={"data_dir": tmp_path})
    exports = DirectMailCsvAdapter(direct_mail_dir(settings))
    final = exports.export_path(world.company.id, launch.id)
    await start_runtime(recorder=exports, data_dir=tmp_path)

    async def sent_some() -> bool:
        return (await load_launch(db, launch.id)).sent_count >= 1

    await wait_for(sent_some)
    await set_campaign_status(db, world.campaign.id, "cancelled")

    async def published() -> bool:
        return final.exists()

    await wait_for(published)
    done = await load_launch(db, launch.id)
    assert done.launch_status == "cancelled"
    assert 1 <= len(_rows(final)) < 40
