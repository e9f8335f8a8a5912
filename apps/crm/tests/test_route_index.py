"""Every service app routes through `crm_common.route_index`, and for every path it serves
(each parameter given a value) the index picks the route FastAPI's own scan of all the
app's routes picks; a path no route serves is left to FastAPI."""

import re

import pytest
from starlette.routing import Match

from campaign_api.main import create_app as campaign_api
from crm_common.route_index import RouteIndex, _paths, group_of

SAMPLE_ID = "1d94a049-c3cc-4600-a64e-0bdb30c0eb1a"


def _sample(path: str) -> str:
    path = re.sub(r"\{[^}]+:path\}", "a/b.js", path)
    return re.sub(r"\{[^}]+\}", SAMPLE_ID, path)


def _scope(app, method: str, path: str) -> dict:
    return {
        "type": "http",
        "method": method,
        "path": path,
        "root_path": "",
        "headers": [],
        "query_string": b"",
        "app": app,
    }


def _first_full(routes, scope):
    for route in routes:
        match, _ = route.matches(dict(scope))
        if match == Match.FULL:
            return route
    return None


def test_index_picks_what_the_full_scan_picks(service_app) -> None:
    app = service_app
    index = app.router.middleware_stack
    assert isinstance(index, RouteIndex)
    checked = 0
    for top in app.router.routes:
        for path in _paths(top):
            sample = _sample(path)
            for method in ("GET", "POST", "PATCH", "PUT", "DELETE"):
                scope = _scope(app, method, sample)
                expected = _first_full(app.router.routes, scope)
                assert _first_full(index.candidates(sample), scope) is expected, (method, sample)
                checked += expected is not None
    assert checked >= 3  # every app serves a few routes at least


def test_unserved_paths_have_no_candidates_or_none_that_match() -> None:
    app = campaign_api()
    index = app.router.middleware_stack
    for path in ("/nothing", "/api/nothing/", "/api/campaigns", "/docs/"):
        scope = _scope(app, "GET", path)
        assert _first_full(index.candidates(path), scope) is None
        assert _first_full(app.router.routes, scope) is None


def test_groups_are_the_first_two_segments() -> None:
    assert group_of("/api/campaigns/") == "/api/campaigns"
    assert group_of(f"/api/campaigns/{SAMPLE_ID}/approve/") == "/api/campaigns"
    assert group_of("/healthz") == "/healthz"
    assert group_of("/") == "/"


async def test_a_request_under_a_root_path_is_routed_by_the_path_the_routes_see() -> None:
    app = campaign_api()
    index = app.router.middleware_stack
    served: list[object] = []

    class Seen(Exception):
        """Raised by the route the index picked, in place of serving the request."""

    route = index.candidates("/api/campaigns/")[0]
    original = route.handle

    async def handle(scope, receive, send):  # the route the index picked, not run
        served.append(route)
        raise Seen

    async def full_scan(scope, receive, send):  # FastAPI's router: not needed here
        raise AssertionError("left to the full scan")

    route.handle = handle
    app.router.app = full_scan
    try:
        scope = _scope(app, "GET", "/crm/api/campaigns/") | {"root_path": "/crm"}
        with pytest.raises(Seen):
            await index(scope, None, None)
    finally:
        route.handle = original
        del app.router.app
    assert served == [route]
