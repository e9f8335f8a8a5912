"""Sample buckets: every contact, and each of its events, belongs to one of 1024 buckets.

The bucket is the last ten bits of the contact id, stored as the generated column
`sample_bucket` of crm_contacts and crm_contact_events (migration 0003). A new contact's id is
random (UUID v4) but for those ten bits, which hash its company and external id: a uniform
bucket that has nothing to do with the contact's profile or behaviour, and that is known before
the row exists, so writers can insert a batch in bucket order (see `new_contact_id`). The
contacts in buckets below k are a uniform random sample of the tenant with inclusion
probability k/1024 — the same sample on every call, so successive estimates of a segment being
edited differ only by what the edit changed.

Where the rows of the low buckets lie decides what a sampled read costs: spread over every page
(about 13 contacts a page), a 10 % sample touches ~75 % of the pages; in bucket order, ~10 %.
Batch writers therefore insert in bucket order, and migration 0003 clusters the existing
contacts by (company_id, sample_bucket).
"""

from __future__ import annotations

import hashlib
import math
import uuid
from dataclasses import dataclass

SAMPLE_BUCKETS = 1024
SAMPLE_BUCKET_SQL = (
    "((get_byte(uuid_send({column}), 14) & 3) * 256 + get_byte(uuid_send({column}), 15))::smallint"
)
"""The generated column's expression over a uuid column (`{column}`)."""

# 1.96: the two-sided 95 % quantile of the normal distribution.
Z_95 = 1.96
# With no match in the sample, the 95 % upper bound of a proportion is about 3 / n (the rule
# of three); scaled like every other count it becomes 3 / fraction.
RULE_OF_THREE = 3.0


def sample_bucket(contact_id: uuid.UUID) -> int:
    """The bucket of a contact: what SAMPLE_BUCKET_SQL computes in Postgres."""
    raw = contact_id.bytes
    return (raw[14] & 3) * 256 + raw[15]


def new_contact_id(company_id: uuid.UUID, external_id: str) -> uuid.UUID:
    """A fresh random contact id whose bucket is a hash of (company, external id)."""
    digest = hashlib.blake2b(company_id.bytes + external_id.encode(), digest_size=2).digest()
    bucket = int.from_bytes(digest, "big") & (SAMPLE_BUCKETS - 1)
    return uuid.UUID(int=(uuid.uuid4().int & ~(SAMPLE_BUCKETS - 1)) | bucket)


def buckets_for(population: int, target: int) -> int:
    """How many buckets hold about `target` of `population` contacts (all of them when the
    population is not larger than the target)."""
    if population <= target or target <= 0:
        return SAMPLE_BUCKETS
    return max(1, min(SAMPLE_BUCKETS, math.ceil(SAMPLE_BUCKETS * target / population)))


@dataclass(frozen=True)
class Scaled:
    """A count over the sample scaled to the whole tenant, with its 95 % interval."""

    value: int
    low: int
    high: int


def scale(observed: int, buckets: int) -> Scaled:
    """Scale a count over `buckets` of the 1024 buckets to the tenant (Horvitz-Thompson): every
    contact is in the sample with probability q = buckets/1024, so observed/q is unbiased with
    variance observed·(1-q)/q². Exact (an interval of width 0) when every bucket was read."""
    if buckets >= SAMPLE_BUCKETS:
        return Scaled(observed, observed, observed)
    fraction = buckets / SAMPLE_BUCKETS
    value = observed / fraction
    if observed == 0:
        return Scaled(0, 0, math.ceil(RULE_OF_THREE / fraction))
    margin = Z_95 * math.sqrt(observed * (1 - fraction)) / fraction
    # The sample's own matches are certain, so the tenant has at least that many.
    return Scaled(
        round(value), max(observed, math.floor(value - margin)), math.ceil(value + margin)
    )
