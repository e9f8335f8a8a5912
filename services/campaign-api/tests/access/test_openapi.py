"""The OpenAPI document of the campaign routes is complete: a summary and description, a
resource tag, a success schema with an example, every error in the error format with an
example, and an example request body."""

from typing import Any

PREFIXES = (
    "/api/campaigns",
    "/api/campaign-segments",
    "/api/campaign-templates",
    "/api/campaign-budgets",
)


def _schema(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        return spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    if "anyOf" in schema:
        return next(_schema(spec, s) for s in schema["anyOf"] if s.get("type") != "null")
    return schema


async def test_every_campaign_operation_is_documented(client) -> None:
    spec = (await client.get("/openapi.json")).json()
    tags = {tag["name"] for tag in spec["tags"]}
    problems: list[str] = []
    operations = 0
    for path, methods in spec["paths"].items():
        if not path.startswith(PREFIXES):
            continue
        for method, operation in methods.items():
            operations += 1
            where = f"{method.upper()} {path}"
            if not operation.get("summary") or not operation.get("description"):
                problems.append(f"{where}: summary/description")
            if not operation.get("tags") or not set(operation["tags"]) <= tags:
                problems.append(f"{where}: tags")
            responses = operation["responses"]
            success = [code for code in responses if code.startswith("2")]
            if len(success) != 1:
                problems.append(f"{where}: one success response")
            for code in success:
                if code == "204":
                    continue
                schema = _schema(spec, responses[code]["content"]["application/json"]["schema"])
                if not schema.get("examples"):
                    problems.append(f"{where}: success example")
            for code in ("401", "403", "422"):
                if code not in responses:
                    problems.append(f"{where}: {code}")
            if "{" in path and "404" not in responses:
                problems.append(f"{where}: 404")
            for code, response in responses.items():
                if code[0] in "45":
                    content = response["content"]["application/json"]
                    if not (content.get("example") or content.get("examples")):
                        problems.append(f"{where}: {code} example")
                    if _schema(spec, content["schema"]).get("title") != "ErrorBody":
                        problems.append(f"{where}: {code} error format")
            body = operation.get("requestBody")
            if body is not None:
                schema = _schema(spec, body["content"]["application/json"]["schema"])
                if not schema.get("examples"):
                    problems.append(f"{where}: request example")

    assert operations >= 44
    assert problems == []
