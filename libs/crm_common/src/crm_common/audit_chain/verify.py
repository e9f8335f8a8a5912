"""Checking an audit chain: every row's digest and hash, its place, and its link to the row
before, from an anchor (the hash just before the first row) to the last row.

The first problem names the row: `altered` (values or fields no longer match the hashes),
`removed` (a sequence number is missing), `inserted` (a row the chain does not link, or a
repeated number), `reordered` (a row out of its place or carrying another row's number),
`broken_link` (a row whose predecessor was replaced), `unrecorded_redaction` (values changed
and marked redacted without a recorded redaction), `truncated` (rows missing at the end).
A row whose values were redacted by a recorded `audit.redacted` row is accepted and counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from crm_common.audit_chain.canonical import GENESIS_HASH, ChainRow

REDACTED_ACTION = "audit.redacted"
MAX_PROBLEMS = 100
_RENUMBER_WINDOW = 64


@dataclass(frozen=True)
class Anchor:
    """The chain position just before the first verified row: its number and hash."""

    seq: int = 0
    hash: str = GENESIS_HASH
    source: str = "genesis"


@dataclass(frozen=True)
class Problem:
    kind: str
    chain_seq: int | None
    row_id: int | None
    message: str

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "chain_seq": self.chain_seq,
            "row_id": self.row_id,
            "message": self.message,
        }


@dataclass
class Verification:
    """The outcome: `ok` when nothing but recorded redactions differs from the hashes."""

    anchor: Anchor
    rows: int = 0
    redacted_rows: int = 0
    first_seq: int | None = None
    last_seq: int | None = None
    last_hash: str | None = None
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    @property
    def first_problem(self) -> Problem | None:
        return self.problems[0] if self.problems else None

    def report(self, problem: Problem) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "rows": self.rows,
            "redacted_rows": self.redacted_rows,
            "first_seq": self.first_seq,
            "last_seq": self.last_seq,
            "last_hash": self.last_hash,
            "anchor": {
                "seq": self.anchor.seq,
                "hash": self.anchor.hash,
                "source": self.anchor.source,
            },
            "problem_count": self.problem_count,
            "first_problem": self.first_problem.to_json() if self.first_problem else None,
            "problems": [problem.to_json() for problem in self.problems],
        }


def _intact(row: ChainRow) -> bool:
    return row.computed_digest() == row.payload_digest and row.computed_hash() == row.row_hash


def _recorded_redactions(rows: Iterable[ChainRow]) -> set[tuple[str, int]]:
    """(request id, sequence number) of every row an intact `audit.redacted` row lists."""
    recorded: set[tuple[str, int]] = set()
    for row in rows:
        if row.action != REDACTED_ACTION or not isinstance(row.new_values, dict):
            continue
        if not _intact(row):
            continue
        request = str(row.new_values.get("redaction_request_id"))
        for seq in row.new_values.get("seqs") or []:
            recorded.add((request, int(seq)))
    return recorded


def _chained_as(row: ChainRow, seqs: set[int]) -> int | None:
    """The number a row's hash was computed with, when it carries another (a swap)."""
    for candidate in range(row.chain_seq - _RENUMBER_WINDOW, row.chain_seq + _RENUMBER_WINDOW):
        if (
            candidate != row.chain_seq
            and candidate > 0
            and row.computed_hash(candidate) == row.row_hash
        ):
            return candidate
    return None


def _place_problem(
    row: ChainRow, expected_seq: int, later_seqs: set[int], seen: set[int]
) -> Problem | None:
    if row.chain_seq == expected_seq:
        return None
    if row.chain_seq > expected_seq:
        missing = [s for s in range(expected_seq, row.chain_seq) if s in later_seqs]
        if missing:
            return Problem(
                "reordered",
                row.chain_seq,
                row.id,
                f"row {row.id} (seq {row.chain_seq}) comes before seq {missing[0]}",
            )
        gap = (
            f"seq {expected_seq}"
            if row.chain_seq == expected_seq + 1
            else f"seq {expected_seq} to {row.chain_seq - 1}"
        )
        return Problem(
            "removed",
            expected_seq,
            row.id,
            f"{gap} missing (removed) before row {row.id} (seq {row.chain_seq})",
        )
    if row.chain_seq in seen:
        return Problem(
            "inserted",
            row.chain_seq,
            row.id,
            f"row {row.id} repeats seq {row.chain_seq}: a row inserted into the chain",
        )
    return Problem(
        "reordered",
        row.chain_seq,
        row.id,
        f"row {row.id} (seq {row.chain_seq}) comes after seq {expected_seq - 1}",
    )


