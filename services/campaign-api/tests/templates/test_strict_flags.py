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
