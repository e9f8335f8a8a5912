"""Request metadata travels in a context variable set by the request-context middleware, so
service code records where a change came from without passing it along."""

from fastapi import APIRouter

from crm_common.app import create_service_app
from crm_common.audit import RequestMeta, current_request_meta
from crm_common.testing.client import app_client


def _app(settings, resources):
    router = APIRouter()

    @router.get("/api/meta")
    async def meta() -> dict:
        seen = current_request_meta()
        return {
            "request_id": seen.request_id,
            "client_ip": seen.client_ip,
            "user_agent": seen.user_agent,
        }

    return create_service_app(
        "meta-probe", title="probe", routers=[router], settings=settings, resources=resources
    )


async def test_a_request_sees_its_own_id_address_and_agent(settings, resources) -> None:
    async with app_client(_app(settings, resources)) as client:
        first = await client.get(
            "/api/meta", headers={"X-Request-ID": "req-1", "User-Agent": "probe/1"}
        )
        second = await client.get("/api/meta", headers={"User-Agent": "x" * 300})

    assert first.json() == {
        "request_id": "req-1",
        "client_ip": "127.0.0.1",
        "user_agent": "probe/1",
    }
    assert second.json()["request_id"] == second.headers["x-request-id"] != "req-1"
    assert second.json()["user_agent"] == "x" * 255


def test_outside_a_request_the_metadata_is_empty() -> None:
    assert current_request_meta() == RequestMeta()


def test_an_address_that_is_not_an_ip_is_left_out() -> None:
    meta = RequestMeta.of("r", ("testclient", 50000), [(b"user-agent", b"a")])

    assert meta == RequestMeta(request_id="r", client_ip=None, user_agent="a")
