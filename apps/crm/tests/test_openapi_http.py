"""The product's OpenAPI document states what the HTTP layer really does: every rate-limited
operation documents its 429 with Retry-After, and every versioned write documents If-Match (an
ETag pattern) and its 412."""

import re

import pytest

from crm_cli.gateway import SERVICE_FACTORIES
from crm_cli.openapi import merge_documents
from crm_common.settings import Settings

OPERATIONS = {"get", "put", "post", "delete", "patch"}
UNLIMITED = {"/healthz", "/readyz", "/metrics"}


@pytest.fixture(scope="module")
def document() -> dict:
    settings = Settings(env="dev")
    return merge_documents(
        {name: factory(settings).openapi() for name, factory in SERVICE_FACTORIES.items()}
    )


def _operations(document: dict):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in OPERATIONS:
                yield path, method, operation


def test_openapi_documents_429(document) -> None:
    limited = [(p, m, op) for p, m, op in _operations(document) if p not in UNLIMITED]
    assert len(limited) > 50
    for path, method, operation in limited:
        response = operation["responses"].get("429")
        assert response is not None, f"{method.upper()} {path} does not document 429"
        if "headers" in response:
            assert "Retry-After" in response["headers"]
    assert "ErrorBody" in document["components"]["schemas"]


def test_openapi_documents_500_everywhere_and_413_415_with_a_body(document) -> None:
    operations = list(_operations(document))
    with_body = [(p, m, op) for p, m, op in operations if "requestBody" in op]
    assert len(with_body) > 30
    for path, method, operation in operations:
        assert "500" in operation["responses"], f"{method.upper()} {path} lacks its 500"
    for path, method, operation in with_body:
        for status in ("413", "415"):
            response = operation["responses"].get(status)
            assert response is not None, f"{method.upper()} {path} lacks its {status}"
            schema = response["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/ErrorBody"}


def test_openapi_documents_412_and_if_match(document) -> None:
    versioned = []
    for path, method, operation in _operations(document):
        headers = {p["name"]: p for p in operation.get("parameters", []) if p["in"] == "header"}
        if "If-Match" not in headers:
            continue
        versioned.append((method, path))
        assert "412" in operation["responses"], f"{method.upper()} {path} lacks its 412"
        schema = headers["If-Match"]["schema"]
        pattern = next(
            (s["pattern"] for s in schema.get("anyOf", [schema]) if "pattern" in s), None
        )
        assert pattern is not None, f"{method.upper()} {path}: If-Match has no pattern"
        assert re.match(pattern, '"3"')
        assert re.match(pattern, "*")
        assert not re.match(pattern, "null")
    assert ("patch", "/api/campaigns/{campaign_id}/") in versioned
    assert ("delete", "/api/campaigns/{campaign_id}/") in versioned
    assert ("post", "/api/campaigns/{campaign_id}/approve/") in versioned
