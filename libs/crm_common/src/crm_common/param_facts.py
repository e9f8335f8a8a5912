"""What FastAPI works out about each request parameter, worked out once per parameter.

FastAPI reads the path, query and header parameters of every request through
`fastapi.dependencies.utils.request_params_to_args`, which asks four questions of each
parameter's field on every request: is it a parameter model, which names may the request use
for it, is it JSON, and is its annotation a sequence (then every repeated value is read). Each
answer depends on the field alone, and a field lives as long as its route; for the campaign list
with its fifteen query parameters, asking them again cost more than validating the values.

`install()` answers each question once per field (the answer is kept on the field, so a field
built per request under a dependency override takes its answers with it) and once per
annotation. What FastAPI does with the answers is unchanged: the same values and the same
validation errors (`apps/crm/tests/test_param_facts.py` checks every parameter of the four apps).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from fastapi.dependencies import utils

_FIELD_QUESTIONS = ("_get_param_model", "_get_param_aliases", "_is_json_field")
_ANNOTATION_QUESTIONS = ("field_annotation_is_sequence",)
_INSTALLED = "__crm_param_facts__"
_UNANSWERED = object()


def _per_field(question: Callable[..., Any]) -> Callable[..., Any]:
    """`question(field, **options)`, answered once per field and options."""
    name = f"__crm_{question.__name__}"

    @functools.wraps(question)
    def answer(field: Any, **options: Any) -> Any:
        key: Any = name if not options else (name, frozenset(options.items()))
        facts = getattr(field, "__dict__", None)
        if facts is None:
            return question(field, **options)
        known = facts.get(key, _UNANSWERED)
        if known is _UNANSWERED:
            known = facts[key] = question(field, **options)
        return known

    return answer


def _per_annotation(question: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`question(annotation)`, answered once per annotation (each time for one that cannot
    be a dictionary key)."""
    cached = functools.lru_cache(maxsize=4096)(question)

    @functools.wraps(question)
    def answer(annotation: Any) -> Any:
        try:
            return cached(annotation)
        except TypeError:
            return question(annotation)

    return answer


def install() -> None:
    """Answer FastAPI's per-parameter questions once (idempotent; process-wide)."""
    if getattr(utils, _INSTALLED, False):
        return
    for name in _FIELD_QUESTIONS:
        setattr(utils, name, _per_field(getattr(utils, name)))
    for name in _ANNOTATION_QUESTIONS:
        setattr(utils, name, _per_annotation(getattr(utils, name)))
    setattr(utils, _INSTALLED, True)
