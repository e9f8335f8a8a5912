"""Sealing, keyed hashes and KEK wrapping without a database."""

import base64
import os
import uuid

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from crm_common.crypto import envelope
from crm_common.crypto.kek import KeyUnavailable, LocalKeyProvider, provider_from_settings
from crm_common.crypto.keyring import PiiCipher, UnknownKeyVersion
from crm_common.settings import Settings, SettingsError

COMPANY = uuid.UUID("00000000-0000-0000-0000-00000000000a")
ROW = uuid.UUID("00000000-0000-0000-0000-0000000000b1")


def cipher(company: uuid.UUID = COMPANY, versions: tuple[int, ...] = (1,)) -> PiiCipher:
    keys = {version: AESGCM(bytes([version]) * 32) for version in versions}
    return PiiCipher(company, max(versions), keys, b"h" * 32)


def test_a_sealed_value_opens_for_its_company_column_and_row_only() -> None:
    sealed = cipher().seal("crm_contacts.email", ROW, "jane@example.com")

    assert sealed is not None
    assert b"jane" not in sealed
    assert cipher().open("crm_contacts.email", ROW, sealed) == "jane@example.com"
    for other in (
        lambda: cipher().open("crm_contacts.phone", ROW, sealed),
        lambda: cipher().open("crm_contacts.email", uuid.uuid4(), sealed),
        lambda: cipher(uuid.uuid4()).open("crm_contacts.email", ROW, sealed),
    ):
        with pytest.raises(envelope.UndecryptableValue):
            other()


def test_the_same_value_seals_differently_each_time() -> None:
    first = cipher().seal("crm_contacts.email", ROW, "a@b.test")
    second = cipher().seal("crm_contacts.email", ROW, "a@b.test")

    assert first != second


def test_a_value_carries_its_key_version_and_older_versions_still_open() -> None:
    old = cipher(versions=(1,)).seal("crm_contacts.first_name", ROW, "Ann")
    rotated = cipher(versions=(1, 2))
    new = rotated.seal("crm_contacts.first_name", ROW, "Ann")

    assert old is not None
    assert new is not None
    assert (envelope.key_version(old), envelope.key_version(new)) == (1, 2)
    assert rotated.open("crm_contacts.first_name", ROW, old) == "Ann"
    with pytest.raises(UnknownKeyVersion):
        cipher(versions=(1,)).open("crm_contacts.first_name", ROW, new)


def test_keyed_hashes_are_equal_for_equal_values_and_keyed_by_company() -> None:
    one = cipher().hash("jane@example.com")
    assert one == cipher().hash("jane@example.com")
    assert one != cipher().hash("john@example.com")
    other_key = PiiCipher(COMPANY, 1, {1: AESGCM(b"k" * 32)}, b"x" * 32)
    assert other_key.hash("jane@example.com") != one
    assert one is not None
    assert len(one) == envelope.HASH_BYTES


def test_a_kek_wraps_and_a_previous_kek_still_unwraps() -> None:
    old, new = os.urandom(32), os.urandom(32)
    data_key = os.urandom(32)
    wrapped = LocalKeyProvider(old).wrap(data_key)

    assert data_key not in wrapped
    rotated = LocalKeyProvider(new, (old,))
    assert rotated.unwrap(wrapped) == data_key
    assert rotated.unwrap(rotated.wrap(data_key)) == data_key
    with pytest.raises(KeyUnavailable):
        LocalKeyProvider(new).unwrap(wrapped)
    tampered = wrapped[:-1] + bytes([wrapped[-1] ^ 1])
    with pytest.raises(KeyUnavailable):
        rotated.unwrap(tampered)


def test_production_refuses_to_start_without_a_kek() -> None:
    secrets = {"jwt_secret": "j" * 40, "tracking_secret": "t" * 40}
    with pytest.raises(SettingsError, match="CRM_KEK"):
        Settings(env="prod", **secrets).check_production()  # type: ignore[arg-type]
    with pytest.raises(SettingsError, match="CRM_KEK"):
        provider_from_settings(Settings(env="prod"))


def test_a_kek_must_be_32_bytes_of_base64() -> None:
    with pytest.raises(SettingsError, match="CRM_KEK"):
        provider_from_settings(Settings(kek="not base64!"))
    with pytest.raises(SettingsError, match="32 bytes"):
        provider_from_settings(Settings(kek=base64.b64encode(b"short").decode()))
    key = base64.b64encode(os.urandom(32)).decode()
    previous = base64.b64encode(os.urandom(32)).decode()
    provider = provider_from_settings(Settings(kek=key, kek_previous=previous))
    assert provider.unwrap(provider.wrap(b"d" * 32)) == b"d" * 32


def test_outside_production_a_development_kek_stands_in() -> None:
    one = provider_from_settings(Settings(env="dev"))
    two = provider_from_settings(Settings(env="test"))

    assert one.current_kek_id == two.current_kek_id
    assert two.unwrap(one.wrap(b"d" * 32)) == b"d" * 32
