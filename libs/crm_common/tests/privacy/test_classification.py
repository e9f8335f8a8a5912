"""Data classification: every column of every model is classified in one registry, which
masking reads."""

from __future__ import annotations

import pytest

from crm_common.masking import PII_DROPPED, PII_FIELDS, mask_contact, mask_proof
from crm_common.models import Base
from crm_common.privacy.classification import (
    INTERNAL,
    PII,
    PUBLIC,
    REGISTRY,
    SENSITIVE,
    UnclassifiedColumn,
    classify,
    columns_of,
)


def test_every_model_column_is_classified() -> None:
    missing = [
        f"{table.name}.{column.name}"
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if column.name not in REGISTRY.get(table.name, {})
    ]
    assert missing == [], "classify these in crm_common/privacy/classification.py"


def test_classify_answers_one_column_and_refuses_unknown_ones() -> None:
    assert classify("crm_contacts", "email") == PII
    assert classify("crm_users", "password_hash") == SENSITIVE
    assert classify("crm_roles", "name") == PUBLIC
    assert classify("crm_campaigns", "campaign_name") == INTERNAL
    with pytest.raises(UnclassifiedColumn):
        classify("crm_contacts", "shoe_size")


def test_columns_of_a_level_and_above() -> None:
    assert "proof" in columns_of("crm_consent_ledger", PII)
    assert set(columns_of("crm_users", PII, at_least=True)) == {
        "email",
        "full_name",
        "password_hash",
        "mfa_secret",
    }
    assert columns_of("crm_no_such_table", PII) == ()


def test_masking_covers_exactly_the_personal_columns_of_contacts() -> None:
    assert set(PII_FIELDS) | set(PII_DROPPED) == set(columns_of("crm_contacts", PII, at_least=True))
    contact = {
        "email": "jane.doe@example.com",
        "phone": "+15551234567",
        "first_name": "Jane",
        "last_name": "Doe",
        "birth_date": "1990-01-01",
        "postal_code": "10115",
        "latitude": 52.5,
        "longitude": 13.4,
        "country": "DE",
    }
    masked = mask_contact(contact)
    assert masked["email"] == "j***@e***.com"
    assert masked["phone"] == "***67"
    assert (masked["first_name"], masked["last_name"]) == ("J.", "D.")
    assert masked["birth_date"] is masked["postal_code"] is masked["latitude"] is None
    assert masked["country"] == "DE"  # internal: not masked


def test_masking_a_consent_proof_hides_the_ip_and_user_agent() -> None:
    proof = {"ip": "203.0.113.9", "user_agent": "Mail/1.0", "form_id": "signup"}
    assert mask_proof(proof) == {"ip": "***", "user_agent": "***", "form_id": "signup"}
