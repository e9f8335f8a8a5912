"""Request and response bodies of user administration."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from campaign_api.auth.schemas import NewPassword
from crm_common.pagination import Page
from crm_common.schemas import Schema, WholeList, WriteSchema
from crm_common.security.permissions import RoleName


def _normalise_email(value: str) -> str:
    return value.strip().lower()


Email = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, max_length=254, pattern=r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$"
    ),
    AfterValidator(_normalise_email),
    Field(examples=["jane.doe@acme.test"]),
]
FullName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


def _unique_roles(roles: list[RoleName]) -> list[RoleName]:
    return sorted(set(roles))


Roles = Annotated[
    list[RoleName],
    Field(min_length=1, max_length=len(RoleName), examples=[["campaign_specialist"]]),
    AfterValidator(_unique_roles),
]
UserSort = Literal["email", "-email", "full_name", "-full_name", "created_at", "-created_at"]


class UserRead(Schema):
    id: uuid.UUID
    email: str
    full_name: str
    is_active: bool
    roles: list[str]
    mfa_enabled: bool
    last_login_at: datetime | None
    created_at: datetime
    updated_at: datetime

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "id": "0b8f8c61-7f7e-4a55-9a8e-5b0d0c0f6a11",
                "email": "jane.doe@acme.test",
                "full_name": "Jane Doe",
                "is_active": True,
                "roles": ["campaign_specialist"],
                "mfa_enabled": False,
                "last_login_at": "2026-03-02T09:15:00+00:00",
                "created_at": "2026-01-10T08:00:00+00:00",
                "updated_at": "2026-03-02T09:15:00+00:00",
            }
        }
    )


class UserCreate(WriteSchema):
    email: Email
    full_name: FullName
    password: NewPassword
    roles: Roles

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "email": "jane.doe@acme.test",
                "full_name": "Jane Doe",
                "password": "correct-horse-battery",
                "roles": ["campaign_specialist"],
            }
        }
    )


class UserUpdate(WriteSchema):
    """The profile fields an admin may change (roles and status have their own actions)."""

    email: Email | None = None
    full_name: FullName | None = None

    @model_validator(mode="after")
    def _something(self) -> UserUpdate:
        if self.email is None and self.full_name is None:
            raise ValueError("give email and/or full_name")
        return self

    model_config = ConfigDict(json_schema_extra={"example": {"full_name": "Jane Smith"}})


class RolesUpdate(WriteSchema):
    roles: Roles

    model_config = ConfigDict(
        json_schema_extra={"example": {"roles": ["marketing_manager", "finance"]}}
    )


class PasswordReset(WriteSchema):
    new_password: NewPassword

    model_config = ConfigDict(json_schema_extra={"example": {"new_password": "a-new-long-pass"}})


class RoleRead(Schema):
    name: str
    description: str
    permissions: list[str]

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "name": "finance",
                "description": "Approves campaigns and manages budgets.",
                "permissions": ["approve_campaign", "manage_budget", "read_campaign"],
            }
        }
    )


class RoleList(WholeList):
    """Every role and what it grants, in the list contract's shape."""

    items: list[RoleRead]


class UserPage(Page[UserRead]):
    """One page of users."""
