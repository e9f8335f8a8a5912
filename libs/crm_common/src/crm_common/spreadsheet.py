"""CSV that a spreadsheet opens as data, never as formulas: every CSV the product writes goes
through `safe_cell` (or `csv_bytes`). A cell whose first character (after any leading spaces)
starts a formula in Excel, LibreOffice or Google Sheets — `=`, `+`, `-`, `@`, their fullwidth
forms, or a tab or carriage return — is prefixed with `'`, which those programs show as text."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_START = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")


def safe_cell(value: object) -> str:
    """`value` as a CSV cell that no spreadsheet evaluates (None is the empty cell)."""
    text = "" if value is None else str(value)
    first = text.lstrip(" ")[:1]
    if first and first in FORMULA_START:
        return "'" + text
    return text


def csv_bytes(rows: Iterable[Iterable[object]], *, lineterminator: str = "\r\n") -> bytes:
    """UTF-8 CSV of `rows`, every cell through `safe_cell`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=lineterminator)
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8")
