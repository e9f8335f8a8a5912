"""Which rules compare personal data (crm_common.segments.pii), and how stored trees are
masked for readers without view_pii."""

from __future__ import annotations

import pytest

from crm_common.segments import mask_pii_rules, parse_criteria
from crm_common.segments.pii import has_pii_rules, pii_key, pii_paths


@pytest.mark.parametrize(
    ("key", "personal"),
    [
        ("email", True),
        ("Work-Email", True),
        ("mobile_phone", True),
        ("mobile", True),
        ("Full_Name", True),
        ("ip_address", True),
        ("home_address", True),
        ("address_line1", True),
        ("is_mobile", False),
        ("product_name", False),
        ("amount", False),
        ("tier", False),
    ],
)
def test_attribute_and_property_keys_naming_personal_data(key: str, personal: bool) -> None:
    assert pii_key(key) is personal


def test_paths_of_pii_conditions_anywhere_in_the_trees() -> None:
    body = {
        "demographic_criteria": {
            "all": [
                {"field": "email", "op": "is_set"},
                {"not": {"any": [{"field": "birth_date", "op": "lt", "value": "2000-01-01"}]}},
                {"field": "age", "op": "gt", "value": 20},
            ]
        },
        "behavioral_criteria": {
            "event": "purchase",
            "where": [
                {"field": "amount", "op": "gt", "value": 5},
                {"field": "billing_email", "op": "contains", "value": "@x"},
            ],
        },
    }
    assert pii_paths(parse_criteria(body)) == [
        "demographic_criteria.all[1].not.any[0]",
        "behavioral_criteria.where[1]",
    ]


def test_stored_trees_are_masked_only_where_they_compare_personal_data() -> None:
    tree = {
        "all": [
            {"field": "email", "op": "starts_with", "value": "ann"},
            {"field": "email", "op": "is_set"},
            {"field": "city", "op": "eq", "value": "Berlin"},
            {"event": "visit", "where": [{"field": "ip", "op": "eq", "value": "10.0.0.1"}]},
        ]
    }
    assert mask_pii_rules(tree) == {
        "all": [
            {"field": "email", "op": "starts_with", "value": "***"},
            {"field": "email", "op": "is_set"},
            {"field": "city", "op": "eq", "value": "Berlin"},
            {"event": "visit", "where": [{"field": "ip", "op": "eq", "value": "***"}]},
        ]
    }
    assert tree["all"][0]["value"] == "ann"  # a copy
    assert has_pii_rules(tree)
    assert not has_pii_rules({"field": "city", "op": "eq", "value": "Berlin"})
    assert not has_pii_rules({})
