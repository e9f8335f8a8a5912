"""The last fiscal year a budget may name (9999) has an end like any other: asking for its
availability is an answer, not a 500 (found by fuzzing)."""

import pytest


@pytest.fixture
async def finance(acme, headers_for):
    return await headers_for(acme, "finance")


@pytest.mark.parametrize("year", [1900, 9999])
async def test_availability_of_the_first_and_last_fiscal_years(client, finance, year) -> None:
    response = await client.get(
        f"/api/campaign-budgets/availability/?fiscal_year={year}", headers=finance
    )
    assert response.status_code == 200
    assert response.json()["fiscal_year"] == year
