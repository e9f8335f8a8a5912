"""One OpenAPI document for the whole product, merged from every service's own document.

The gateway serves it at /openapi.json (with /docs and /redoc over it) and `crm openapi`
writes it out, for the nginx gateway of the distributed mode and for the SPA's typed client.
Two services may share a schema or an operation only when both define it identically; a
name used for two different things is a `MergeConflict`, never a silent overwrite.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from crm_common import apidocs

TITLE = "Campaign Creation API"
VERSION = "1.0.0"
DESCRIPTION = """\
Every HTTP operation of the Campaign Creation product, whichever service answers it: the
gateway routes `/api/segments`, `/api/contacts`, `/api/contact-events`, `/api/suppressions` and
`/t/` to the segment engine, `/hooks/` to the launch worker, `/ws` to the notify gateway and
every other `/api/` path to the campaign API.

**Signing in.** `POST /api/auth/token` with the form fields `username` and `password` answers
an access token; send it as `Authorization: Bearer <token>` (the *Authorize* button here does
that for you). `POST /api/auth/refresh` rotates the refresh token.

**Errors.** Every non-2xx JSON body is `{"error_code", "message", "details"}`: 401 without a valid
token, 403 without the permission, 404 for an object of another company, 409 for conflicts,
422 for invalid input with per-field details, 429 with `Retry-After` past a rate limit.

**Lists** answer `{"items", "total", "page", "page_size", "filters"}` (`page` from 1,
`page_size` up to 200). **Datetimes** are ISO 8601 in UTC.

**Live events.** `/ws` is a WebSocket (not listed below): send
`{"type": "auth", "token": "<access token or ticket from POST /api/ws-ticket/>"}` first, then
optionally `{"type": "subscribe", "campaign_ids": [...], "event_types": [...]}`; events arrive as
`{"type": "event", "event": {...}}`.
"""

AREAS = {
    "campaign-api": "Campaigns",
    "segment-engine": "Audience",
    "launch-worker": "Delivery",
    "notify-gateway": "Operations",
}
"""The group each service's tags appear under in the documentation's navigation."""
OPERATIONS_TAGS = ("health",)
"""Tags every service shares; they are grouped under "Operations" whoever defines them."""
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


class MergeConflict(Exception):
    """Two services define the same name differently in their OpenAPI documents."""


def _same(a: Any, b: Any) -> bool:
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def merge_documents(documents: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Merge OpenAPI 3.1 documents keyed by service name into one, in the given order."""
    paths: dict[str, dict[str, Any]] = {}
    components: dict[str, dict[str, Any]] = {}
    owners: dict[tuple[str, ...], str] = {}
    tag_objects: dict[str, dict[str, Any]] = {}
    groups: dict[str, list[str]] = {area: [] for area in dict.fromkeys(AREAS.values())}

    def claim(key: tuple[str, ...], value: Any, target: dict[str, Any], service: str) -> None:
        name = key[-1]
        if name in target and not _same(target[name], value):
            where = " ".join(key)
            raise MergeConflict(f"{where}: {owners[key]} and {service} define it differently")
        target.setdefault(name, value)
        owners.setdefault(key, service)

    for service, document in documents.items():
        area = AREAS.get(service, service)
        for path, item in document.get("paths", {}).items():
            merged_item = paths.setdefault(path, {})
            for method, operation in item.items():
                claim(("path", path, method), operation, merged_item, service)
                if method not in HTTP_METHODS:
                    continue
                for tag in operation.get("tags", []):
                    tag_objects.setdefault(tag, {"name": tag})
                    group = AREAS["notify-gateway"] if tag in OPERATIONS_TAGS else area
                    if not any(tag in members for members in groups.values()):
                        groups.setdefault(group, []).append(tag)
        for section, entries in document.get("components", {}).items():
            target = components.setdefault(section, {})
            for name, value in entries.items():
                claim(("components", section, name), value, target, service)
        for tag in document.get("tags", []):
            known = tag_objects.setdefault(tag["name"], {"name": tag["name"]})
            if "description" in tag and "description" not in known:
                known["description"] = tag["description"]

    _check_operation_ids(paths)
    return {
        "openapi": "3.1.0",
        "info": {"title": TITLE, "version": VERSION, "description": DESCRIPTION},
        "paths": dict(sorted(paths.items())),
        "components": {section: dict(sorted(v.items())) for section, v in components.items()},
        "tags": [tag_objects[name] for members in groups.values() for name in members],
        "x-tagGroups": [
            {"name": area, "tags": members} for area, members in groups.items() if members
        ],
    }


def _check_operation_ids(paths: Mapping[str, Mapping[str, Any]]) -> None:
    """Generated clients name their functions by operationId: two operations, two names."""
    seen: dict[str, str] = {}
    for path, item in paths.items():
        for method, operation in item.items():
            operation_id = operation.get("operationId") if isinstance(operation, dict) else None
            if operation_id is None:
                continue
            where = f"{method.upper()} {path}"
            if operation_id in seen:
                raise MergeConflict(
                    f"operationId {operation_id}: used by {seen[operation_id]} and {where}"
                )
            seen[operation_id] = where


def merged_document(apps: Mapping[str, FastAPI]) -> dict[str, Any]:
    """The product's document from the service apps (keyed by service name)."""
    return merge_documents({name: app.openapi() for name, app in apps.items()})


def write_site(document: Mapping[str, Any], directory: Path) -> list[Path]:
    """Write the document and its documentation pages as static files under `directory`:
    openapi.json, docs/index.html, redoc/index.html and docs/assets/*, laid out so a web
    server serving `directory` at / answers the same URLs as the all-in-one gateway."""
    openapi_url = "/openapi.json"
    title = str(document["info"]["title"])
    pages = {
        directory / "openapi.json": json.dumps(document, indent=2, ensure_ascii=False) + "\n",
        directory / "docs" / "index.html": apidocs.swagger_page(openapi_url, title),
        directory / "redoc" / "index.html": apidocs.redoc_page(openapi_url, f"{title} — reference"),
    }
    written: list[Path] = []
    for path, text in pages.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    assets = directory / apidocs.ASSETS_PATH.lstrip("/")
    assets.mkdir(parents=True, exist_ok=True)
    for name, content in apidocs.asset_bytes().items():
        target = assets / name
        target.write_bytes(content)
        written.append(target)
    return written
