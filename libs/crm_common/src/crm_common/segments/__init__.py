"""The segment rule language, shared by every service that stores or evaluates segments.

    from crm_common.segments import validate_criteria, parse_criteria, rules_json_schema

    errors = validate_criteria({"behavioral_criteria": {...}})   # [] when valid, else
    # [{"path": "behavioral_criteria.all[2].within_days", "message": "must be greater than 0"}]
    criteria = parse_criteria(body)   # typed trees, or raises RuleValidationError (a 422
                                      # ValidationFailed, details.fields = {path: [messages]})

Only the four criteria keys of the body are read (`demographic_criteria`,
`behavioral_criteria`, `geographic_criteria`, `psychographic_criteria`); `{}` or null means
no condition.
"""

from crm_common.segments.fields import CONTACT_FIELDS, CRITERIA_KEYS, FieldKind, Op
from crm_common.segments.nodes import (
    Condition,
    CountSpec,
    Criteria,
    EventCondition,
    Group,
    Node,
    Not,
    Radius,
)
from crm_common.segments.pii import (
    PiiRuleDenied,
    ensure_pii_allowed,
    ensure_pii_writable,
    mask_pii_rules,
    masked_criteria,
)
from crm_common.segments.rules import (
    RuleValidationError,
    SavedRulesInvalid,
    ensure_valid_criteria,
    parse_criteria,
    stored_criteria,
    validate_criteria,
)
from crm_common.segments.schema import rules_json_schema
from crm_common.segments.values import RuleError

__all__ = [
    "CONTACT_FIELDS",
    "CRITERIA_KEYS",
    "Condition",
    "CountSpec",
    "Criteria",
    "EventCondition",
    "FieldKind",
    "Group",
    "Node",
    "Not",
    "Op",
    "PiiRuleDenied",
    "Radius",
    "RuleError",
    "RuleValidationError",
    "SavedRulesInvalid",
    "ensure_pii_allowed",
    "ensure_pii_writable",
    "ensure_valid_criteria",
    "mask_pii_rules",
    "masked_criteria",
    "parse_criteria",
    "rules_json_schema",
    "stored_criteria",
    "validate_criteria",
]
