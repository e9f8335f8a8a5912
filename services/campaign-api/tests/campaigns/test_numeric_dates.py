"""Campaign dates and date filters are ISO 8601 strings: a number is a 422, never read as
seconds since 1970; so is a moment that leaves years 1-9999 once converted to UTC."""

import pytest


@pytest.mark.parametrize("field", ["start_date", "end_date"])
async def test_numeric_date_refused_in_body(client, admin, funded, payload, field) -> None:
    response = await client.post("/api/campaigns/", json=payload(**{field: 12345}), headers=admin)
    assert response.status_code == 422
    assert field in response.json()["details"]["fields"]


@pytest.mark.parametrize("query", ["start_to=0.5", "end_from=12345", "start_from=1e9"])
async def test_numeric_date_refused_in_filter(client, admin, query) -> None:
    response = await client.get(f"/api/campaigns/?{query}", headers=admin)
    assert response.status_code == 422
    assert response.json()["error_code"] == "validation_error"


async def test_iso_date_filter_accepted(client, admin) -> None:
    response = await client.get("/api/campaigns/?start_to=2030-01-01T00:00:00Z", headers=admin)
    assert response.status_code == 200


OUT_OF_RANGE = {"end_date": "9999-12-31T23:59:59-12:00", "start_date": "0001-01-01T00:00:00+14:00"}


@pytest.mark.parametrize("field", sorted(OUT_OF_RANGE))
async def test_moment_out_of_range_in_utc_refused_in_body(
    client, admin, funded, payload, field
) -> None:
    value = OUT_OF_RANGE[field]
    response = await client.post("/api/campaigns/", json=payload(**{field: value}), headers=admin)
    assert response.status_code == 422
    assert field in response.json()["details"]["fields"]

    created = await client.post("/api/campaigns/", json=payload(), headers=admin)
    response = await client.patch(
        f"/api/campaigns/{created.json()['id']}/", json={field: value}, headers=admin
    )
    assert response.status_code == 422
    assert field in response.json()["details"]["fields"]


async def test_moment_out_of_range_in_utc_refused_in_filter(client, admin) -> None:
    response = await client.get(
        "/api/campaigns/", params={"start_from": OUT_OF_RANGE["end_date"]}, headers=admin
    )
    assert response.status_code == 422
    assert "start_from" in response.json()["details"]["fields"]
