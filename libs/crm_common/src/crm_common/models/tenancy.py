"""Companies (tenants), users, roles and refresh tokens."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ARRAY, Boolean, ForeignKey, Index, String, Text, func, text
from sqlalchemy.orm import Mapped, mapped_column

from crm_common.models.base import Base, TenantOwned, Timestamps, UUIDPk


class Company(UUIDPk, Timestamps, Base):
    """A tenant. Written by campaign-api (and the seed)."""

    __tablename__ = "crm_companies"

    name: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(63), unique=True)
    # campaign_code_prefix, allow_schedule_overlap, fiscal_year_start_month,
    # mfa_approval_threshold, default_currency, rate limits …
    settings: Mapped[dict[str, Any]] = mapped_column(server_default=text("'{}'::jsonb"))
    is_active: Mapped[bool] = mapped_column(Boolean, server_default=text("true"))


class Role(Base):
    """A role and the permissions it grants (global reference data). Written by migrations."""

    __tablename__ = "crm_roles"

    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    description: Mapped[str] = mapped_column(Text, server_default="")
    permissions: Mapped[list[str]] = mapped_column(ARRAY(String(50)))


class User(UUIDPk, TenantOwned, Timestamps, Base):
    """A person who signs in. Written by campaign-api."""

    __tablename__ = "crm_users"
    __table_args__ = (Index("uq_crm_users_email_lower", func.lower(text("email")), unique=True),)

    email: Mapped[str] = mapped_column(String(254))
    full_name: Mapped[str] = mapped_column(String(200), server_default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(Boolean, server_default=text("true"))
    mfa_secret: Mapped[str | None] = mapped_column(String(255))
    mfa_enabled: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    last_login_at: Mapped[datetime | None]
    password_changed_at: Mapped[datetime] = mapped_column(server_default=func.now())


class UserRole(TenantOwned, Base):
    """A role held by a user. Written by campaign-api."""

    __tablename__ = "crm_user_roles"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_users.id", ondelete="CASCADE"), primary_key=True
    )
    role_name: Mapped[str] = mapped_column(
        ForeignKey("crm_roles.name", ondelete="RESTRICT"), primary_key=True
    )
    granted_at: Mapped[datetime] = mapped_column(server_default=func.now())


class RefreshToken(TenantOwned, Base):
    """One issued refresh token; a rotation chain shares a family. Written by campaign-api."""

    __tablename__ = "crm_refresh_tokens"
    __table_args__ = (Index(None, "family_id"), Index(None, "user_id"))

    jti: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    family_id: Mapped[uuid.UUID]
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("crm_users.id", ondelete="CASCADE"))
    parent_jti: Mapped[uuid.UUID | None]
    issued_at: Mapped[datetime] = mapped_column(server_default=func.now())
    expires_at: Mapped[datetime]
    family_expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    revoked_reason: Mapped[str | None] = mapped_column(String(50))
