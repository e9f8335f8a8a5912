"""Property: for random rule trees over a small random audience, the contacts Postgres selects
with the compiled SQL are exactly those the plain-Python evaluator accepts."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from crm_common.crypto import pii, rotation
from crm_common.db import Database
from crm_common.models import Company, Contact, ContactEvent
from crm_common.sampling import SAMPLE_BUCKETS, sample_bucket
from crm_common.segments import parse_criteria, validate_criteria
from crm_common.segments.compiler import CompileContext, compile_criteria, compile_node, walk
from segment_engine.rules.evaluator import evaluate, evaluate_criteria

from .conftest import NOW

# Small domains so that random conditions and random contacts actually meet.
WORDS = ["a", "ab", "B", "Ab_", "x%", ""]
TAGS = ["t1", "t2", "t3"]
COUNTRIES = ["US", "DE", "FR"]
EVENTS = ["buy", "view"]
DAYS = [date(1960, 2, 29), date(1990, 6, 15), date(1990, 6, 16), date(2005, 1, 1)]
RADII_KM = [1, 20, 40, 80]
# Degrees of latitude just inside and just outside each radius.
EDGE_OFFSETS = st.sampled_from(
    [
        sign * km / 111.195 * factor
        for km in RADII_KM
        for factor in (0.98, 0.9999, 1.0001, 1.02)
        for sign in (-1, 1)
    ]
)
CENTRES = [(40.0, -74.0), (40.2, -74.1), (-16.4, 179.95), (-16.4, -179.95)]

maybe = st.none().__or__
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from([0.5, 1.0, 2.25, -1.5]),
    st.sampled_from([*WORDS, "1", "true"]),
)
attribute_maps = st.dictionaries(st.sampled_from(["k", "n"]), json_scalars, max_size=2)


@st.composite
def contacts(draw: st.DrawFn) -> dict[str, Any]:
    centre = draw(maybe(st.sampled_from(CENTRES)))
    # Independent offsets, often zero on one axis, so points sit near every edge of a radius.
    lat_offset = draw(st.one_of(st.just(0.0), EDGE_OFFSETS, st.floats(-0.8, 0.8)))
    lon_offset = draw(st.one_of(st.just(0.0), EDGE_OFFSETS, st.floats(-0.8, 0.8)))
    return {
        "email": draw(maybe(st.sampled_from(["a@x.io", "ab@x.io", "b@y.io", "x%y@z.io"]))),
        "first_name": draw(maybe(st.sampled_from(WORDS))),
        "gender": draw(maybe(st.sampled_from(["female", "male"]))),
        "country": draw(maybe(st.sampled_from(COUNTRIES))),
        "city": draw(maybe(st.sampled_from(WORDS))),
        "birth_date": draw(maybe(st.sampled_from(DAYS))),
        "latitude": None if centre is None else centre[0] + lat_offset,
        "longitude": None if centre is None else max(-180.0, min(180.0, centre[1] + lon_offset)),
        "interests": draw(st.lists(st.sampled_from(TAGS), unique=True, max_size=3)),
        "values": draw(st.lists(st.sampled_from(TAGS), unique=True, max_size=2)),
        "attributes": draw(attribute_maps),
        "created_at": NOW - timedelta(days=draw(st.sampled_from([0, 0.5, 1, 1.5, 3, 10]))),
    }


@st.composite
def events(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "event_type": draw(st.sampled_from(EVENTS)),
        "occurred_at": NOW - timedelta(days=draw(st.sampled_from([0.2, 1, 2.5, 6, 20, 45]))),
        "properties": draw(attribute_maps),
    }


def condition(field: str, op: str, value: Any = None) -> dict[str, Any]:
    rule: dict[str, Any] = {"field": field, "op": op}
    if value is not None:
        rule["value"] = value
    return rule


string_ops = st.sampled_from(["eq", "neq", "contains", "starts_with"])
presence = st.sampled_from(["is_set", "is_not_set"])


@st.composite
def field_conditions(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(
        st.sampled_from(["string", "list", "age", "date", "created", "geo", "tags", "json"])
    )
    if kind == "string":
        field = draw(st.sampled_from(["email", "email_domain", "first_name", "city", "country"]))
        # Sealed fields: an email compares for equality (by keyed hash), a name for presence.
        ops = {"email": st.sampled_from(["eq", "neq"]), "first_name": presence}
        op = draw(st.one_of(ops.get(field, string_ops), presence))
        values = ["A@x.io", "a@X.IO", "female", "US"] + [w for w in WORDS if w]
        return condition(field, op, None if op.startswith("is_") else draw(st.sampled_from(values)))
    if kind == "list":
        field = draw(st.sampled_from(["country", "email"]))
        values = draw(
            st.lists(st.sampled_from([*COUNTRIES, "A@X.io", "b@y.io"]), min_size=1, max_size=3)
        )
        return condition(field, draw(st.sampled_from(["in", "not_in"])), values)
    if kind == "age":
        op = draw(
            st.sampled_from(
                ["eq", "neq", "lt", "lte", "gt", "gte", "between", "in", "not_in", "is_set"]
            )
        )
        ages = [19, 20, 34, 35, 64, 65]
        if op == "between":
            low, high = sorted(draw(st.lists(st.sampled_from(ages), min_size=2, max_size=2)))
            return condition("age", op, [low, high])
        if op in ("in", "not_in"):
            return condition(
                "age", op, draw(st.lists(st.sampled_from(ages), min_size=1, max_size=3))
            )
        return condition("age", op, None if op == "is_set" else draw(st.sampled_from(ages)))
    if kind == "date":
        op = draw(st.sampled_from(["eq", "neq", "lt", "lte", "gt", "gte"]))
        return condition("birth_date", op, draw(st.sampled_from(DAYS)).isoformat())
    if kind == "created":
        op = draw(st.sampled_from(["eq", "neq", "lt", "lte", "gt", "gte", "between"]))
        days = [(NOW - timedelta(days=d)).date().isoformat() for d in (0, 1, 2, 3)]
        instants = [(NOW - timedelta(days=d)).isoformat() for d in (0, 0.5, 1.5)]
        pick = st.sampled_from(days + instants)
        if op == "between":
            pair = [draw(pick), draw(pick)]
            if validate_criteria({"demographic_criteria": condition("created_at", op, pair)}):
                pair.reverse()
            return condition("created_at", op, pair)
        return condition("created_at", op, draw(pick))
    if kind == "geo":
        lat, lon = draw(st.sampled_from(CENTRES))
        km = draw(st.sampled_from([*RADII_KM, 20040]))
        return condition("location", "within_radius", {"lat": lat, "lon": lon, "km": km})
    if kind == "tags":
        field = draw(st.sampled_from(["interests", "values"]))
        op = draw(
            st.sampled_from(
                ["contains_any", "contains_all", "contains_none", "is_set", "is_not_set"]
            )
        )
        if op.startswith("is_"):
            return condition(field, op)
        return condition(field, op, draw(st.lists(st.sampled_from(TAGS), min_size=1, max_size=2)))
    return json_condition(draw, f"attributes.{draw(st.sampled_from(['k', 'n']))}")


def json_condition(draw: st.DrawFn, field: str) -> dict[str, Any]:
    op = draw(
        st.sampled_from(
            [
                "eq",
                "neq",
                "in",
                "not_in",
                "lt",
                "lte",
                "gt",
                "gte",
                "between",
                "contains",
                "starts_with",
                "is_set",
                "is_not_set",
            ]
        )
    )
    if op.startswith("is_"):
        return condition(field, op)
    if op in ("contains", "starts_with"):
        return condition(field, op, draw(st.sampled_from([w for w in WORDS if w] + ["1", "tr"])))
    numbers = st.sampled_from([-1, 0, 1, 0.5, 2.25, 3])
    strings = st.sampled_from(["a", "ab", "B", "1", "true"])
    if op in ("eq", "neq"):
        return condition(field, op, draw(st.one_of(numbers, strings, st.booleans())))
    if op in ("in", "not_in"):
        return condition(
            field,
            op,
            draw(st.lists(st.one_of(numbers, strings, st.booleans()), min_size=1, max_size=3)),
        )
    ordered = draw(st.sampled_from([numbers, strings]))
    if op == "between":
        return condition(field, op, sorted(draw(st.lists(ordered, min_size=2, max_size=2))))
    return condition(field, op, draw(ordered))


@st.composite
def event_conditions(draw: st.DrawFn) -> dict[str, Any]:
    rule: dict[str, Any] = {"event": draw(st.sampled_from(EVENTS))}
    window = draw(st.sampled_from(["none", "days", "between"]))
    if window == "days":
        rule["within_days"] = draw(st.sampled_from([1, 3, 7, 30]))
    elif window == "between":
        start = draw(st.sampled_from([2, 7, 30, 60]))
        rule["between"] = [
            (NOW - timedelta(days=start)).date().isoformat(),
            (NOW - timedelta(days=draw(st.sampled_from([0, 1, 2])))).date().isoformat(),
        ]
    if window != "none" and draw(st.booleans()):
        rule["occurrence"] = draw(st.sampled_from(["first", "last"]))
    elif draw(st.booleans()):
        op = draw(st.sampled_from(["eq", "neq", "lt", "lte", "gt", "gte", "between"]))
        if op == "between":
            rule["count"] = {
                "op": op,
                "value": sorted(draw(st.lists(st.integers(0, 3), min_size=2, max_size=2))),
            }
        else:
            rule["count"] = {"op": op, "value": draw(st.integers(0, 3))}
    if draw(st.booleans()):
        rule["where"] = [json_condition(draw, draw(st.sampled_from(["k", "n"])))]
    return rule


trees = st.recursive(
    st.one_of(field_conditions(), event_conditions()),
    lambda children: st.one_of(
        st.builds(lambda items: {"all": items}, st.lists(children, min_size=1, max_size=3)),
        st.builds(lambda items: {"any": items}, st.lists(children, min_size=1, max_size=3)),
        st.builds(lambda child: {"not": child}, children),
    ),
    max_leaves=6,
)
criteria_bodies = st.fixed_dictionaries(
    {"demographic_criteria": trees},
    optional={"behavioral_criteria": trees, "psychographic_criteria": trees},
)


async def load(
    db: Database, people: list[tuple[dict[str, Any], list[dict[str, Any]]]]
) -> uuid.UUID:
    company = Company(name="Prop", slug=f"prop-{uuid.uuid4().hex[:12]}", settings={})
    async with db.system_session() as session:
        session.add(company)
        await session.flush()
        for index, (fields, history) in enumerate(people):
            contact = Contact(company_id=company.id, external_id=f"p{index}", **fields)
            session.add(contact)
            await session.flush()
            for number, event in enumerate(history):
                session.add(
                    ContactEvent(
                        company_id=company.id,
                        event_id=f"e{index}-{number}",
                        contact_id=contact.id,
                        **event,
                    )
                )
    await rotation.reencrypt_company(db, company.id)  # sealed, as the API writes them
    return company.id


def as_event(event: ContactEvent) -> dict[str, Any]:
    return {
        "event_type": event.event_type,
        "occurred_at": event.occurred_at,
        "properties": event.properties,
        "campaign_id": event.campaign_id,
    }


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    people=st.lists(st.tuples(contacts(), st.lists(events(), max_size=5)), min_size=3, max_size=12),
    bodies=st.lists(criteria_bodies, min_size=1, max_size=3),
    buckets=st.integers(1, SAMPLE_BUCKETS - 1),
)
async def test_sql_equals_python_on_random_trees(
    db: Database,
    people: list[tuple[dict[str, Any], list[dict[str, Any]]]],
    bodies: list[dict[str, Any]],
    buckets: int,
) -> None:
    """Every node of every tree — not only the whole criteria — selects the same contacts;
    compiled for a sample, the criteria select exactly the matching contacts of the sample."""
    company_id = await load(db, people)
    async with db.tenant_session(company_id) as session:
        hasher = (await pii.cipher_for(session, company_id)).hash
        ctx = CompileContext(company_id, NOW, hasher=hasher)
        sampled = CompileContext(company_id, NOW, sample_buckets=buckets, hasher=hasher)
        rows = (await session.execute(select(Contact))).scalars().all()
        history = (await session.execute(select(ContactEvent))).scalars().all()
        plain = await pii.open_contact_objects(session, company_id, rows)
        records = {record["id"]: record for record in plain}
        events_of = {
            row.id: [as_event(e) for e in history if e.contact_id == row.id] for row in rows
        }
        for body in bodies:
            criteria = parse_criteria(body)
            nodes = [node for _, tree in criteria.trees() for node in walk(tree)]
            columns = [compile_node(node, ctx).label(f"n{i}") for i, node in enumerate(nodes)]
            columns.append(compile_criteria(criteria, ctx).label("whole"))
            columns.append(compile_criteria(criteria, sampled).label("sampled"))
            statement = select(Contact.id, *columns).where(Contact.company_id == company_id)
            for result in await session.execute(statement):
                record, contact_events = records[result.id], events_of[result.id]
                for index, node in enumerate(nodes):
                    expected = evaluate(node, record, contact_events, NOW)
                    assert result[index + 1] is expected, (node, record, contact_events)
                whole = evaluate_criteria(criteria, record, contact_events, NOW)
                assert result.whole is whole, (body, record)
                in_sample = sample_bucket(result.id) < buckets
                assert result.sampled is (whole and in_sample), (body, record, buckets)
