"""What FastAPI works out about each request parameter and dependency, worked out once.

FastAPI reads the path, query and header parameters of every request through
`fastapi.dependencies.utils.request_params_to_args`, which asks four questions of each
parameter's field on every request: is it a parameter model, which names may the request use
for it, is it JSON, and is its annotation a sequence (then every repeated value is read). Each
answer depends on the field alone, and a field lives as long as its route; for the campaign list
with its fifteen query parameters, asking them again cost more than validating the values.

`install()` answers each question once per field (the answer is kept on the field, so a field
built per request under a dependency override takes its answers with it) and once per
annotation object (kept in a table, as the dependencies' answers below are: an annotation need
not be hashable, and hashing a typing alias costs more than the lookup). What FastAPI does with
the answers is unchanged: the same values and the same validation errors
(`apps/crm/tests/test_param_facts.py` checks every parameter of the four apps).

`solve_dependencies` likewise asks of every dependency on every request what its cache key is
(which unwraps the callable and walks its sub-dependencies for security scopes) and whether its
callable is a generator, an async generator or a coroutine function. A dependency and its
callable do not change once its route is built, so each is answered once per dependency and per
callable object, kept beside the object itself (an id alone could pass to a later object).
Dependencies built per request under an override are answered too, in a table emptied when it
outgrows `_KNOWN_LIMIT`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from fastapi.dependencies import utils

_FIELD_QUESTIONS = ("_get_param_model", "_get_param_aliases", "_is_json_field")
_ANNOTATION_QUESTIONS = ("field_annotation_is_sequence",)
_DEPENDANT_QUESTIONS = ("_get_cache_key",)
_CALL_QUESTIONS = ("_is_gen_callable", "_is_async_gen_callable", "_is_coroutine_callable")
_KNOWN_LIMIT = 4096
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


class _PerObject:
    """`question(subject)`, answered once per subject object, under the subject's id. The
    subject is kept beside its answer, so while the answer is kept the id cannot pass to
    another object."""

    def __init__(self, question: Callable[[Any], Any]) -> None:
        self.question = question
        self.known: dict[int, tuple[Any, Any]] = {}

    def __call__(self, subject: Any) -> Any:
        kept = self.known.get(id(subject))
        if kept is not None:
            return kept[1]
        if len(self.known) >= _KNOWN_LIMIT:
            self.known.clear()
        value = self.question(subject)
        self.known[id(subject)] = (subject, value)
        return value


def _per_dependant(question: Callable[..., Any]) -> Callable[..., Any]:
    """`question(dependant=…, uses_scopes_cache=…)`, answered once per dependency (the
    per-request scopes cache only spares FastAPI work the kept answer already spares)."""
    answered = _PerObject(lambda dependant: question(dependant=dependant))

    @functools.wraps(question)
    def answer(*, dependant: Any, uses_scopes_cache: Any = None) -> Any:
        return answered(dependant)

    return answer


def _per_object(question: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`question(subject)` as FastAPI names it, answered once per subject object (an
    annotation, a callable)."""
    return functools.wraps(question)(_PerObject(question))


def install() -> None:
    """Answer FastAPI's per-parameter and per-dependency questions once (idempotent;
    process-wide)."""
    if getattr(utils, _INSTALLED, False):
        return
    for name in _FIELD_QUESTIONS:
        setattr(utils, name, _per_field(getattr(utils, name)))
    for name in _ANNOTATION_QUESTIONS:
        setattr(utils, name, _per_object(getattr(utils, name)))
    for name in _DEPENDANT_QUESTIONS:
        setattr(utils, name, _per_dependant(getattr(utils, name)))
    for name in _CALL_QUESTIONS:
        setattr(utils, name, _per_object(getattr(utils, name)))
    setattr(utils, _INSTALLED, True)