def _hash_problem(
    row: ChainRow, following: ChainRow | None, expected_prev: str, seqs: set[int]
) -> Problem | None:
    if row.computed_hash() == row.row_hash:
        return None
    chained_as = _chained_as(row, seqs)
    if chained_as is not None:
        return Problem(
            "reordered",
            row.chain_seq,
            row.id,
            f"row {row.id} carries seq {row.chain_seq} but was chained as seq {chained_as}",
        )
    if following is not None and following.prev_hash == expected_prev:
        return Problem(
            "inserted",
            row.chain_seq,
            row.id,
            f"row {row.id} (seq {row.chain_seq}) is not part of the chain: an inserted row",
        )
    return Problem(
        "altered",
        row.chain_seq,
        row.id,
        f"row {row.id} (seq {row.chain_seq}) was altered: its fields do not match its hash",
    )


def verify_chain(
    rows: Sequence[ChainRow],
    anchor: Anchor = Anchor(),
    *,
    attestations: Iterable[ChainRow] = (),
    expected_last: tuple[int, str] | None = None,
) -> Verification:
    """Verify `rows` (in chain order) from `anchor`. `attestations` are `audit.redacted` rows
    from beyond the rows (an export of a period carries them); `expected_last`, the last
    (seq, hash) the source says it holds, catches rows cut off the end."""
    result = Verification(anchor=anchor)
    recorded = _recorded_redactions([*rows, *attestations])
    all_seqs = {row.chain_seq for row in rows}
    remaining: dict[int, int] = {}
    for row in rows:
        remaining[row.chain_seq] = remaining.get(row.chain_seq, 0) + 1
    seen: set[int] = set()
    expected_seq, expected_prev = anchor.seq + 1, anchor.hash
    for index, row in enumerate(rows):
        remaining[row.chain_seq] -= 1
        later = (
            {seq for seq, count in remaining.items() if count > 0}
            if row.chain_seq > expected_seq
            else set()
        )
        following = rows[index + 1] if index + 1 < len(rows) else None
        problem = _place_problem(row, expected_seq, later, seen) or _hash_problem(
            row, following, expected_prev, all_seqs
        )
        if problem is None and row.prev_hash != expected_prev:
            problem = Problem(
                "broken_link",
                row.chain_seq - 1,
                row.id,
                f"the row before row {row.id} (seq {row.chain_seq}) is not the one it was "
                f"chained to: seq {row.chain_seq - 1} was altered or replaced",
            )
        if problem is None and row.computed_digest() != row.payload_digest:
            if row.redacted_at and row.redaction_request_id:
                if (str(row.redaction_request_id), row.chain_seq) in recorded:
                    result.redacted_rows += 1
                else:
                    problem = Problem(
                        "unrecorded_redaction",
                        row.chain_seq,
                        row.id,
                        f"row {row.id} (seq {row.chain_seq}) is marked redacted by request "
                        f"{row.redaction_request_id}, which recorded no such redaction",
                    )
            else:
                problem = Problem(
                    "altered",
                    row.chain_seq,
                    row.id,
                    f"row {row.id} (seq {row.chain_seq}) was altered: its values do not match "
                    "their digest",
                )
        if problem is not None:
            result.report(problem)
        seen.add(row.chain_seq)
        result.rows += 1
        if result.first_seq is None:
            result.first_seq = row.chain_seq
        result.last_seq, result.last_hash = row.chain_seq, row.row_hash
        expected_seq, expected_prev = max(expected_seq, row.chain_seq + 1), row.row_hash
    if expected_last is not None:
        last_seq, last_hash = expected_last
        if (result.last_seq or anchor.seq) != last_seq or (
            result.last_hash or anchor.hash
        ) != last_hash:
            result.report(
                Problem(
                    "truncated",
                    last_seq,
                    None,
                    f"the chain should end at seq {last_seq}, but ends at seq "
                    f"{result.last_seq or anchor.seq}",
                )
            )
    return result
