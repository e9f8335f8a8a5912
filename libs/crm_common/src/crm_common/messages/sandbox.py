"""The template sandbox: what message text may do, and the budgets that keep it cheap.

Templates are written by marketers and filled with contact data imported from elsewhere, so
neither may reach the process: the environment is Jinja2's immutable sandbox (no underscore
attributes, no mutation of lists or dicts), with no globals at all (no `range`, `lipsum`,
`cycler`, `namespace` …), a whitelist of filters and of methods callable on values, and no
tags that load other templates, define macros or blocks, or switch autoescaping off. Every
value an operator or filter takes or produces, and every list, tuple or dict the template
writes, is size-checked — a list counting the characters of what it holds, so that one
string repeated in a list cannot stand for a huge text — the filters that could build more
than that (`replace`, `join`) work out their result's size before building it, every loop
iteration is counted, one render has a time budget, and its output is capped, so no
template can make a render slow or large.
"""

from __future__ import annotations

import contextvars
import functools
import operator
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from jinja2 import StrictUndefined, Undefined, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.filters import FILTERS
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_VALUE_CHARS = 100_000
"""The longest string or list any expression may produce."""
MAX_INT_BITS = 256
MAX_LOOP_ITERATIONS = 10_000
"""Loop iterations of one render, all loops together."""
MAX_OUTPUT_CHARS = 500_000
"""Characters one part of a message (subject, HTML, text) may render to."""
MAX_RENDER_SECONDS = 1.0
"""Time one render may take (a message renders in well under a millisecond)."""

LOOP_GUARD = "crm loop guard"
"""The filter wrapped around every loop's iterable (its name cannot be written in a template)."""

SAFE_FILTERS = (
    "abs",
    "attr",
    "capitalize",
    "count",
    "d",
    "default",
    "dictsort",
    "e",
    "escape",
    "first",
    "float",
    "forceescape",
    "groupby",
    "int",
    "items",
    "join",
    "last",
    "length",
    "list",
    "lower",
    "map",
    "max",
    "min",
    "reject",
    "rejectattr",
    "replace",
    "reverse",
    "round",
    "select",
    "selectattr",
    "sort",
    "string",
    "striptags",
    "sum",
    "title",
    "trim",
    "truncate",
    "unique",
    "upper",
    "urlencode",
    "wordcount",
)
"""Filters a template may use. Left out: `safe` (contact data is always escaped), `format`,
`center`, `indent`, `wordwrap` (sizes from arguments), `pprint` (object internals), `random`
(a message must render the same way twice), `urlize`, `xmlattr`, `tojson`, `batch`, `slice`,
`filesizeformat`."""

SAFE_METHODS = frozenset(
    {
        "capitalize",
        "casefold",
        "count",
        "endswith",
        "find",
        "get",
        "index",
        "isalnum",
        "isalpha",
        "isdigit",
        "islower",
        "isnumeric",
        "isspace",
        "istitle",
        "isupper",
        "items",
        "keys",
        "lower",
        "lstrip",
        "rstrip",
        "split",
        "startswith",
        "strip",
        "swapcase",
        "title",
        "upper",
        "values",
    }
)
"""Methods callable on values (strings, lists, dicts, loop helpers); every other call —
`str.format`, `replace` with a growing argument, anything a value might carry — is refused."""

LOOP_METHODS = frozenset({"cycle", "changed"})

FORBIDDEN_NODES: dict[type[nodes.Node], str] = {
    nodes.Extends: "extends",
    nodes.Include: "include",
    nodes.Import: "import",
    nodes.FromImport: "from … import",
    nodes.Macro: "macro",
    nodes.CallBlock: "call",
    nodes.Block: "block",
    nodes.EvalContextModifier: "autoescape",
    nodes.ScopedEvalContextModifier: "autoescape",
    nodes.AssignBlock: "set … endset",
}
"""Tags a message template may not use: each loads code, recurses, unescapes, or captures
output into a variable (which could double it again and again; `{% set x = … %}` is fine)."""

FORBIDDEN_NAMES = frozenset({"self"})
"""Names Jinja gives a meaning of its own (`self` is the template object)."""


class BudgetExceeded(Exception):
    """A render went over one of its budgets (value size, loop iterations, output)."""


