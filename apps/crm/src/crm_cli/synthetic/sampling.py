"""Fast weighted sampling for the generators (cumulative weights and bisection, built once)."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Iterable
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class Weighted(Generic[T]):
    """Draw items in proportion to their weights; O(log n) per draw."""

    __slots__ = ("_cumulative", "_items", "_total")

    def __init__(self, pairs: Iterable[tuple[T, float]]) -> None:
        items, weights = zip(*pairs, strict=True)
        self._items: tuple[T, ...] = tuple(items)
        self._cumulative = list(accumulate(weights))
        self._total = self._cumulative[-1]

    def pick(self, rng: random.Random) -> T:
        return self._items[bisect(self._cumulative, rng.random() * self._total)]

    def sample(self, rng: random.Random, count: int) -> list[T]:
        """`count` distinct items, each draw weighted (popular items come up more often)."""
        count = min(count, len(self._items))
        chosen: dict[T, None] = {}
        while len(chosen) < count:
            chosen.setdefault(self.pick(rng), None)
        return list(chosen)


def zipf(items: Iterable[str], exponent: float = 0.8) -> list[tuple[str, float]]:
    """Popularity falling with rank, as tags and products do."""
    return [(item, 1 / (rank + 1) ** exponent) for rank, item in enumerate(items)]
