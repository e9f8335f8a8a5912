"""The API documentation pages (Swagger UI at /docs, ReDoc at /redoc) with their scripts and
styles served by us from a packaged copy, so the pages load no URL outside the product."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse

from crm_common.errors import NotFound

DOCS_PATH = "/docs"
REDOC_PATH = "/redoc"
ASSETS_PATH = "/docs/assets"
SWAGGER_JS = "swagger-ui-bundle.js"
SWAGGER_CSS = "swagger-ui.css"
REDOC_JS = "redoc.standalone.js"
FAVICON = "favicon.png"
ASSET_TYPES = {
    SWAGGER_JS: "text/javascript",
    SWAGGER_CSS: "text/css",
    REDOC_JS: "text/javascript",
    FAVICON: "image/png",
}


def asset_files() -> dict[str, Path]:
    """The docs pages' assets by name, from the installed `fastapi_offline` package."""
    static = Path(str(files("fastapi_offline") / "static"))
    return {name: static / name for name in ASSET_TYPES}


def swagger_page(openapi_url: str, title: str) -> str:
    """Swagger UI for the document at `openapi_url`, assets under ASSETS_PATH."""
    return bytes(
        get_swagger_ui_html(
            openapi_url=openapi_url,
            title=title,
            swagger_js_url=f"{ASSETS_PATH}/{SWAGGER_JS}",
            swagger_css_url=f"{ASSETS_PATH}/{SWAGGER_CSS}",
            swagger_favicon_url=f"{ASSETS_PATH}/{FAVICON}",
            # The default validator badge asks an outside service about the document.
            swagger_ui_parameters={"validatorUrl": None, "persistAuthorization": True},
        ).body
    ).decode()


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
    async def asset(name: str) -> FileResponse:
        path = assets.get(name)
        if path is None:
            raise DocsAssetNotFound("No such documentation asset.")
        return FileResponse(
            path,
            media_type=ASSET_TYPES[name],
            headers={"cache-control": "public, max-age=86400"},
        )

    return router
