"""Queries of user administration, all scoped to the caller's company."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select

from campaign_api.shared.pages import like_pattern
from crm_common.models import Company, User, UserRole
from crm_common.pagination import PageParams, paginate
from crm_common.security.permissions import RoleName
from crm_common.tenancy import TenantScope

_SORTS: dict[str, Any] = {
    "email": User.email.asc(),
    "-email": User.email.desc(),
    "full_name": User.full_name.asc(),
    "-full_name": User.full_name.desc(),
    "created_at": User.created_at.asc(),
    "-created_at": User.created_at.desc(),
}


def list_statement(
    scope: TenantScope,
    *,
    q: str | None,
    role: str | None,
    is_active: bool | None,
    sort: str,
) -> Select[Any]:
    """The users matching `q` (email or name), `role` and `is_active`, in `sort` order."""
    criteria: list[ColumnElement[bool]] = []
    if q:
        pattern = like_pattern(q)
        criteria.append(
            or_(User.email.ilike(pattern, escape="\\"), User.full_name.ilike(pattern, escape="\\"))
        )
    if role is not None:
        holders = scope.select(UserRole, UserRole.role_name == role).with_only_columns(
            UserRole.user_id
        )
        criteria.append(User.id.in_(holders))
    if is_active is not None:
        criteria.append(User.is_active.is_(is_active))
    return scope.select(User, *criteria).order_by(_SORTS[sort], User.id)


async def page(
    scope: TenantScope, statement: Select[Any], params: PageParams
) -> tuple[Sequence[User], int]:
    """One page of `statement`'s users and their total."""
    rows, total, _ = await paginate(scope.session, statement, params)
    return rows, total


async def get(scope: TenantScope, user_id: uuid.UUID, *, for_update: bool = False) -> User | None:
    """One user of the company; `for_update` takes a FOR NO KEY UPDATE row lock, which (unlike
    FOR UPDATE) lets concurrent audit rows reference the user through their foreign key."""
    statement = scope.select(User, User.id == user_id)
    if for_update:
        statement = statement.with_for_update(key_share=True)
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def roles_by_user(
    scope: TenantScope, user_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[str]]:
    """Each user's role names, sorted (an empty list for a user without roles)."""
    ids = list(user_ids)
    found: dict[uuid.UUID, list[str]] = {user_id: [] for user_id in ids}
    if not ids:
        return found
    statement = scope.select(UserRole, UserRole.user_id.in_(ids)).order_by(UserRole.role_name)
    for role in await scope.all(statement):
        found[role.user_id].append(role.role_name)
    return found


def add(scope: TenantScope, user: User) -> User:
    """Stage a new user of the scope's company."""
    return scope.add(user)


async def replace_roles(scope: TenantScope, user_id: uuid.UUID, roles: Iterable[str]) -> None:
    """Give the user exactly `roles`."""
    await scope.session.execute(scope.delete(UserRole, UserRole.user_id == user_id))
    for role in roles:
        scope.add(UserRole(user_id=user_id, role_name=role))
    await scope.session.flush()


async def lock_company(scope: TenantScope) -> None:
    """Serialise changes that must keep an invariant across the company's users. FOR NO KEY
    UPDATE does not block inserts that reference the company through a foreign key."""
    statement = (
        select(Company.id).where(Company.id == scope.company_id).with_for_update(key_share=True)
    )
    await scope.session.execute(statement)


async def count_active_admins(scope: TenantScope, *, excluding: uuid.UUID) -> int:
    """How many active admins the company has besides `excluding`."""
    admins = scope.select(UserRole, UserRole.role_name == RoleName.ADMIN.value).with_only_columns(
        UserRole.user_id
    )
    statement = scope.count(
        User, User.id.in_(admins), User.is_active.is_(True), User.id != excluding
    )
    return int((await scope.session.execute(statement)).scalar_one())
