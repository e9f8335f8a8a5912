"""The API documentation pages (Swagger UI at /docs, ReDoc at /redoc) with their scripts and
styles served by us from a packaged copy, so the pages load no URL outside the product. The
pages hold no inline script (Swagger UI starts from `swagger-init.js`, reading the document's
URL from its own tag), so they work under the product's Content-Security-Policy."""

from __future__ import annotations

from html import escape
from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter
from fastapi.openapi.docs import get_redoc_html
from fastapi.responses import FileResponse, HTMLResponse, Response

from crm_common.errors import NotFound

DOCS_PATH = "/docs"
REDOC_PATH = "/redoc"
ASSETS_PATH = "/docs/assets"
SWAGGER_JS = "swagger-ui-bundle.js"
SWAGGER_CSS = "swagger-ui.css"
REDOC_JS = "redoc.standalone.js"
FAVICON = "favicon.png"
SWAGGER_INIT = "swagger-init.js"
ASSET_TYPES = {
    SWAGGER_JS: "text/javascript",
    SWAGGER_CSS: "text/css",
    REDOC_JS: "text/javascript",
    FAVICON: "image/png",
    SWAGGER_INIT: "text/javascript",
}
# The default validator badge asks an outside service about the document: validatorUrl null.
SWAGGER_INIT_JS = """\
"use strict";
(function () {
  var tag = document.currentScript;
  window.ui = SwaggerUIBundle({
    url: tag.getAttribute("data-openapi-url"),
    dom_id: "#swagger-ui",
    layout: "BaseLayout",
    deepLinking: true,
    showExtensions: true,
    showCommonExtensions: true,
    validatorUrl: null,
    persistAuthorization: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
  });
})();
"""
GENERATED_ASSETS = {SWAGGER_INIT: SWAGGER_INIT_JS.encode()}


def asset_files() -> dict[str, Path]:
    """The docs pages' packaged assets by name, from the installed `fastapi_offline` package."""
    static = Path(str(files("fastapi_offline") / "static"))
    return {name: static / name for name in ASSET_TYPES if name not in GENERATED_ASSETS}


def asset_bytes() -> dict[str, bytes]:
    """Every asset of the docs pages by name: the packaged ones and the Swagger UI starter."""
    return {
        **{name: path.read_bytes() for name, path in asset_files().items()},
        **GENERATED_ASSETS,
    }


def swagger_page(openapi_url: str, title: str) -> str:
    """Swagger UI for the document at `openapi_url`, assets under ASSETS_PATH."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link type="text/css" rel="stylesheet" href="{ASSETS_PATH}/{SWAGGER_CSS}">
<link rel="icon" href="{ASSETS_PATH}/{FAVICON}">
<title>{escape(title)}</title>
</head>
<body>
<div id="swagger-ui"></div>
<script src="{ASSETS_PATH}/{SWAGGER_JS}"></script>
<script src="{ASSETS_PATH}/{SWAGGER_INIT}" data-openapi-url="{escape(openapi_url)}"></script>
</body>
</html>
"""


def redoc_page(openapi_url: str, title: str) -> str:
    """ReDoc for the document at `openapi_url`, assets under ASSETS_PATH, no web fonts."""
    return bytes(
        get_redoc_html(
            openapi_url=openapi_url,
            title=title,
            redoc_js_url=f"{ASSETS_PATH}/{REDOC_JS}",
            redoc_favicon_url=f"{ASSETS_PATH}/{FAVICON}",
            with_google_fonts=False,
        ).body
    ).decode()


class DocsAssetNotFound(NotFound):
    error_code = "docs_asset_not_found"


def docs_router(openapi_url: str, title: str) -> APIRouter:
    """GET /docs, /redoc and their assets, left out of the document itself."""
    router = APIRouter(include_in_schema=False)
    assets = asset_files()

    @router.get(DOCS_PATH)
    async def swagger_ui() -> HTMLResponse:
        return HTMLResponse(swagger_page(openapi_url, title))

    @router.get(REDOC_PATH)
    async def redoc() -> HTMLResponse:
        return HTMLResponse(redoc_page(openapi_url, f"{title} — reference"))

    @router.get(ASSETS_PATH + "/{name}")
    async def asset(name: str) -> Response:
        caching = {"cache-control": "public, max-age=86400"}
        generated = GENERATED_ASSETS.get(name)
        if generated is not None:
            return Response(generated, media_type=ASSET_TYPES[name], headers=caching)
        path = assets.get(name)
        if path is None:
            raise DocsAssetNotFound("No such documentation asset.")
        return FileResponse(path, media_type=ASSET_TYPES[name], headers=caching)

    return router
