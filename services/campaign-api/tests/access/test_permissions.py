"""The permission matrix: every role and every campaign-API endpoint → the expected status
(the endpoint's success status when the role grants every permission it needs, else 403)."""

import pytest

from crm_common.security.permissions import RoleName, permissions_for


@pytest.mark.parametrize("role", list(RoleName), ids=[r.value for r in RoleName])
async def test_every_role_on_every_endpoint(
    client, home, world_for, headers_for, endpoints, role
) -> None:
    world = await world_for(home)
    granted = {p.value for p in permissions_for([role.value])}
    caller = await headers_for(home, role.value)

    expected, actual = {}, {}
    for endpoint in endpoints:
        call = await endpoint.build(world)
        response = await client.request(
            call.method, call.path, json=call.body, headers={**caller, **call.headers}
        )
        expected[endpoint.name] = endpoint.success if endpoint.permissions <= granted else 403
        actual[endpoint.name] = response.status_code
        if response.status_code == 403:
            assert response.json()["error_code"] == "permission_denied"

    assert actual == expected


async def test_every_endpoint_needs_a_token(client, home, world_for, endpoints) -> None:
    world = await world_for(home)

    statuses = {}
    for endpoint in endpoints:
        call = await endpoint.build(world)
        response = await client.request(
            call.method, call.path, json=call.body, headers=call.headers
        )
        statuses[endpoint.name] = (response.status_code, response.json()["error_code"])

    assert statuses == {e.name: (401, "not_authenticated") for e in endpoints}


async def test_the_catalogue_covers_every_campaign_route(client, endpoints) -> None:
    spec = (await client.get("/openapi.json")).json()
    routes = {
        f"{method.upper()} {path}"
        for path, operations in spec["paths"].items()
        if path.startswith(("/api/campaign", "/api/campaigns"))
        for method in operations
    }
    covered = {
        e.name.replace("{id}", "{x}")
        .replace("{user_id}", "{x}")
        .replace("{budget_id}", "{x}")
        .replace("{template_id}", "{x}")
        for e in endpoints
    }
    normalised = {
        r.replace("{campaign_id}", "{x}")
        .replace("{segment_id}", "{x}")
        .replace("{template_id}", "{x}")
        .replace("{budget_id}", "{x}")
        .replace("{user_id}", "{x}")
        for r in routes
    }

    assert normalised <= covered
