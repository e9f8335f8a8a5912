"""GET /api/auth/.well-known/jwks.json: other CRM modules verify our tokens with it."""

from datetime import timedelta

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jose import jwt
from jose.exceptions import JWTError
from pydantic import SecretStr

from campaign_api.main import create_app
from crm_common.resources import Resources
from crm_common.security.jwt import TokenCodec, TokenType
from crm_common.testing.builders import TEST_PASSWORD, make_user
from crm_common.testing.client import app_client


def _pem_pair(private_key) -> tuple[str, str]:
    private = private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    public = (
        private_key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    return private, public


def _asymmetric(settings, resources, algorithm, private_key) -> tuple[Resources, object]:
    private, public = _pem_pair(private_key)
    signed = settings.model_copy(
        update={
            "jwt_algorithm": algorithm,
            "jwt_private_key": SecretStr(private),
            "jwt_public_key": public,
        }
    )
    shared = Resources(
        settings=signed, db=resources.db, redis=resources.redis, codec=TokenCodec(signed)
    )
    return shared, create_app(signed, shared)


async def _sign_in(client, email):
    response = await client.post(
        "/api/auth/token", data={"username": email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 200
    return response.json()["access_token"]


async def test_shared_secret_publishes_no_keys(client, db) -> None:
    response = await client.get("/api/auth/.well-known/jwks.json")

    assert response.status_code == 200
    assert response.json() == {"keys": []}


@pytest.mark.parametrize(
    ("algorithm", "make_key"),
    [
        ("RS256", lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048)),
        ("ES256", lambda: ec.generate_private_key(ec.SECP256R1())),
    ],
)
async def test_published_key_verifies_an_issued_access_token(
    settings, resources, db, acme, algorithm, make_key
) -> None:
    user = await make_user(db, acme, "marketing_analyst", email="a@acme.test")
    _shared, app = _asymmetric(settings, resources, algorithm, make_key())

    async with app_client(app) as client:
        token = await _sign_in(client, "a@acme.test")
        jwks = (await client.get("/api/auth/.well-known/jwks.json")).json()
        me = await client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})

    assert me.status_code == 200
    [key] = jwks["keys"]
    assert key["alg"] == algorithm
    assert key["use"] == "sig"
    assert jwt.get_unverified_header(token)["kid"] == key["kid"]
    assert "d" not in key  # never the private part
    claims = jwt.decode(
        token,
        key,
        algorithms=[algorithm],
        audience=settings.jwt_audience,
        issuer=settings.jwt_issuer,
    )
    assert claims["sub"] == str(user.id)
    assert claims["company_id"] == str(acme.id)


async def test_published_key_rejects_a_token_signed_by_another_key(settings, resources, db) -> None:
    _, app = _asymmetric(
        settings, resources, "RS256", rsa.generate_private_key(public_exponent=65537, key_size=2048)
    )
    impostor = TokenCodec(
        settings.model_copy(
            update={
                "jwt_algorithm": "RS256",
                "jwt_private_key": SecretStr(
                    _pem_pair(rsa.generate_private_key(public_exponent=65537, key_size=2048))[0]
                ),
                "jwt_public_key": "unused",
            }
        )
    )
    forged = impostor.encode(TokenType.ACCESS, "someone", timedelta(minutes=5), {"company_id": "x"})

    async with app_client(app) as client:
        [key] = (await client.get("/api/auth/.well-known/jwks.json")).json()["keys"]

    with pytest.raises(JWTError):
        jwt.decode(
            forged,
            key,
            algorithms=["RS256"],
            audience=settings.jwt_audience,
            issuer=settings.jwt_issuer,
        )
