"""The parsed, typed form of segment rule trees (what the validator produces)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Literal, TypeAlias

from crm_common.segments.fields import FieldKind, Op

# A JSON scalar of a custom attribute or event property; numbers are exact Decimals.
JsonScalar: TypeAlias = str | Decimal | bool
Instant: TypeAlias = date | datetime  # a date stands for the whole UTC day
ONE_MICROSECOND = timedelta(microseconds=1)


def day_start(value: date) -> datetime:
    """Midnight UTC at the start of `value`."""
    return datetime.combine(value, time.min, tzinfo=UTC)


def instant_start(value: Instant) -> datetime:
    """The first instant a date (its whole UTC day) or a datetime covers."""
    return value if isinstance(value, datetime) else day_start(value)


def instant_range(value: Instant) -> tuple[datetime, datetime | None]:
    """The half-open `[start, end)` span a date (its whole UTC day) or a datetime covers.

    The end is None ("no upper bound") when it lies past the last instant Python can hold
    (the end of 9999-12-31): nothing stored can be later, so the span is the same."""
    start = instant_start(value)
    step = ONE_MICROSECOND if isinstance(value, datetime) else timedelta(days=1)
    try:
        return start, start + step
    except OverflowError:
        return start, None


@dataclass(frozen=True)
class Radius:
    lat: float
    lon: float
    km: float


ConditionValue: TypeAlias = (
    str | int | Decimal | bool | date | datetime | uuid.UUID | tuple[object, ...] | Radius | None
)


@dataclass(frozen=True)
class Condition:
    """`{"field", "op", "value"}` over a contact field, a custom attribute or (inside an event
    condition's `where`) an event property or column.

    `key` is the attribute/property key for `FieldKind.JSON`, else None."""

    field: str
    kind: FieldKind
    op: Op
    value: ConditionValue
    key: str | None = None
    path: str = dataclass_field(default="", compare=False)


@dataclass(frozen=True)
class CountSpec:
    op: Op
    value: int | tuple[int, int]

    def matches(self, count: int) -> bool:
        """Whether a contact with `count` matching events satisfies this comparison."""
        if isinstance(self.value, tuple):
            low, high = self.value
            return low <= count <= high
        target = self.value
        return {
            Op.EQ: count == target,
            Op.NEQ: count != target,
            Op.LT: count < target,
            Op.LTE: count <= target,
            Op.GT: count > target,
            Op.GTE: count >= target,
        }[self.op]


AT_LEAST_ONCE = CountSpec(Op.GTE, 1)


@dataclass(frozen=True)
class EventCondition:
    """A behavioural condition: how often (or when first/last) a contact did an event.

    Without `occurrence`, `count` compares the number of events of type `event` inside the
    window that satisfy every `where` condition (default: at least once). With `occurrence`
    (`first` / `last`), the contact's first/last such event (over all time) must fall inside
    the window."""

    event: str
    count: CountSpec = AT_LEAST_ONCE
    occurrence: Literal["first", "last"] | None = None
    within_days: int | None = None
    between: tuple[Instant, Instant] | None = None
    where: tuple[Condition, ...] = ()
    path: str = dataclass_field(default="", compare=False)

    def window(self, now: datetime) -> tuple[datetime | None, datetime | None]:
        """The half-open `[start, end)` time window, with `None` for an open side.

        `within_days: N` is `[now - N days, now]`; `between: [a, b]` runs from the start of `a`
        to the end of `b` (a date covers its whole UTC day, a datetime is inclusive)."""
        if self.within_days is not None:
            return now - timedelta(days=self.within_days), now + ONE_MICROSECOND
        if self.between is not None:
            return instant_range(self.between[0])[0], instant_range(self.between[1])[1]
        return None, None


@dataclass(frozen=True)
class Group:
    kind: Literal["all", "any"]
    children: tuple[Node, ...]
    path: str = dataclass_field(default="", compare=False)


@dataclass(frozen=True)
class Not:
    child: Node
    path: str = dataclass_field(default="", compare=False)


Node: TypeAlias = Group | Not | Condition | EventCondition


@dataclass(frozen=True)
class Criteria:
    """A segment's four rule trees; `None` means "no condition"."""

    demographic_criteria: Node | None = None
    behavioral_criteria: Node | None = None
    geographic_criteria: Node | None = None
    psychographic_criteria: Node | None = None

    def trees(self) -> list[tuple[str, Node]]:
        """The non-empty trees, by criteria name, in a stable order."""
        named = [
            ("demographic_criteria", self.demographic_criteria),
            ("behavioral_criteria", self.behavioral_criteria),
            ("geographic_criteria", self.geographic_criteria),
            ("psychographic_criteria", self.psychographic_criteria),
        ]
        return [(name, tree) for name, tree in named if tree is not None]

    @property
    def is_empty(self) -> bool:
        return not self.trees()
