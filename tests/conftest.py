"""Markers of the cross-service tests."""

from __future__ import annotations

from typing import Any


def pytest_configure(config: Any) -> None:
    config.addinivalue_line(
        "markers",
        "faults: worker processes or a Redis SIGKILLed mid-flow (make test-faults)",
    )
    config.addinivalue_line(
        "markers",
        "distributed: the services as separate processes behind nginx (make test-distributed)",
    )
    config.addinivalue_line(
        "markers", "fuzz: schemathesis over the whole API document (make test-fuzz)"
    )
