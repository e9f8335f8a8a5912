"""User administration rules: unique emails, valid roles, always one active admin, and an
audit row for every change. Ending a user's sessions goes through the auth service."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import IntegrityError

from campaign_api.auth import service as auth_service
from campaign_api.users import repository
from campaign_api.users.errors import CannotDeactivateSelf, EmailTaken, LastAdmin, UserNotFound
from campaign_api.users.schemas import RoleList, RoleRead, UserCreate, UserRead, UserUpdate
from crm_common import audit
from crm_common.models import User
from crm_common.pagination import PageParams, make_page
from crm_common.security.passwords import hash_password
from crm_common.security.permissions import ROLE_DESCRIPTIONS, ROLE_PERMISSIONS, RoleName
from crm_common.security.principal import Principal
from crm_common.security.sessions import SessionStore
from crm_common.tenancy import TenantScope

EMAIL_INDEX = "uq_crm_users_email_lower"


def _read(user: User, roles: list[str]) -> UserRead:
    return UserRead(
        id=user.id,
        email=user.email,
        full_name=user.full_name,
        is_active=user.is_active,
        roles=roles,
        mfa_enabled=user.mfa_enabled,
        last_login_at=user.last_login_at,
        created_at=user.created_at,
        updated_at=user.updated_at,
    )


def _profile(user: User, roles: list[str]) -> dict[str, Any]:
    """What the audit log keeps of a user (never the password hash or MFA secret)."""
    return {
        "email": user.email,
        "full_name": user.full_name,
        "is_active": user.is_active,
        "roles": roles,
    }


async def _record(
    scope: TenantScope,
    principal: Principal,
    action: str,
    user_id: uuid.UUID,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
) -> None:
    await audit.record(
        scope.session,
        company_id=scope.company_id,
        actor_user_id=principal.user_id,
        action=action,
        entity_type="user",
        entity_id=user_id,
        old_values=old,
        new_values=new,
    )


async def _load(scope: TenantScope, user_id: uuid.UUID, *, for_update: bool = False) -> User:
    user = await repository.get(scope, user_id, for_update=for_update)
    if user is None:
        raise UserNotFound()
    return user


async def _roles(scope: TenantScope, user_id: uuid.UUID) -> list[str]:
    return (await repository.roles_by_user(scope, [user_id]))[user_id]


async def _flush_email(scope: TenantScope) -> None:
    try:
        await scope.session.flush()
    except IntegrityError as exc:
        if EMAIL_INDEX in str(exc.orig):
            raise EmailTaken() from None
        raise


async def _keep_an_admin(scope: TenantScope, user_id: uuid.UUID) -> None:
    """Refuse a change that would leave the company without an active admin. Callers hold
    the company lock, so concurrent demotions of the last two admins take turns."""
    if await repository.count_active_admins(scope, excluding=user_id) == 0:
        raise LastAdmin()


async def list_users(
    scope: TenantScope,
    params: PageParams,
    *,
    q: str | None,
    role: RoleName | None,
    is_active: bool | None,
    sort: str,
) -> dict[str, Any]:
    """One page of the company's users with their roles."""
    statement = repository.list_statement(
        scope, q=q, role=role.value if role else None, is_active=is_active, sort=sort
    )
    users, total = await repository.page(scope, statement, params)
    roles = await repository.roles_by_user(scope, [user.id for user in users])
    filters = {
        "q": q,
        "role": role.value if role else None,
        "is_active": is_active,
        "sort": sort,
    }
    items = [_read(user, roles[user.id]) for user in users]
    return make_page(items, total, params, filters)


async def get_user(scope: TenantScope, user_id: uuid.UUID) -> UserRead:
    """A user of the company with their roles (404 when absent)."""
    user = await _load(scope, user_id)
    return _read(user, await _roles(scope, user.id))


async def create_user(scope: TenantScope, principal: Principal, data: UserCreate) -> UserRead:
    """Add a user with a password and roles."""
    password_hash = await asyncio.to_thread(hash_password, data.password)
    user = repository.add(
        scope,
        User(
            id=uuid.uuid4(),
            email=data.email,
            full_name=data.full_name,
            password_hash=password_hash,
            is_active=True,
            mfa_enabled=False,
        ),
    )
    await _flush_email(scope)
    roles = [role.value for role in data.roles]
    await repository.replace_roles(scope, user.id, roles)
    await scope.session.refresh(user)
    await _record(scope, principal, "user.created", user.id, new=_profile(user, roles))
    return _read(user, roles)


