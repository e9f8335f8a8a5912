"""User administration endpoints (permission `manage_users`); another company's user is a
404."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status

from campaign_api.users import service
from campaign_api.users.deps import UsersAdmin
from campaign_api.users.errors import CannotDeactivateSelf, EmailTaken, LastAdmin, UserNotFound
from campaign_api.users.schemas import (
    PasswordReset,
    RoleList,
    RolesUpdate,
    UserCreate,
    UserPage,
    UserRead,
    UserSort,
    UserUpdate,
)
from crm_common.deps import AppResources, Scope
from crm_common.errors import COMMON_RESPONSES, error_responses
from crm_common.pagination import Pagination
from crm_common.schemas import QueryFlag
from crm_common.security.permissions import RoleName

router = APIRouter(prefix="/api/users", tags=["users"], responses=COMMON_RESPONSES)

_MISSING = error_responses(UserNotFound)


@router.get("/", response_model=UserPage)
async def list_users(
    principal: UsersAdmin,
    scope: Scope,
    pagination: Pagination,
    q: Annotated[
        str | None, Query(max_length=100, description="Search in email and full name.")
    ] = None,
    role: Annotated[RoleName | None, Query(description="Only holders of this role.")] = None,
    is_active: Annotated[
        QueryFlag | None, Query(description="Only active or inactive users.")
    ] = None,
    sort: Annotated[UserSort, Query(description="Sort field; `-` for descending.")] = "email",
) -> dict[str, Any]:
    """The company's users with their roles."""
    return await service.list_users(
        scope, pagination, q=q, role=role, is_active=is_active, sort=sort
    )


@router.post(
    "/",
    response_model=UserRead,
    status_code=status.HTTP_201_CREATED,
    responses=error_responses(EmailTaken),
)
async def create_user(body: UserCreate, principal: UsersAdmin, scope: Scope) -> UserRead:
    """Add a user with a password and roles."""
    return await service.create_user(scope, principal, body)


@router.get("/roles/", response_model=RoleList)
async def list_roles(principal: UsersAdmin) -> RoleList:
    """Every role and the permissions it grants, as one page of the list contract."""
    return service.list_roles()


@router.get("/{user_id}/", response_model=UserRead, responses=_MISSING)
async def get_user(user_id: uuid.UUID, principal: UsersAdmin, scope: Scope) -> UserRead:
    """One user with their roles."""
    return await service.get_user(scope, user_id)


@router.patch(
    "/{user_id}/", response_model=UserRead, responses=error_responses(UserNotFound, EmailTaken)
)
async def update_user(
    user_id: uuid.UUID, body: UserUpdate, principal: UsersAdmin, scope: Scope
) -> UserRead:
    """Change a user's email or full name."""
    return await service.update_user(scope, principal, user_id, body)


@router.put(
    "/{user_id}/roles/", response_model=UserRead, responses=error_responses(UserNotFound, LastAdmin)
)
async def set_roles(
    user_id: uuid.UUID,
    body: RolesUpdate,
    principal: UsersAdmin,
    scope: Scope,
    resources: AppResources,
) -> UserRead:
    """Replace a user's roles (the company always keeps one active admin)."""
    return await service.set_roles(scope, resources.sessions, principal, user_id, body.roles)


@router.post(
    "/{user_id}/deactivate/",
    response_model=UserRead,
    responses=error_responses(UserNotFound, LastAdmin, CannotDeactivateSelf),
)
async def deactivate_user(
    user_id: uuid.UUID, principal: UsersAdmin, scope: Scope, resources: AppResources
) -> UserRead:
    """Deactivate a user: they cannot sign in and their sessions end."""
    return await service.set_active(scope, resources.sessions, principal, user_id, False)


@router.post("/{user_id}/activate/", response_model=UserRead, responses=_MISSING)
async def activate_user(
    user_id: uuid.UUID, principal: UsersAdmin, scope: Scope, resources: AppResources
) -> UserRead:
    """Let a deactivated user sign in again."""
    return await service.set_active(scope, resources.sessions, principal, user_id, True)


@router.post(
    "/{user_id}/reset-password/",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=_MISSING,
)
async def reset_password(
    user_id: uuid.UUID,
    body: PasswordReset,
    principal: UsersAdmin,
    scope: Scope,
    resources: AppResources,
) -> Response:
    """Set a new password for a user; their sessions end."""
    await service.reset_password(scope, resources.sessions, principal, user_id, body.new_password)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{user_id}/reset-mfa/", response_model=UserRead, responses=_MISSING)
async def reset_mfa(user_id: uuid.UUID, principal: UsersAdmin, scope: Scope) -> UserRead:
    """Turn a user's MFA off so they can enrol a new authenticator."""
    return await service.reset_mfa(scope, principal, user_id)
