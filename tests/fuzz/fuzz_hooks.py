"""Schemathesis hooks of the fuzzing run (loaded through SCHEMATHESIS_HOOKS by tests/test_fuzz.py).

The run signs in as one demo user. User administration fuzzed with that user's own id could
reset its password, change its email or deactivate it, and every later request of the run
would fail to sign in: such a request is pointed at a user id that exists nowhere instead
(the operation is still fuzzed on every other id, and answers 404 for this one)."""

from __future__ import annotations

import os
import uuid
from typing import Any

import schemathesis

OWN_ID = os.environ.get("FUZZ_USER_ID", "")
ELSEWHERE = str(uuid.UUID(int=0))


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    parameters = case.path_parameters or {}
    if OWN_ID and str(parameters.get("user_id", "")).lower() == OWN_ID.lower():
        parameters["user_id"] = ELSEWHERE
