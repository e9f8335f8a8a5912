"""Flags in request bodies take true or false only: lax mode would read 0 or "yes" as a bool."""

import pytest
from pydantic import ValidationError

from campaign_api.budgets.schemas import BudgetUpdate
from campaign_api.templates.schemas import TemplateUpdate


@pytest.mark.parametrize("value", [0, 1, "yes", "true"])
def test_template_flag_refuses_non_booleans(value) -> None:
    with pytest.raises(ValidationError):
        TemplateUpdate.model_validate({"is_default": value})
    assert TemplateUpdate.model_validate({"is_default": True}).is_default is True


def test_budget_flag_refuses_numbers() -> None:
    with pytest.raises(ValidationError):
        BudgetUpdate.model_validate({"is_active": 0})


@pytest.mark.parametrize(
    "path",
    [
        "/api/campaign-templates/?is_active={}",
        "/api/campaign-budgets/?is_active={}",
        "/api/users/?is_active={}",
    ],
)
async def test_query_flags_take_true_or_false_only(client, admin, path) -> None:
    for value in ("1", "0", "yes", "on", ""):
        refused = await client.get(path.format(value), headers=admin)
        assert refused.status_code == 422, (path, value)
        assert refused.json()["details"]["fields"]["is_active"] == ["must be true or false"]
    for value, echoed in (("true", True), ("False", False)):
        answered = await client.get(path.format(value), headers=admin)
        assert answered.status_code == 200, answered.text
        assert answered.json()["filters"]["is_active"] is echoed


async def test_the_campaign_include_flags_take_true_or_false_only(
    client, admin, create_campaign, funded
) -> None:
    campaign = await create_campaign(admin)
    path = f"/api/campaigns/{campaign['id']}/"
    assert (await client.get(f"{path}?include_performance=yes", headers=admin)).status_code == 422
    included = await client.get(f"{path}?include_performance=true", headers=admin)
    assert included.status_code == 200
    assert "performance" in included.json()
