"""The launch tests' recording adapter and runtimes, for the opt-in tests' launch."""

from ..launches.conftest import adapter, start_runtime

__all__ = ["adapter", "start_runtime"]
