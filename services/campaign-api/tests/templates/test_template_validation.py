"""Templates whose message text does not compile are refused on save, naming field, line and
column."""

TEMPLATE = {
    "template_name": "Newsletter",
    "template_code": "NEWS",
    "template_type": "email",
    "content_template": "<h1>Hello</h1>\n<p>Hi {{ first_name | default('there') }}</p>",
    "default_settings": {"subject": "News for {{ first_name | default('you') }}"},
}


async def test_a_template_that_does_not_parse_is_refused_on_create(client, admin) -> None:
    body = {**TEMPLATE, "content_template": "<h1>Hello</h1>\n<p>Hi {{ first_name </p>"}
    response = await client.post("/api/campaign-templates/", json=body, headers=admin)

    assert response.status_code == 422
    error = response.json()
    assert error["error_code"] == "template_invalid"
    [problem] = error["details"]["errors"]
    assert (problem["field"], problem["line"]) == ("content_template", 2)
    assert problem["column"] >= 1
    assert error["details"]["fields"]["content_template"][0].startswith("line 2, column ")
    listed = await client.get("/api/campaign-templates/", headers=admin)
    assert listed.json()["total"] == 0


async def test_sandbox_escapes_are_refused_on_save(client, admin) -> None:
    for content in ("{{ ''.__class__.__mro__ }}", "{% include 'x' %}", "{{ x | safe }}"):
        body = {**TEMPLATE, "content_template": content}
        response = await client.post("/api/campaign-templates/", json=body, headers=admin)
        assert response.status_code == 422, content
        assert response.json()["details"]["errors"][0]["field"] == "content_template"


async def test_the_subject_in_default_settings_is_checked_too(client, admin) -> None:
    body = {**TEMPLATE, "default_settings": {"subject": "Hi {% if %}"}}
    response = await client.post("/api/campaign-templates/", json=body, headers=admin)

    assert response.status_code == 422
    [problem] = response.json()["details"]["errors"]
    assert (problem["field"], problem["line"], problem["column"]) == (
        "default_settings.subject",
        1,
        10,
    )


async def test_patch_and_put_are_checked_and_a_valid_template_is_kept(client, admin) -> None:
    created = await client.post("/api/campaign-templates/", json=TEMPLATE, headers=admin)
    assert created.status_code == 201, created.text
    path = f"/api/campaign-templates/{created.json()['id']}/"

    patched = await client.patch(
        path, json={"content_template": "ok\n\n{% for x in interests %}"}, headers=admin
    )
    replaced = await client.put(
        path, json={**TEMPLATE, "content_template": "{{ a.__globals__ }}"}, headers=admin
    )
    fetched = await client.get(path, headers=admin)

    assert patched.status_code == 422
    assert patched.json()["details"]["errors"][0]["line"] == 3
    assert replaced.status_code == 422
    assert fetched.json()["content_template"] == TEMPLATE["content_template"]