async def update_user(
    scope: TenantScope,
    principal: Principal,
    user_id: uuid.UUID,
    data: UserUpdate,
) -> UserRead:
    """Change a user's email and/or name."""
    user = await _load(scope, user_id, for_update=True)
    roles = await _roles(scope, user.id)
    before = _profile(user, roles)
    changes = data.model_dump(exclude_none=True)
    for field, value in changes.items():
        setattr(user, field, value)
    await _flush_email(scope)
    await scope.session.refresh(user)
    after = _profile(user, roles)
    changed = {k: before[k] for k in changes if before[k] != after[k]}
    if changed:
        new = {k: after[k] for k in changed}
        await _record(scope, principal, "user.updated", user.id, old=changed, new=new)
    return _read(user, roles)


async def set_roles(
    scope: TenantScope,
    sessions: SessionStore,
    principal: Principal,
    user_id: uuid.UUID,
    roles: list[RoleName],
) -> UserRead:
    """Replace a user's roles; taking admin from the last active admin is refused. The
    user's requests are authorised by the new roles within a second."""
    # The company lock first, then the user's: one order for every admin change.
    await repository.lock_company(scope)
    user = await _load(scope, user_id, for_update=True)
    old = await _roles(scope, user.id)
    new = sorted(role.value for role in roles)
    admin = RoleName.ADMIN.value
    if admin in old and admin not in new and user.is_active:
        await _keep_an_admin(scope, user.id)
    if new != old:
        await repository.replace_roles(scope, user.id, new)
        await sessions.user_changed(user.id, session=scope.session)
        await _record(
            scope, principal, "user.roles_changed", user.id, {"roles": old}, {"roles": new}
        )
    return _read(user, new)


async def set_active(
    scope: TenantScope,
    sessions: SessionStore,
    principal: Principal,
    user_id: uuid.UUID,
    active: bool,
) -> UserRead:
    """Activate or deactivate a user; deactivation ends every session of theirs."""
    await repository.lock_company(scope)
    user = await _load(scope, user_id, for_update=True)
    roles = await _roles(scope, user.id)
    if user.is_active == active:
        return _read(user, roles)
    if not active:
        if user.id == principal.user_id:
            raise CannotDeactivateSelf()
        if RoleName.ADMIN.value in roles:
            await _keep_an_admin(scope, user.id)
    user.is_active = active
    revoked = 0
    if not active:
        revoked = await auth_service.end_user_sessions(scope, sessions, user.id, "deactivated")
    await sessions.user_changed(user.id, session=scope.session)
    await scope.session.flush()
    await scope.session.refresh(user)
    action = "user.activated" if active else "user.deactivated"
    await _record(
        scope,
        principal,
        action,
        user.id,
        {"is_active": not active},
        {"is_active": active, "revoked_tokens": revoked},
    )
    return _read(user, roles)


async def reset_password(
    scope: TenantScope,
    sessions: SessionStore,
    principal: Principal,
    user_id: uuid.UUID,
    new_password: str,
) -> None:
    """Set a user's password; every session of theirs ends."""
    user = await _load(scope, user_id, for_update=True)
    user.password_hash = await asyncio.to_thread(hash_password, new_password)
    user.password_changed_at = datetime.now(UTC)
    revoked = await auth_service.end_user_sessions(scope, sessions, user.id, "password_reset")
    await _record(scope, principal, "user.password_reset", user.id, new={"revoked_tokens": revoked})


async def reset_mfa(scope: TenantScope, principal: Principal, user_id: uuid.UUID) -> UserRead:
    """Turn a user's MFA off (a lost authenticator); they may enrol again."""
    user = await _load(scope, user_id, for_update=True)
    was_enabled = user.mfa_enabled
    user.mfa_enabled = False
    user.mfa_secret = None
    await scope.session.flush()
    await scope.session.refresh(user)
    await _record(
        scope,
        principal,
        "user.mfa_reset",
        user.id,
        {"mfa_enabled": was_enabled},
        {"mfa_enabled": False},
    )
    return _read(user, await _roles(scope, user.id))


def list_roles() -> RoleList:
    """Every role with what it grants."""
    roles = [
        RoleRead(
            name=role.value,
            description=ROLE_DESCRIPTIONS[role],
            permissions=sorted(p.value for p in ROLE_PERMISSIONS[role]),
        )
        for role in RoleName
    ]
    return RoleList(items=roles, total=len(roles))
