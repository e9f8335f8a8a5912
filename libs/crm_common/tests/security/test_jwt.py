"""Bad tokens get 401 in the error format: expired, bad signature, alg none, HS/RS key
confusion, wrong issuer or audience, missing claims, a refresh token used as an access token."""

import base64
import dataclasses
import hashlib
import hmac
import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import APIRouter
from jose import jwt
from pydantic import SecretStr

from crm_common.app import create_service_app
from crm_common.errors import InvalidToken
from crm_common.security.jwt import TokenCodec, TokenType
from crm_common.security.principal import CurrentPrincipal
from crm_common.settings import Settings
from crm_common.testing.client import app_client

COMPANY = str(uuid.uuid4())
USER = str(uuid.uuid4())
CLAIMS = {"company_id": COMPANY, "roles": ["admin"]}


def _rsa_pair() -> tuple[str, str]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    public = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    return private, public


def _app(settings: Settings, resources):
    router = APIRouter()

    @router.get("/api/whoami")
    async def whoami(principal: CurrentPrincipal) -> dict:
        return {"user": str(principal.user_id), "company": str(principal.company_id)}

    # The app verifies with the codec of its resources: give it one for these settings.
    scoped = dataclasses.replace(resources, settings=settings, codec=TokenCodec(settings))
    return create_service_app(
        "jwt-probe", title="probe", routers=[router], settings=settings, resources=scoped
    )


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


async def _status(settings, resources, token: str | None) -> tuple[int, dict]:
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    async with app_client(_app(settings, resources)) as client:
        response = await client.get("/api/whoami", headers=headers)
    return response.status_code, response.json()


async def test_valid_access_token_is_accepted(settings, resources) -> None:
    token = TokenCodec(settings).encode(TokenType.ACCESS, USER, timedelta(minutes=5), CLAIMS)
    status, body = await _status(settings, resources, token)
    assert status == 200
    assert body == {"user": USER, "company": COMPANY}


def _payload(**overrides) -> dict:
    now = int(datetime.now(UTC).timestamp())
    base = {
        "sub": USER,
        "typ": "access",
        "iss": "crm-campaign-creation",
        "aud": "crm",
        "iat": now,
        "exp": now + 300,
        "jti": str(uuid.uuid4()),
        **CLAIMS,
    }
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


def _bad_tokens(settings: Settings) -> dict[str, str | None]:
    secret = settings.jwt_secret.get_secret_value()
    codec = TokenCodec(settings)
    private, _ = _rsa_pair()
    now = int(datetime.now(UTC).timestamp())
    return {
        "missing": None,
        "garbage": "not.a.jwt",
        "expired": jwt.encode(_payload(iat=now - 600, exp=now - 1), secret, algorithm="HS256"),
        "bad_signature": jwt.encode(
            _payload(), "another-secret-that-is-long-enough-123", algorithm="HS256"
        ),
        "alg_none": f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(_payload())}.",
        "rs256_on_hs_server": jwt.encode(_payload(), private, algorithm="RS256"),
        "hs512_other_alg": jwt.encode(_payload(), secret, algorithm="HS512"),
        "wrong_issuer": jwt.encode(_payload(iss="someone-else"), secret, algorithm="HS256"),
        "wrong_audience": jwt.encode(_payload(aud="other-app"), secret, algorithm="HS256"),
        "no_exp": jwt.encode(_payload(exp=None), secret, algorithm="HS256"),
        "no_type": jwt.encode(_payload(typ=None), secret, algorithm="HS256"),
        "refresh_as_access": codec.encode(TokenType.REFRESH, USER, timedelta(hours=1), CLAIMS),
        "ws_ticket_as_access": codec.encode(
            TokenType.WS_TICKET, USER, timedelta(seconds=30), CLAIMS
        ),
        "no_company": jwt.encode(_payload(company_id=None), secret, algorithm="HS256"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "missing",
        "garbage",
        "expired",
        "bad_signature",
        "alg_none",
        "rs256_on_hs_server",
        "hs512_other_alg",
        "wrong_issuer",
        "wrong_audience",
        "no_exp",
        "no_type",
        "refresh_as_access",
        "ws_ticket_as_access",
        "no_company",
    ],
)
async def test_bad_token_is_401_in_error_format(settings, resources, case: str) -> None:
    status, body = await _status(settings, resources, _bad_tokens(settings)[case])
    assert status == 401
    assert set(body) == {"error_code", "message", "details"}
    assert body["error_code"] in {"not_authenticated", "invalid_token"}


