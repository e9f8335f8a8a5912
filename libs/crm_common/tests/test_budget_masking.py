"""`redact_budget` drops every budget figure at any depth and keeps everything else as it was."""

from decimal import Decimal

from crm_common.masking import BUDGET_FIELDS, redact_budget


def test_budget_figures_go_at_any_depth_and_the_rest_stays() -> None:
    page = {
        "items": [
            {
                "id": "c1",
                "total_budget": "100.00",
                "actual_spend": Decimal("3.00"),
                "tags": ["a", {"cost": 1, "label": "b"}],
                "performance": {"spend": 2, "revenue": 9, "clicks": 4, "rates": [0.1, 0.2]},
                "allocations": [[{"allocated_amount": 5, "budget_code": "B"}]],
            }
        ],
        "total": 1,
        "cost": None,
    }
    redacted = redact_budget(page)
    assert redacted == {
        "items": [
            {
                "id": "c1",
                "tags": ["a", {"label": "b"}],
                "performance": {"clicks": 4, "rates": [0.1, 0.2]},
                "allocations": [[{"budget_code": "B"}]],
            }
        ],
        "total": 1,
    }
    assert page["items"][0]["total_budget"] == "100.00"  # a copy: the original is untouched
    assert redact_budget("total_budget") == "total_budget"  # a value, not a key
    assert redact_budget([1, "x", None]) == [1, "x", None]
    assert "total_budget" in BUDGET_FIELDS


def test_a_launch_budget_check_and_a_budget_position_are_money() -> None:
    launch = {
        "launch_status": "sending",
        "remaining": 1197,  # messages left: not money
        "parameters": {
            "channels": ["sms"],
            "budget": {"forecast_cost": "2.40", "remaining": "1500.00", "currency_code": "USD"},
        },
    }
    override = {"forecast_cost": "2.40", "remaining": "1500.00", "reason": "Board approved"}
    alert = {
        "alert_kind": "budget",
        "details": {"threshold_percent": 80, "spent": "80.00", "remaining": "20.00"},
    }

    assert redact_budget(launch) == {
        "launch_status": "sending",
        "remaining": 1197,
        "parameters": {"channels": ["sms"]},
    }
    assert redact_budget(override) == {"reason": "Board approved"}
    assert redact_budget(alert) == {"alert_kind": "budget", "details": {"threshold_percent": 80}}
