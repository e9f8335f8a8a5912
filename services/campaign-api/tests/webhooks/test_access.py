"""Only admins (permission manage_webhooks) reach the webhook endpoints, another company's
subscription is a 404 everywhere, lists show only the caller's company, and every operation
is documented in the OpenAPI document."""

import pytest

from crm_common.security.permissions import RoleName

ID_ROUTES = [
    ("GET", "/api/webhooks/{id}/", None),
    ("PATCH", "/api/webhooks/{id}/", {"name": "Theirs"}),
    ("POST", "/api/webhooks/{id}/rotate-secret/", None),
    ("POST", "/api/webhooks/{id}/enable/", None),
    ("POST", "/api/webhooks/{id}/test/", None),
    ("GET", "/api/webhooks/{id}/deliveries/", None),
    ("DELETE", "/api/webhooks/{id}/", None),
]
PLAIN_ROUTES = [
    ("GET", "/api/webhooks/", None),
    (
        "POST",
        "/api/webhooks/",
        {"name": "x", "url": "https://hooks.example.com/", "event_types": ["campaign.created"]},
    ),
    ("GET", "/api/webhooks/event-types/", None),
    ("GET", "/api/webhooks/allow-list/", None),
    ("PUT", "/api/webhooks/allow-list/", {"entries": ["10.0.0.0/8"]}),
]


@pytest.mark.parametrize("role", [r for r in RoleName if r != RoleName.ADMIN], ids=str)
async def test_only_admins_manage_webhooks(
    client, acme, admin, headers_for, make_webhook, role
) -> None:
    webhook = await make_webhook(admin)
    caller = await headers_for(acme, role.value)

    statuses = set()
    for method, path, body in PLAIN_ROUTES + ID_ROUTES:
        response = await client.request(
            method, path.replace("{id}", webhook["id"]), json=body, headers=caller
        )
        statuses.add((response.status_code, response.json()["error_code"]))

    assert statuses == {(403, "permission_denied")}


async def test_every_route_needs_a_token(client, acme, admin, make_webhook) -> None:
    webhook = await make_webhook(admin)

    statuses = set()
    for method, path, body in PLAIN_ROUTES + ID_ROUTES:
        response = await client.request(method, path.replace("{id}", webhook["id"]), json=body)
        statuses.add(response.status_code)

    assert statuses == {401}


async def test_another_companys_webhook_is_404_everywhere(
    client, acme, globex, admin, headers_for, make_webhook
) -> None:
    theirs = await make_webhook(await headers_for(globex, "admin"))

    statuses = {}
    for method, path, body in ID_ROUTES:
        response = await client.request(
            method, path.replace("{id}", theirs["id"]), json=body, headers=admin
        )
        statuses[f"{method} {path}"] = (response.status_code, response.json()["error_code"])

    assert statuses == dict.fromkeys(statuses, (404, "webhook_not_found"))


async def test_lists_and_allow_lists_stay_within_the_company(
    client, acme, globex, admin, headers_for, make_webhook
) -> None:
    their_admin = await headers_for(globex, "admin")
    await make_webhook(their_admin)
    await client.put(
        "/api/webhooks/allow-list/", json={"entries": ["10.0.0.0/8"]}, headers=their_admin
    )
    mine = await make_webhook(admin)

    listed = (await client.get("/api/webhooks/", headers=admin)).json()
    allow = (await client.get("/api/webhooks/allow-list/", headers=admin)).json()

    assert [item["id"] for item in listed["items"]] == [mine["id"]]
    assert listed["total"] == 1
    assert allow["entries"] == []


async def test_every_webhook_operation_is_documented(client) -> None:
    spec = (await client.get("/openapi.json")).json()
    problems = []
    operations = 0
    for path, methods in spec["paths"].items():
        if not path.startswith("/api/webhooks"):
            continue
        for method, operation in methods.items():
            operations += 1
            where = f"{method.upper()} {path}"
            if not operation.get("summary") or not operation.get("description"):
                problems.append(f"{where}: summary/description")
            if operation.get("tags") != ["webhooks"]:
                problems.append(f"{where}: tags")
            for code in ("401", "403", "422"):
                if code not in operation["responses"]:
                    problems.append(f"{where}: {code}")
            if "{" in path and "404" not in operation["responses"]:
                problems.append(f"{where}: 404")
    assert operations == 12
    assert problems == []