async def test_hs_token_signed_with_the_rsa_public_key_is_refused(settings, resources) -> None:
    """Key confusion: a server verifying RS256 must not accept HS256 keyed with its public key."""
    private, public = _rsa_pair()
    rs_settings = settings.model_copy(
        update={
            "jwt_algorithm": "RS256",
            "jwt_private_key": SecretStr(private),
            "jwt_public_key": public,
        }
    )
    good = TokenCodec(rs_settings).encode(TokenType.ACCESS, USER, timedelta(minutes=5), CLAIMS)
    header = _b64({"alg": "HS256", "typ": "JWT"})
    body = _b64(_payload())
    signature = (
        base64.urlsafe_b64encode(
            hmac.new(public.encode(), f"{header}.{body}".encode(), hashlib.sha256).digest()
        )
        .rstrip(b"=")
        .decode()
    )
    confused = f"{header}.{body}.{signature}"

    assert (await _status(rs_settings, resources, good))[0] == 200
    assert (await _status(rs_settings, resources, confused))[0] == 401


def test_jwks_publishes_the_public_key_only_for_asymmetric_algorithms(settings) -> None:
    private, public = _rsa_pair()
    rs = settings.model_copy(
        update={
            "jwt_algorithm": "RS256",
            "jwt_private_key": SecretStr(private),
            "jwt_public_key": public,
        }
    )
    keys = TokenCodec(rs).keys.jwks()["keys"]
    assert len(keys) == 1
    assert keys[0]["kty"] == "RSA"
    assert "d" not in keys[0]
    assert TokenCodec(settings).keys.jwks() == {"keys": []}


def test_an_access_token_is_verified_once_per_process_and_only_for_itself(settings) -> None:
    """The rate limiter, the principal and a client's next requests share one verification
    of a token; another token is verified on its own, and a forged one always fails."""
    codec = TokenCodec(settings)
    calls: list[str] = []
    verify = codec.decode

    def counting(token: str, expected: TokenType) -> dict:
        calls.append(token)
        return verify(token, expected)

    codec.decode = counting  # type: ignore[method-assign]
    first = codec.encode(TokenType.ACCESS, USER, timedelta(minutes=5), CLAIMS)
    second = codec.encode(TokenType.ACCESS, str(uuid.uuid4()), timedelta(minutes=5), CLAIMS)

    assert codec.decode_access(first)["sub"] == USER
    assert codec.decode_access(first)["sub"] == USER
    assert calls == [first]
    assert codec.decode_access(second)["sub"] != USER
    assert calls == [first, second]
    forged = first[:-4] + ("AAAA" if not first.endswith("AAAA") else "BBBB")
    for _ in range(2):
        with pytest.raises(InvalidToken):
            codec.decode_access(forged)
    assert calls == [first, second, forged, forged]


def test_a_remembered_token_is_verified_again_once_expired(settings, monkeypatch) -> None:
    """Past its `exp` a remembered token goes back to the full verification (which refuses
    it); before, it is not verified again."""
    codec = TokenCodec(settings)
    token = codec.encode(TokenType.ACCESS, USER, timedelta(seconds=60), CLAIMS)
    assert codec.decode_access(token)["sub"] == USER
    expires = jwt.get_unverified_claims(token)["exp"]
    calls: list[str] = []

    def expired(token: str, expected: TokenType) -> dict:
        calls.append(token)
        raise InvalidToken()

    codec.decode = expired  # type: ignore[method-assign]
    assert codec.decode_access(token)["sub"] == USER
    assert calls == []

    monkeypatch.setattr("crm_common.security.jwt.time.time", lambda: expires + 1.0)

    with pytest.raises(InvalidToken):
        codec.decode_access(token)
    assert calls == [token]


def test_the_remembered_tokens_are_bounded(settings, monkeypatch) -> None:
    monkeypatch.setattr("crm_common.security.jwt.VERIFIED_TOKENS_KEPT", 3)
    codec = TokenCodec(settings)
    tokens = [
        codec.encode(TokenType.ACCESS, str(uuid.uuid4()), timedelta(minutes=5), CLAIMS)
        for _ in range(5)
    ]
    for token in tokens:
        codec.decode_access(token)
    assert list(codec._verified) == tokens[2:]


def test_a_refresh_token_is_never_taken_as_an_access_token(settings) -> None:
    codec = TokenCodec(settings)
    refresh = codec.encode(TokenType.REFRESH, USER, timedelta(minutes=5), CLAIMS)
    for _ in range(2):
        with pytest.raises(InvalidToken):
            codec.decode_access(refresh)
