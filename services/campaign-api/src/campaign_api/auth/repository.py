"""Queries of sign-in and sessions: users, their roles and the refresh-token chain."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.models import Company, RefreshToken, User, UserRole
from crm_common.tenancy import TenantScope


@dataclass(frozen=True)
class Account:
    """What sign-in needs to know about a user, read before the tenant is known."""

    user_id: uuid.UUID
    company_id: uuid.UUID
    password_hash: str
    user_active: bool
    company_active: bool


@dataclass(frozen=True)
class RevokedTokens:
    """How many tokens a revocation ended, and the sessions (families) they belonged to."""

    count: int
    session_ids: frozenset[uuid.UUID]


async def find_account(session: AsyncSession, email: str) -> Account | None:
    """The account signing in as `email` (case-insensitive), in any company. The one
    cross-tenant lookup of the service: it runs in the system session, before sign-in."""
    statement = (
        select(User.id, User.company_id, User.password_hash, User.is_active, Company.is_active)
        .join(Company, Company.id == User.company_id)
        .where(func.lower(User.email) == email.strip().lower())
    )
    row = (await session.execute(statement)).one_or_none()
    if row is None:
        return None
    return Account(row[0], row[1], row[2], row[3], row[4])


async def get_user(
    scope: TenantScope, user_id: uuid.UUID, *, for_update: bool = False
) -> User | None:
    """One user of the company; `for_update` takes a FOR NO KEY UPDATE row lock (audit rows
    may still reference the user through their foreign key meanwhile)."""
    statement = scope.select(User, User.id == user_id)
    if for_update:
        statement = statement.with_for_update(key_share=True)
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def get_company(scope: TenantScope) -> Company | None:
    """The scope's company."""
    statement = select(Company).where(Company.id == scope.company_id)
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def role_names(scope: TenantScope, user_id: uuid.UUID) -> list[str]:
    """The user's role names, sorted."""
    statement = scope.select(UserRole, UserRole.user_id == user_id).order_by(UserRole.role_name)
    return [role.role_name for role in await scope.all(statement)]


def add_refresh_token(scope: TenantScope, token: RefreshToken) -> RefreshToken:
    """Stage a new refresh token of the scope's company."""
    return scope.add(token)


async def claim_refresh_token(scope: TenantScope, jti: uuid.UUID, now: datetime) -> Any | None:
    """Mark the live, unused token `jti` used and return (family_id, user_id,
    family_expires_at); None when it is unknown, used, revoked or expired. The conditional
    UPDATE is the lock: of concurrent claims on one token exactly one gets a row."""
    statement = (
        scope.update(
            RefreshToken,
            RefreshToken.jti == jti,
            RefreshToken.used_at.is_(None),
            RefreshToken.revoked_at.is_(None),
            RefreshToken.expires_at > now,
            RefreshToken.family_expires_at > now,
        )
        .values(used_at=now)
        .returning(RefreshToken.family_id, RefreshToken.user_id, RefreshToken.family_expires_at)
    )
    return (await scope.session.execute(statement)).one_or_none()


async def get_refresh_token(scope: TenantScope, jti: uuid.UUID) -> RefreshToken | None:
    """A refresh token by its jti, whatever its state."""
    statement = scope.select(RefreshToken, RefreshToken.jti == jti)
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def revoke_family(
    scope: TenantScope, family_id: uuid.UUID, reason: str, now: datetime
) -> int:
    """Revoke every still-live token of one rotation chain; returns how many."""
    statement = (
        scope.update(
            RefreshToken, RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None)
        )
        .values(revoked_at=now, revoked_reason=reason)
        .execution_options(synchronize_session=False)
    )
    result: Any = await scope.session.execute(statement)
    return int(result.rowcount or 0)


async def revoke_user_tokens(
    scope: TenantScope,
    user_id: uuid.UUID,
    reason: str,
    now: datetime,
    *,
    keep_family: uuid.UUID | None = None,
) -> RevokedTokens:
    """Revoke every live token of a user (but those of `keep_family`)."""
    criteria = [RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None)]
    if keep_family is not None:
        criteria.append(RefreshToken.family_id != keep_family)
    statement = (
        scope.update(RefreshToken, *criteria)
        .values(revoked_at=now, revoked_reason=reason)
        .returning(RefreshToken.family_id)
        .execution_options(synchronize_session=False)
    )
    families = list((await scope.session.execute(statement)).scalars())
    return RevokedTokens(len(families), frozenset(families))


async def purge_expired(scope: TenantScope, user_id: uuid.UUID, now: datetime) -> None:
    """Forget a user's sessions past their absolute lifetime: none of their tokens can be
    presented any more (the signed expiry has passed too), so nothing is lost."""
    await scope.session.execute(
        scope.delete(
            RefreshToken, RefreshToken.user_id == user_id, RefreshToken.family_expires_at < now
        ).execution_options(synchronize_session=False)
    )
