"""Sample buckets and the scaling of sampled counts."""

import uuid

from crm_common.sampling import SAMPLE_BUCKETS, buckets_for, new_contact_id, sample_bucket, scale


def test_the_bucket_is_the_last_ten_bits_of_the_id() -> None:
    assert sample_bucket(uuid.UUID(int=0x3FF)) == 1023
    assert sample_bucket(uuid.UUID(int=(0xABCDEF << 10) | 517)) == 517
    buckets = {sample_bucket(uuid.uuid4()) for _ in range(20_000)}
    assert buckets == set(range(SAMPLE_BUCKETS))


def test_buckets_hold_about_the_target() -> None:
    assert buckets_for(1_000_000, 100_000) == 103
    assert buckets_for(100_000_000, 100_000) == 2
    assert buckets_for(10**12, 100_000) == 1
    assert buckets_for(100_000, 100_000) == SAMPLE_BUCKETS
    assert buckets_for(5_000_000, 0) == SAMPLE_BUCKETS  # sampling off


def test_every_bucket_read_is_exact() -> None:
    scaled = scale(1234, SAMPLE_BUCKETS)
    assert (scaled.value, scaled.low, scaled.high) == (1234, 1234, 1234)


def test_a_sampled_count_is_scaled_with_its_interval() -> None:
    result = scale(10_000, 128)  # an eighth of the buckets
    assert result.value == 80_000
    # 1.96 · sqrt(10,000 · 7/8) · 8 = 1466.9
    assert (result.low, result.high) == (78_533, 81_467)


def test_the_interval_never_drops_below_what_the_sample_saw() -> None:
    result = scale(1, 512)
    assert (result.value, result.low) == (2, 1)


def test_nothing_seen_is_bounded_by_the_rule_of_three() -> None:
    result = scale(0, 32)
    assert (result.value, result.low, result.high) == (0, 0, 96)


def test_a_new_contact_id_is_random_but_its_bucket_follows_the_external_id() -> None:
    company, other = uuid.uuid4(), uuid.uuid4()
    first, second = new_contact_id(company, "C-1"), new_contact_id(company, "C-1")
    assert first != second
    assert first.version == second.version == 4
    assert sample_bucket(first) == sample_bucket(second)
    buckets = {sample_bucket(new_contact_id(company, f"C-{n}")) for n in range(20_000)}
    assert buckets == set(range(SAMPLE_BUCKETS))
    # Another company's contact with the same external id lands elsewhere (almost always).
    elsewhere = [
        sample_bucket(new_contact_id(other, f"C-{n}"))
        != sample_bucket(new_contact_id(company, f"C-{n}"))
        for n in range(100)
    ]
    assert sum(elsewhere) > 90
