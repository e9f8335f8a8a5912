"""A service on its own serves /docs and /redoc over its own document, with packaged assets."""

import re

import pytest

from crm_common.app import create_service_app
from crm_common.testing.client import app_client

EXTERNAL_URL = re.compile(r"""(?:https?:)?//[^\s"'<>]+""")


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
async def test_a_service_docs_page_uses_local_assets(clean, settings, page: str) -> None:
    app = create_service_app("docs-probe", title="Probe", settings=settings, resources=clean)
    async with app_client(app) as client:
        response = await client.get(page)
        references = re.findall(r"""(?:src|href)=["']([^"']+)["']""", response.text)
        assets = [await client.get(reference) for reference in references]
    assert response.status_code == 200
    assert EXTERNAL_URL.findall(response.text) == []
    assert "/openapi.json" in response.text
    assert references
    assert all(asset.status_code == 200 for asset in assets)
    assert {asset.headers["content-type"].split(";")[0] for asset in assets} <= {
        "text/javascript",
        "text/css",
        "image/png",
    }


async def test_the_docs_pages_are_not_operations_of_the_document(clean, settings) -> None:
    app = create_service_app("docs-probe", title="Probe", settings=settings, resources=clean)
    paths = app.openapi()["paths"]
    assert not any(path.startswith(("/docs", "/redoc")) for path in paths)
