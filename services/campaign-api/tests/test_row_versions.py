"""Templates and budgets carry a version (their ETag): every read and write answers with it, a
write with a stale If-Match is a 412 and changes nothing, and whoever changes the row (another
user, the launch worker, a maintenance job) moves it on; a write that leaves the row as it was
does not."""

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import update

from crm_common.models import CampaignBudget, CampaignTemplate

from .budgets.test_budgets import BUDGET
from .templates.test_templates import TEMPLATE

RESOURCES: dict[str, tuple[str, dict[str, Any], Callable[[int], dict[str, Any]], Any]] = {
    "template": (
        "/api/campaign-templates/",
        TEMPLATE,
        lambda n: {"description": f"edit {n}"},
        CampaignTemplate,
    ),
    "budget": (
        "/api/campaign-budgets/",
        BUDGET,
        lambda n: {"description": f"edit {n}"},
        CampaignBudget,
    ),
}


@pytest.mark.parametrize("kind", list(RESOURCES))
async def test_a_stale_if_match_is_refused_and_changes_nothing(client, admin, db, kind) -> None:
    base, body, edit, model = RESOURCES[kind]
    created = await client.post(base, json=body, headers=admin)
    assert created.status_code == 201, created.text
    path = f"{base}{created.json()['id']}/"
    first = created.headers["etag"]
    assert first == '"1"' == f'"{created.json()["version"]}"'
    assert (await client.get(path, headers=admin)).headers["etag"] == first

    # Another user saves first (If-Match of what both read): the version moves on.
    theirs = await client.patch(path, json=edit(1), headers={**admin, "If-Match": first})
    assert theirs.status_code == 200, theirs.text
    second = theirs.headers["etag"]
    assert second == '"2"' == f'"{theirs.json()["version"]}"'

    # This user's save, based on the first read, is refused and leaves theirs in place.
    mine = await client.patch(path, json=edit(2), headers={**admin, "If-Match": first})
    assert mine.status_code == 412
    assert mine.json()["error_code"] == "precondition_failed"
    assert mine.json()["details"] == {"expected_version": 1, "current_version": 2}
    replaced = await client.put(
        path, json={**body, **edit(3)}, headers={**admin, "If-Match": first}
    )
    assert replaced.status_code == 412
    now = await client.get(path, headers=admin)
    assert now.json()["description"] == "edit 1"
    assert now.headers["etag"] == second

    # Without If-Match a write still goes through (and moves the version), as with `*`.
    assert (await client.patch(path, json=edit(4), headers=admin)).headers["etag"] == '"3"'
    starred = await client.patch(path, json=edit(5), headers={**admin, "If-Match": "*"})
    assert starred.headers["etag"] == '"4"'
    # Saving what is already there changes nothing, so the version stays.
    same = await client.patch(path, json=edit(5), headers={**admin, "If-Match": '"4"'})
    assert same.status_code == 200
    assert same.headers["etag"] == '"4"'

    # A writer outside the API moves the version too.
    async with db.system_session() as session:
        await session.execute(
            update(model).where(model.id == created.json()["id"]).values(description="elsewhere")
        )
    stale = await client.patch(path, json=edit(6), headers={**admin, "If-Match": '"4"'})
    assert stale.status_code == 412
    assert (await client.get(path, headers=admin)).headers["etag"] == '"5"'


async def test_another_company_cannot_probe_a_version(client, admin, globex, headers_for) -> None:
    created = await client.post("/api/campaign-templates/", json=TEMPLATE, headers=admin)
    stranger = await headers_for(globex, "admin")
    response = await client.patch(
        f"/api/campaign-templates/{created.json()['id']}/",
        json={"description": "x"},
        headers={**stranger, "If-Match": '"7"'},
    )
    assert response.status_code == 404
