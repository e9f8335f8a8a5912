"""Tracing is off by default and, when an exporter is configured, records a span per request
and per database statement."""

from fastapi import APIRouter
from opentelemetry import trace
from opentelemetry.instrumentation.redis import RedisInstrumentor
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from sqlalchemy import text

from crm_common import telemetry
from crm_common.app import create_service_app
from crm_common.deps import AppResources
from crm_common.resources import Resources
from crm_common.testing.client import app_client


def _app(settings, resources):
    router = APIRouter()

    @router.get("/api/traced")
    async def traced(res: AppResources) -> dict:
        async with res.db.system_engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        return {"ok": True}

    return create_service_app(
        "traced", title="t", routers=[router], settings=settings, resources=resources
    )


def test_off_by_default(settings) -> None:
    assert settings.otel_exporter == "none"
    assert telemetry._install_provider(settings, "x") is False


async def test_console_exporter_traces_requests_and_queries(settings) -> None:
    traced_settings = settings.model_copy(update={"otel_exporter": "console"})
    traced = Resources.open(traced_settings, name="traced")
    memory = InMemorySpanExporter()
    try:
        async with app_client(_app(traced_settings, traced)) as client:
            trace.get_tracer_provider().add_span_processor(SimpleSpanProcessor(memory))
            response = await client.get("/api/traced")
    finally:
        RedisInstrumentor().uninstrument()
        await traced.close()
        # Flush and stop the console exporter while the captured stdout is still open.
        trace.get_tracer_provider().shutdown()
    assert response.status_code == 200
    names = [span.name for span in memory.get_finished_spans()]
    assert any("/api/traced" in name for name in names)
    assert any(name.startswith(("SELECT", "connect")) for name in names)
