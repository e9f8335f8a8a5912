"""One API document for the whole product: every service's operations, valid OpenAPI 3.1,
clashes refused, served with documentation pages that load nothing from outside."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from httpx import ASGITransport, AsyncClient
from openapi_spec_validator import OpenAPIV31SpecValidator

from crm_cli.gateway import SERVICE_FACTORIES, Gateway, build_apps
from crm_cli.openapi import MergeConflict, merge_documents, merged_document
from crm_common import apidocs
from crm_common.settings import Settings

HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
EXTERNAL_URL = re.compile(r"""(?:https?:)?//[^\s"'<>]+""")


def _operations(document: dict) -> dict[tuple[str, str], dict]:
    return {
        (path, method): operation
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in HTTP_METHODS
    }


@pytest.fixture(scope="module")
def service_documents() -> dict[str, dict]:
    settings = Settings(env="dev")
    return {name: factory(settings).openapi() for name, factory in SERVICE_FACTORIES.items()}


@pytest.fixture(scope="module")
def document(service_documents: dict[str, dict]) -> dict:
    return merge_documents(service_documents)


def test_every_service_operation_is_in_the_merged_document(service_documents, document) -> None:
    merged = _operations(document)
    for service, own in service_documents.items():
        operations = _operations(own)
        assert operations, f"{service} documents no operation"
        for key, operation in operations.items():
            assert merged.get(key) == operation, f"{service}: {key} missing or changed"
    assert len(merged) == len(set().union(*(_operations(d) for d in service_documents.values())))


def test_the_merged_document_covers_every_area(document) -> None:
    paths = set(document["paths"])
    for expected in (
        "/api/auth/token",
        "/api/campaigns/",
        "/api/segments/estimate/",
        "/api/contacts/",
        "/api/suppressions/",
        "/t/c/{token}",
        "/hooks/sendgrid/events",
        "/readyz",
    ):
        assert expected in paths
    groups = {group["name"] for group in document["x-tagGroups"]}
    assert {"Campaigns", "Audience", "Delivery", "Operations"} <= groups
    tagged = {tag for group in document["x-tagGroups"] for tag in group["tags"]}
    used = {tag for op in _operations(document).values() for tag in op.get("tags", [])}
    assert used <= tagged
    assert document["info"]["title"] == "Campaign Creation API"


def test_the_merged_document_is_valid_openapi_3_1(document) -> None:
    assert document["openapi"].startswith("3.1")
    OpenAPIV31SpecValidator(document).validate()


def test_operation_ids_are_unique(document) -> None:
    ids = [op["operationId"] for op in _operations(document).values() if "operationId" in op]
    assert len(ids) == len(set(ids))


def _doc(schemas: dict, paths: dict | None = None) -> dict:
    return {"openapi": "3.1.0", "paths": paths or {}, "components": {"schemas": schemas}}


def test_identical_schemas_are_shared() -> None:
    shape = {"type": "object", "properties": {"id": {"type": "string"}}}
    merged = merge_documents({"a": _doc({"Thing": shape}), "b": _doc({"Thing": dict(shape)})})
    assert merged["components"]["schemas"] == {"Thing": shape}


def test_a_schema_name_with_two_meanings_is_refused() -> None:
    first = {"type": "object", "properties": {"id": {"type": "string"}}}
    second = {"type": "object", "properties": {"id": {"type": "integer"}}}
    with pytest.raises(MergeConflict, match="Thing"):
        merge_documents({"a": _doc({"Thing": first}), "b": _doc({"Thing": second})})


def test_one_path_and_method_in_two_services_is_refused() -> None:
    one = {"/x": {"get": {"operationId": "x_a", "responses": {}}}}
    two = {"/x": {"get": {"operationId": "x_b", "responses": {}}}}
    with pytest.raises(MergeConflict, match="/x"):
        merge_documents({"a": _doc({}, one), "b": _doc({}, two)})


def test_one_operation_id_for_two_operations_is_refused() -> None:
    one = {"/x": {"get": {"operationId": "same", "responses": {}}}}
    two = {"/y": {"get": {"operationId": "same", "responses": {}}}}
    with pytest.raises(MergeConflict, match="same"):
        merge_documents({"a": _doc({}, one), "b": _doc({}, two)})


@pytest.fixture
async def gateway_client(clean):
    gateway = Gateway(clean, build_apps(clean), spa_dir=None, owns_resources=False)
    async with (
        gateway.lifespan(),
        AsyncClient(transport=ASGITransport(app=gateway), base_url="http://testserver") as client,
    ):
        yield gateway, client


async def test_the_gateway_serves_the_merged_document(gateway_client) -> None:
    gateway, client = gateway_client
    response = await client.get("/openapi.json")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == json.loads(json.dumps(merged_document(gateway.apps.named())))
    assert "/api/contacts/" in response.json()["paths"]


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
async def test_docs_pages_load_nothing_from_outside(gateway_client, page: str) -> None:
    _, client = gateway_client
    response = await client.get(page)
    assert response.status_code == 200
    html = response.text
    assert EXTERNAL_URL.findall(html) == []
    assert "/openapi.json" in html
    references = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html)
    assert any(ref.endswith(".js") for ref in references)
    for reference in references:
        asset = await client.get(reference)
        assert asset.status_code == 200, reference
        # Packaged assets are real files; the Swagger UI starter is a few lines of our own.
        if not reference.endswith(apidocs.SWAGGER_INIT):
            assert len(asset.content) > 1000, reference


async def test_an_unknown_docs_asset_is_a_404_in_the_error_format(gateway_client) -> None:
    _, client = gateway_client
    response = await client.get("/docs/assets/../../etc/passwd")
    missing = await client.get("/docs/assets/nothing.js")
    assert response.status_code == 404
    assert missing.status_code == 404
    assert missing.json()["error_code"] == "docs_asset_not_found"


def _crm(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "CRM_ENV")
    }
    return subprocess.run(
        [sys.executable, "-m", "crm_cli.main", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_crm_openapi_writes_the_document_without_a_database(tmp_path: Path) -> None:
    result = _crm("openapi", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    OpenAPIV31SpecValidator(document).validate()
    assert "/api/segments/estimate/" in document["paths"]
    assert not any(path.startswith("/dev/") for path in document["paths"])


def test_crm_openapi_site_holds_the_pages_and_their_assets(tmp_path: Path) -> None:
    result = _crm("openapi", "--site", str(tmp_path / "site"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    document = json.loads((site / "openapi.json").read_text())
    assert document["info"]["title"] == "Campaign Creation API"
    for page in ("docs/index.html", "redoc/index.html"):
        html = (site / page).read_text()
        assert EXTERNAL_URL.findall(html) == []
        for reference in re.findall(r"""(?:src|href)=["']([^"']+)["']""", html):
            assert (site / reference.lstrip("/")).is_file(), reference
