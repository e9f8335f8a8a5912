"""Rules on personal data: only for principals with `view_pii`.

A rule that compares a PII value — `{"field": "email", "op": "starts_with", "value": "a"}` —
turns every count, sample or explanation into an oracle: asked often enough, it spells the
value out one character at a time. So a condition on a PII field is refused (403, the error of
the contact list's PII filters) to anyone without `view_pii`, wherever it sits in a tree (under
`not` and `any` too) and wherever rules are run or stored. The PII fields are the contact
fields the contact list masks (`crm_common.masking`) plus `location` (coordinates), and any
custom attribute or event property whose key names personal data (`email`, `phone`, `name`, …).
`is_set` / `is_not_set` compare no value and stay allowed.

For a stored segment with PII rules, a principal without `view_pii` sees its counts but its
PII conditions' values are masked (`mask_pii_rules`), it cannot write criteria trees that
hold such rules (`ensure_pii_writable`) and it cannot evaluate or explain the segment.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crm_common.errors import PermissionDenied
from crm_common.masking import PII_FIELDS, pii_key
from crm_common.segments import fields as F
from crm_common.segments.fields import FieldKind
from crm_common.segments.nodes import Condition, Criteria, EventCondition, Group, Node, Not
from crm_common.segments.rules import parse_criteria

# Contact fields of the rule language that hold personal data (names, address, birth date,
# postal code, coordinates). `age` (whole years) and `country`/`city` are coarse enough to
# target by.
PII_CONTACT_FIELDS = frozenset({name for name in F.CONTACT_FIELDS if name in PII_FIELDS}) | {
    "location"
}
MASK = "***"


class PiiRuleDenied(PermissionDenied):
    error_code = "pii_filter_denied"
    message = "Rules on personal data (email, names, birth date …) need the view_pii permission."


def is_pii_condition(cond: Condition) -> bool:
    """Whether the condition compares a personal value (presence tests compare none)."""
    if cond.op in F.PRESENCE_OPS:
        return False
    if cond.kind == FieldKind.JSON:
        return cond.key is not None and pii_key(cond.key)
    return cond.field in PII_CONTACT_FIELDS


def _conditions(node: Node) -> list[Condition]:
    if isinstance(node, Group):
        return [c for child in node.children for c in _conditions(child)]
    if isinstance(node, Not):
        return _conditions(node.child)
    if isinstance(node, EventCondition):
        return list(node.where)
    return [node]


def pii_paths(criteria: Criteria) -> list[str]:
    """The paths of every condition on personal data, in document order."""
    return [
        cond.path
        for _, tree in criteria.trees()
        for cond in _conditions(tree)
        if is_pii_condition(cond)
    ]


def ensure_pii_allowed(criteria: Criteria, *, view_pii: bool) -> None:
    """Raise `PiiRuleDenied` (403, the offending paths in details) when the rules compare
    personal data and the caller may not view it."""
    if view_pii:
        return
    paths = pii_paths(criteria)
    if paths:
        raise PiiRuleDenied(details={"paths": paths})


def _raw_is_pii(raw: Mapping[str, Any], *, in_event: bool) -> bool:
    name, op = raw.get("field"), raw.get("op")
    if not isinstance(name, str) or (isinstance(op, str) and op in F.PRESENCE_OPS):
        return False
    if in_event:
        return name not in F.EVENT_COLUMN_FIELDS and pii_key(name)
    if name.startswith(F.ATTRIBUTE_PREFIX):
        return pii_key(name[len(F.ATTRIBUTE_PREFIX) :])
    return name in PII_CONTACT_FIELDS


def _mask(tree: Any, in_event: bool, found: list[bool]) -> Any:
    if isinstance(tree, list):
        return [_mask(item, in_event, found) for item in tree]
    if not isinstance(tree, Mapping):
        return tree
    if "field" in tree and _raw_is_pii(tree, in_event=in_event):
        found.append(True)
        return {**tree, "value": MASK} if "value" in tree else dict(tree)
    is_event = "event" in tree
    return {
        key: _mask(value, in_event or (is_event and key == "where"), found)
        for key, value in tree.items()
    }


def mask_pii_rules(tree: Any) -> Any:
    """A copy of a stored rule tree (raw JSON) with the values of PII conditions masked."""
    return _mask(tree, False, [])


def has_pii_rules(tree: Any) -> bool:
    """Whether a stored rule tree (raw JSON) holds a condition on personal data."""
    found: list[bool] = []
    _mask(tree, False, found)
    return bool(found)


def ensure_pii_writable(
    written: Mapping[str, Any], stored: Mapping[str, Any] | None, *, view_pii: bool
) -> None:
    """Raise `PiiRuleDenied` unless the caller may write these (valid) criteria trees: without
    view_pii no written tree may compare personal data, nor replace a stored tree that does
    (its values are masked to such a caller, so a change could only be blind or a probe)."""
    if view_pii:
        return
    paths: list[str] = []
    for name in F.CRITERIA_KEYS:
        if name not in written:
            continue
        tree, before = written[name], (stored or {}).get(name)
        found = pii_paths(parse_criteria({name: tree}))
        if not found and has_pii_rules(before) and tree != before:
            found = [name]
        paths += found
    if paths:
        raise PiiRuleDenied(details={"paths": paths})


def masked_criteria(trees: Mapping[str, Any], *, view_pii: bool) -> dict[str, Any]:
    """The criteria trees among `trees` as a caller may read them: PII rule values masked
    without view_pii."""
    return {
        name: tree if view_pii else mask_pii_rules(tree)
        for name, tree in trees.items()
        if name in F.CRITERIA_KEYS
    }