class _Budget:
    __slots__ = ("deadline", "iterations", "steps")

    def __init__(self) -> None:
        self.iterations = 0
        self.steps = 0
        self.deadline = time.monotonic() + MAX_RENDER_SECONDS

    def iterate(self) -> None:
        self.iterations += 1
        if self.iterations > MAX_LOOP_ITERATIONS:
            raise BudgetExceeded(f"loops ran more than {MAX_LOOP_ITERATIONS} times")
        self.check_time()

    def check_time(self) -> None:
        """The clock is read every 16th step (a step is a filter call or a loop iteration,
        each bounded by the size checks): the budget holds to within 16 of them."""
        self.steps += 1
        if self.steps & 15 == 0 and time.monotonic() > self.deadline:
            raise BudgetExceeded(f"the render took longer than {MAX_RENDER_SECONDS} s")


_budget: contextvars.ContextVar[_Budget] = contextvars.ContextVar("message_render_budget")


class RenderBudget:
    """Opens a fresh budget for one render: `with RenderBudget(): template.render(...)`."""

    __slots__ = ("_token",)

    def __enter__(self) -> None:
        self._token = _budget.set(_Budget())

    def __exit__(self, *exc: object) -> None:
        _budget.reset(self._token)


def _current_budget() -> _Budget:
    try:
        return _budget.get()
    except LookupError:
        budget = _Budget()
        _budget.set(budget)
        return budget


_CONTAINERS = (list, tuple, dict)


def size(value: Any, limit: int = MAX_VALUE_CHARS) -> int:
    """The characters `value` holds: a string's length; a list's, tuple's or dict's number of
    items plus the sizes of what they hold, however often the same object recurs. Counting
    stops soon after `limit` (the result is then only known to be over it)."""
    if isinstance(value, str):
        return len(value)
    if not isinstance(value, _CONTAINERS):
        return 0
    total = len(value)
    for item in value.items() if isinstance(value, dict) else value:
        if total > limit:
            break
        total += size(item, limit - total)
    return total


def checked(value: Any) -> Any:
    """`value` if it is small enough to keep; raises BudgetExceeded otherwise."""
    if isinstance(value, (str, *_CONTAINERS)) and size(value) > MAX_VALUE_CHARS:
        raise BudgetExceeded(f"a value is longer than {MAX_VALUE_CHARS}")
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
        raise BudgetExceeded("a number is too large")
    return value


def _refuse_longer(length: int) -> None:
    if length > MAX_VALUE_CHARS:
        raise BudgetExceeded(f"a value is longer than {MAX_VALUE_CHARS}")


def _replace_size(text: Any, old: Any, new: Any, count: Any = None) -> int:
    """The length `replace` would give, worked out without building it."""
    source, before, after = str(text), str(old), str(new)
    found = source.count(before)
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    return len(source) + found * (len(after) - len(before))


def _join_size(items: Any, separator: Any = "", attribute: Any = None) -> int:
    """An upper bound of the length `join` would give (the items' sizes and the separators),
    worked out without building it; 0 when the items are not a list or tuple (a generator of
    checked values: the result is checked once built)."""
    if not isinstance(items, (list, tuple)) or attribute is not None:
        return 0
    return size(items) + max(len(items) - 1, 0) * len(str(separator))


_PRECHECKS: dict[str, Callable[..., int]] = {"replace": _replace_size, "join": _join_size}
"""Filters whose result can be far larger than their arguments, and the size they would
build: the filter is refused before it runs when that is too large."""


def _sum_numbers(
    environment: Any, iterable: Iterable[Any], attribute: Any = None, start: Any = 0
) -> Any:
    """`sum` over numbers only: adding lists to a list would copy it again for every item."""
    if not isinstance(start, (int, float)) or isinstance(start, bool):
        raise SecurityError("sum adds numbers only")
    return FILTERS["sum"](environment, iterable, attribute, start)


def _bounded(items: Iterable[Any]) -> Iterator[Any]:
    """The items of a lazy pipeline, refused once all it has given holds more characters than
    a whole part may render to: each item is checked when made, but a `join` or `list` of many
    would otherwise hold them all at once."""
    given = 0
    for item in items:
        given += size(item, MAX_OUTPUT_CHARS) or 1
        if given > MAX_OUTPUT_CHARS:
            raise BudgetExceeded(f"a sequence holds more than {MAX_OUTPUT_CHARS} characters")
        yield item


