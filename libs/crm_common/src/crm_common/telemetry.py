"""OpenTelemetry tracing of FastAPI, SQLAlchemy and Redis; off unless an exporter is set."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from crm_common.settings import Settings

_provider_set = False


def _install_provider(settings: Settings, service: str) -> bool:
    global _provider_set
    if settings.otel_exporter == "none":
        return False
    if _provider_set:
        return True
    from opentelemetry import trace
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import (
        BatchSpanProcessor,
        ConsoleSpanExporter,
        SpanExporter,
    )

    exporter: SpanExporter
    if settings.otel_exporter == "otlp":
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        exporter = (
            OTLPSpanExporter(endpoint=settings.otel_endpoint)
            if settings.otel_endpoint
            else OTLPSpanExporter()
        )
    else:
        exporter = ConsoleSpanExporter()
    provider = TracerProvider(resource=Resource.create({"service.name": service}))
    provider.add_span_processor(BatchSpanProcessor(exporter))
    trace.set_tracer_provider(provider)
    _provider_set = True
    return True


def instrument(settings: Settings, service: str, app: FastAPI, engines: list[AsyncEngine]) -> None:
    """Trace this app, its engines and Redis when an exporter is configured."""
    if not _install_provider(settings, service):
        return
    from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
    from opentelemetry.instrumentation.redis import RedisInstrumentor
    from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor

    FastAPIInstrumentor.instrument_app(app, excluded_urls="healthz,readyz,metrics")
    sqlalchemy: Any = SQLAlchemyInstrumentor()
    for engine in engines:
        # The instrumentation works on SQLAlchemy 2.1 though its declared range stops at 2.0.
        sqlalchemy.instrument(engine=engine.sync_engine, skip_dep_check=True)
    redis: Any = RedisInstrumentor()
    if not redis.is_instrumented_by_opentelemetry:
        redis.instrument()
