"""Fixtures of the all-in-one's tests."""

import pytest
from fastapi import FastAPI

from campaign_api.main import create_app as campaign_api
from launch_worker.main import create_app as launch_worker
from notify_gateway.main import create_app as notify_gateway
from segment_engine.main import create_app as segment_engine


@pytest.fixture(
    params=[campaign_api, segment_engine, launch_worker, notify_gateway],
    ids=lambda create: create.__module__,
)
def service_app(request: pytest.FixtureRequest) -> FastAPI:
    """Each of the four service apps in turn, as its factory builds it."""
    app: FastAPI = request.param()
    return app