def _map_bounded(context: Any, value: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
    """`map`, its items counted as they are made (`_bounded`): a filter mapped over a list can
    make every item large."""
    return _bounded(FILTERS["map"](context, value, *args, **kwargs))


_OVERRIDES: dict[str, Callable[..., Any]] = {
    "sum": functools.update_wrapper(_sum_numbers, FILTERS["sum"], assigned=("jinja_pass_arg",)),
    "map": functools.update_wrapper(_map_bounded, FILTERS["map"], assigned=("jinja_pass_arg",)),
}


def _guarded_filter(name: str) -> Callable[..., Any]:
    """Filter `name`, its arguments and its result size-checked (and, for a filter whose result
    may outgrow its arguments, the result's size worked out first), the render's time budget
    checked before it runs."""
    func = _OVERRIDES.get(name, FILTERS[name])
    precheck = _PRECHECKS.get(name)
    # The filters that take the eval context or environment first get it before the values.
    skip = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0

    @functools.wraps(func)  # keeps the pass_context / pass_environment marker
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _current_budget().check_time()
        # A string argument is already within its bounds (a checked result, a field, the
        # template's own text); a container may hold one string many times over.
        for value in args[skip:]:
            if type(value) in _CONTAINERS:
                checked(value)
        for value in kwargs.values():
            if type(value) in _CONTAINERS:
                checked(value)
        if precheck is not None:
            _refuse_longer(precheck(*args[skip:], **kwargs))
        return checked(func(*args, **kwargs))

    return guarded


def _loop_guard(iterable: Iterable[Any]) -> Iterator[Any]:
    budget = _current_budget()
    for item in iterable:
        budget.iterate()
        yield item


def _power(base: Any, exponent: Any) -> Any:
    if isinstance(exponent, (int, float)) and abs(exponent) > 64:
        raise BudgetExceeded("an exponent is too large")
    if isinstance(base, (int, float)) and abs(base) > 2**64:
        raise BudgetExceeded("a number is too large")
    return base**exponent


def _modulo(left: Any, right: Any) -> Any:
    if isinstance(left, str):
        raise SecurityError("string formatting with % is not allowed")
    return left % right


def _times(left: Any, right: Any) -> Any:
    for value, count in ((left, right), (right, left)):
        if (
            isinstance(value, (str, list, tuple))
            and isinstance(count, int)
            and size(value) * max(count, 0) > MAX_VALUE_CHARS
        ):
            raise BudgetExceeded(f"a value is longer than {MAX_VALUE_CHARS}")
    return checked(left * right)


class MessageUndefined(StrictUndefined):
    """A missing field: printing, iterating or doing arithmetic with it fails the render (so a
    contact without a first name fails instead of getting "Hi ,"), while `default(...)`, `is
    defined` and plain tests like `{% if first_name %}` work."""

    __slots__ = ()

    __bool__ = Undefined.__bool__  # type: ignore[assignment]
    __eq__ = Undefined.__eq__  # type: ignore[assignment]
    __ne__ = Undefined.__ne__  # type: ignore[assignment]
    __hash__ = Undefined.__hash__  # type: ignore[assignment]


class _GuardedCodeGenerator(CodeGenerator):
    """Size-checks every `~` concatenation (the one operator the sandbox cannot intercept)."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.checked(")
        super().visit_Concat(node, frame)
        self.write(")")

    # A list, tuple or dict written in the template is size-checked as it is built: one string
    # repeated in it could otherwise stand for a huge text, turned into one at once when printed.
    def visit_List(self, node: nodes.List, frame: Frame) -> None:
        self.write("environment.checked(")
        super().visit_List(node, frame)
        self.write(")")

    def visit_Dict(self, node: nodes.Dict, frame: Frame) -> None:
        self.write("environment.checked(")
        super().visit_Dict(node, frame)
        self.write(")")

    def visit_Tuple(self, node: nodes.Tuple, frame: Frame) -> None:
        if node.ctx != "load":  # an assignment target (`{% for a, b in … %}`)
            super().visit_Tuple(node, frame)
            return
        self.write("environment.checked(")
        super().visit_Tuple(node, frame)
        self.write(")")


class MessageEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox message templates compile and render in."""

    code_generator_class = _GuardedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, *, autoescape: bool) -> None:
        super().__init__(
            autoescape=autoescape,
            undefined=MessageUndefined,
            auto_reload=False,
            cache_size=0,
            keep_trailing_newline=True,
        )
        self.globals.clear()
        self.filters = {name: _guarded_filter(name) for name in SAFE_FILTERS}
        self.filters[LOOP_GUARD] = _loop_guard
        self.binop_table = {
            **self.binop_table,
            "*": _times,
            "**": _power,
            "%": _modulo,
            "+": lambda left, right: checked(operator.add(left, right)),
        }
        self.checked = checked

    def is_safe_callable(self, obj: Any) -> bool:
        name = getattr(obj, "__name__", None)
        owner = getattr(obj, "__self__", None)
        if type(owner).__name__ == "LoopContext":
            return name in LOOP_METHODS
        return (
            name in SAFE_METHODS
            and isinstance(owner, (str, list, tuple, dict))
            and super().is_safe_callable(obj)
        )

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        return checked(super().call(__context, __obj, *args, **kwargs))
