"""An exhausted connection pool is an overload (503 with Retry-After), not a 500."""

from fastapi import APIRouter
from sqlalchemy.exc import TimeoutError as PoolTimeout

from crm_common.app import create_service_app
from crm_common.testing.client import app_client


async def test_pool_timeout_is_a_503(settings, resources) -> None:
    router = APIRouter()

    @router.get("/api/busy")
    async def busy() -> dict[str, str]:
        raise PoolTimeout("QueuePool limit of size 10 overflow 10 reached")

    app = create_service_app(
        "probe", title="probe", routers=[router], settings=settings, resources=resources
    )
    async with app_client(app) as client:
        response = await client.get("/api/busy")

    assert response.status_code == 503
    assert response.headers["Retry-After"] == "1"
    assert response.json()["error_code"] == "service_unavailable"
