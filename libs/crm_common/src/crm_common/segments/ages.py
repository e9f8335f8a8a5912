"""Age in whole years, as a formula over one birth date and as birth-date ranges."""

from __future__ import annotations

from datetime import date
from typing import cast

from crm_common.segments import Op


def age_at(birth: date, today: date) -> int:
    """Completed years between `birth` and `today` (a 29 February birthday counts on 1 March
    in common years)."""
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def born_by(age: int, today: date) -> date:
    """The latest birth date of someone at least `age` years old on `today`."""
    year = today.year - age
    if today.month == 2 and today.day == 29 and not _leap(year):
        return date(year, 2, 28)
    return date(year, today.month, today.day)


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def birth_date_bounds(op: Op, value: object, today: date) -> tuple[date | None, date | None]:
    """`(after, until)` such that an age comparison holds exactly when
    `after < birth_date <= until` (None: unbounded)."""
    if op == Op.BETWEEN:
        low, high = cast(tuple[int, int], value)
        return born_by(high + 1, today), born_by(low, today)
    age = cast(int, value)
    bounds: dict[Op, tuple[date | None, date | None]] = {
        Op.GTE: (None, born_by(age, today)),
        Op.GT: (None, born_by(age + 1, today)),
        Op.LT: (born_by(age, today), None),
        Op.LTE: (born_by(age + 1, today), None),
        Op.EQ: (born_by(age + 1, today), born_by(age, today)),
    }
    return bounds[op]
