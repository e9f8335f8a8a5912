"""Open connections follow their session: a re-check closes a connection whose session
ended (4401) and applies the user's current roles to one whose roles changed."""

from datetime import UTC, datetime

from sqlalchemy import delete, update

from crm_common.models import RefreshToken, UserRole
from crm_common.security.principal import principal_from_claims
from crm_common.testing.builders import make_live_session
from notify_gateway.ws.client import Client
from notify_gateway.ws.protocol import CloseCode
from notify_gateway.ws.revocation import SessionWatch


async def _connected(db, resources, *roles):
    """A client of a user with one live session, as the gateway holds it after `auth`."""
    company, user, family = await make_live_session(db, *roles)
    claims = {
        "sub": str(user.id),
        "company_id": str(company.id),
        "roles": list(roles),
        "sid": family,
    }
    return company, user, Client(principal_from_claims(claims), 16)


def _watch(resources) -> SessionWatch:
    return SessionWatch(hub=None, sessions=resources.sessions, recheck_interval_s=15)


async def test_recheck_closes_a_connection_whose_session_ended(db, resources) -> None:
    _company, user, client = await _connected(db, resources, "finance")
    await _watch(resources).recheck([client])
    assert client.close_code is None

    async with db.system_session() as session:
        await session.execute(update(RefreshToken).values(revoked_at=datetime.now(UTC)))
    await resources.sessions.sessions_revoked([client.principal.session_id], user.id)
    await _watch(resources).recheck([client])

    assert client.close_code == CloseCode.UNAUTHENTICATED


async def test_recheck_applies_the_current_roles(db, resources) -> None:
    company, user, client = await _connected(db, resources, "finance")
    assert client.view_budget

    async with db.system_session() as session:
        await session.execute(delete(UserRole).where(UserRole.user_id == user.id))
        session.add(UserRole(company_id=company.id, user_id=user.id, role_name="sales"))
    await resources.sessions.user_changed(user.id)
    await _watch(resources).recheck([client])

    assert client.close_code is None
    assert client.principal.roles == frozenset({"sales"})
    assert not client.view_budget


async def test_recheck_closes_a_deactivated_users_connection(db, resources) -> None:
    _company, user, client = await _connected(db, resources, "marketing_manager")

    async with db.system_session() as session:
        await session.execute(
            update(type(user)).where(type(user).id == user.id).values(is_active=False)
        )
    await resources.sessions.user_changed(user.id)
    await _watch(resources).recheck([client])

    assert client.close_code == CloseCode.UNAUTHENTICATED
