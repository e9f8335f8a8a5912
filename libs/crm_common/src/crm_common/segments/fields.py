"""The whitelist of the segment rule language: contact fields, their kinds and operators."""

from __future__ import annotations

import re
from enum import StrEnum


class FieldKind(StrEnum):
    """How a contact field is typed and compared."""

    STRING = "string"
    DATE = "date"
    DATETIME = "datetime"
    INTEGER = "integer"
    GEO = "geo"
    TAGS = "tags"
    JSON = "json"  # a custom attribute or an event property: typed by its JSON value
    UUID = "uuid"


class Op(StrEnum):
    EQ = "eq"
    NEQ = "neq"
    IN = "in"
    NOT_IN = "not_in"
    LT = "lt"
    LTE = "lte"
    GT = "gt"
    GTE = "gte"
    BETWEEN = "between"
    CONTAINS = "contains"
    STARTS_WITH = "starts_with"
    IS_SET = "is_set"
    IS_NOT_SET = "is_not_set"
    WITHIN_RADIUS = "within_radius"
    CONTAINS_ANY = "contains_any"
    CONTAINS_ALL = "contains_all"
    CONTAINS_NONE = "contains_none"


ORDER_OPS = frozenset({Op.LT, Op.LTE, Op.GT, Op.GTE})
PRESENCE_OPS = frozenset({Op.IS_SET, Op.IS_NOT_SET})
LIST_OPS = frozenset({Op.IN, Op.NOT_IN})
TEXT_OPS = frozenset({Op.CONTAINS, Op.STARTS_WITH})
TAG_OPS = frozenset({Op.CONTAINS_ANY, Op.CONTAINS_ALL, Op.CONTAINS_NONE})

OPERATORS_BY_KIND: dict[FieldKind, frozenset[Op]] = {
    FieldKind.STRING: frozenset({Op.EQ, Op.NEQ, *LIST_OPS, *TEXT_OPS, *PRESENCE_OPS}),
    FieldKind.DATE: frozenset({Op.EQ, Op.NEQ, *ORDER_OPS, Op.BETWEEN, *PRESENCE_OPS}),
    FieldKind.DATETIME: frozenset({Op.EQ, Op.NEQ, *ORDER_OPS, Op.BETWEEN, *PRESENCE_OPS}),
    FieldKind.INTEGER: frozenset({Op.EQ, Op.NEQ, *LIST_OPS, *ORDER_OPS, Op.BETWEEN, *PRESENCE_OPS}),
    FieldKind.GEO: frozenset({Op.WITHIN_RADIUS, *PRESENCE_OPS}),
    FieldKind.TAGS: frozenset({*TAG_OPS, *PRESENCE_OPS}),
    FieldKind.JSON: frozenset(
        {Op.EQ, Op.NEQ, *LIST_OPS, *ORDER_OPS, Op.BETWEEN, *TEXT_OPS, *PRESENCE_OPS}
    ),
    FieldKind.UUID: frozenset({Op.EQ, Op.NEQ, *LIST_OPS, *PRESENCE_OPS}),
}

CONTACT_FIELDS: dict[str, FieldKind] = {
    "email": FieldKind.STRING,
    "email_domain": FieldKind.STRING,
    "first_name": FieldKind.STRING,
    "last_name": FieldKind.STRING,
    "gender": FieldKind.STRING,
    "birth_date": FieldKind.DATE,
    "age": FieldKind.INTEGER,
    "language": FieldKind.STRING,
    "country": FieldKind.STRING,
    "region": FieldKind.STRING,
    "city": FieldKind.STRING,
    "postal_code": FieldKind.STRING,
    "timezone": FieldKind.STRING,
    "location": FieldKind.GEO,
    "interests": FieldKind.TAGS,
    "lifestyle": FieldKind.TAGS,
    "values": FieldKind.TAGS,
    "created_at": FieldKind.DATETIME,
}

# Personal data is encrypted at rest (crm_common.crypto.pii): an email compares only for
# equality (through its keyed hash), a name only for presence. Domain targeting uses
# `email_domain`, kept in plaintext.
SEALED_FIELD_OPS: dict[str, frozenset[Op]] = {
    "email": frozenset({Op.EQ, Op.NEQ, *LIST_OPS, *PRESENCE_OPS}),
    "first_name": PRESENCE_OPS,
    "last_name": PRESENCE_OPS,
}


def field_operators(name: str, kind: FieldKind) -> frozenset[Op]:
    """The operators a contact field (or attribute, or event property) of `kind` takes."""
    if kind == FieldKind.STRING and name in SEALED_FIELD_OPS:
        return SEALED_FIELD_OPS[name]
    return OPERATORS_BY_KIND[kind]


ATTRIBUTE_PREFIX = "attributes."
# A custom attribute or event property key: letters, digits, `_` and `-` (no dots: keys are flat).
KEY_PATTERN = r"^[A-Za-z0-9_][A-Za-z0-9_-]{0,63}$"
KEY_RE = re.compile(KEY_PATTERN)
EVENT_TYPE_PATTERN = r"^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,63}$"
EVENT_TYPE_RE = re.compile(EVENT_TYPE_PATTERN)
# Event condition `where` fields that are event columns, not JSON properties.
EVENT_COLUMN_FIELDS: dict[str, FieldKind] = {"campaign_id": FieldKind.UUID}

GROUP_KEYS = ("all", "any", "not")
CRITERIA_KEYS = (
    "demographic_criteria",
    "behavioral_criteria",
    "geographic_criteria",
    "psychographic_criteria",
)

MAX_DEPTH = 8
MAX_NODES = 200  # conditions and groups in one criteria tree
MAX_LIST_ITEMS = 1000
MAX_TAGS = 100
MAX_WHERE = 10
MAX_STRING = 500
MAX_WITHIN_DAYS = 36500
MAX_COUNT = 1_000_000
MAX_RADIUS_KM = 20_040.0  # half the Earth's circumference
MAX_AGE = 150
# Custom attribute and event property numbers: far beyond any real amount or score, and far
# inside what Python, JSON and Postgres `numeric` hold exactly.
MAX_NUMBER = 10**15
# The budget of one body's four trees: every condition (behavioural ones and their `where`
# conditions included) costs one unit per value it holds, at least one; a `within_radius`
# costs RADIUS_UNITS (it binds a dozen parameters: bounding box and haversine terms). The
# heaviest body then binds about 6,400 parameters, so a campaign's audience over five such
# segments stays below the 32,767 a Postgres statement may carry.
MAX_VALUES = 1000
RADIUS_UNITS = 10
