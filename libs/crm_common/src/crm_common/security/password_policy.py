"""Which new passwords are refused beyond their length (NIST SP 800-63B, 5.1.1.2): those on
a list of common and breached passwords, a common password with digits or symbols around
it, a short block repeated, and runs of one character or of a keyboard or alphabet
sequence. The list ships with the package (`common_passwords.txt.gz`, the 30,000 most common
passwords of leaked corpora); nothing is looked up over the network."""

from __future__ import annotations

import gzip
import re
from functools import cache
from importlib import resources

_LIST = "common_passwords.txt.gz"
_SEQUENCES = (
    "abcdefghijklmnopqrstuvwxyz",
    "01234567890",
    "qwertyuiopasdfghjklzxcvbnm",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
)
_AFFIXES = re.compile(r"^[\W\d_]*(.*?)[\W\d_]*$")


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list, lower-cased (loaded once)."""
    raw = resources.files("crm_common.security").joinpath(_LIST).read_bytes()
    lines = gzip.decompress(raw).decode().splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _repeated_block(text: str) -> str | None:
    """The block `text` repeats (e.g. "abcabcabcabc" → "abc"), else None."""
    for size in range(1, len(text) // 2 + 1):
        if len(text) % size == 0 and text[:size] * (len(text) // size) == text:
            return text[:size]
    return None


def _is_sequence(text: str) -> bool:
    return any(text in run or text in run[::-1] for run in _SEQUENCES)


def password_problem(password: str) -> str | None:
    """Why `password` is refused, or None when it is acceptable."""
    folded = password.lower()
    known = common_passwords()
    if folded in known:
        return "is a commonly used password"
    core = _AFFIXES.sub(r"\1", folded)
    if len(core) >= 4 and core in known:
        return "is a commonly used password with digits or symbols added"
    block = _repeated_block(folded)
    if block is not None and (len(block) <= 4 or block in known):
        return "repeats a short sequence"
    if _is_sequence(folded):
        return "is a keyboard or alphabet sequence"
    return None
