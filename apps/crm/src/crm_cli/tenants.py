"""Real tenants and their users, created from the command line (`crm create-tenant`,
`crm create-user`): the way a production installation gets its first company and admin."""

from __future__ import annotations

import contextlib
import re
import secrets
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common import audit
from crm_common.db import Database
from crm_common.models import Company, User, UserRole
from crm_common.reference import sync_roles
from crm_common.security.password_policy import password_problem
from crm_common.security.passwords import hash_password
from crm_common.security.permissions import RoleName

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 128
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
_SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")


class TenantError(Exception):
    """The tenant or user cannot be created as asked; the message says why."""


@dataclass(frozen=True)
class CreatedUser:
    company_id: uuid.UUID
    company_slug: str
    user_id: uuid.UUID
    email: str
    roles: tuple[str, ...]


def generate_password() -> str:
    """A random password of 24 URL-safe characters (about 143 bits)."""
    return secrets.token_urlsafe(18)


def check_password(password: str) -> str:
    if not MIN_PASSWORD_LENGTH <= len(password) <= MAX_PASSWORD_LENGTH or not password.strip():
        raise TenantError(
            f"the password needs {MIN_PASSWORD_LENGTH} to {MAX_PASSWORD_LENGTH} characters"
        )
    problem = password_problem(password)
    if problem is not None:
        raise TenantError(f"the password {problem}")
    return password


def normalise_email(email: str) -> str:
    value = email.strip().lower()
    if len(value) > 254 or not _EMAIL.fullmatch(value):
        raise TenantError(f"not an email address: {email!r}")
    return value


def slug_for(name: str) -> str:
    """The URL-safe slug of a company name ("Initech Europe" → "initech-europe")."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.strip().lower()).strip("-")[:63].strip("-")
    if not slug:
        raise TenantError(f"cannot derive a slug from {name!r}: pass --slug")
    return slug


def check_slug(slug: str) -> str:
    if not _SLUG.fullmatch(slug):
        raise TenantError(f"a slug is 1 to 63 of a-z, 0-9 and inner hyphens: {slug!r}")
    return slug


def code_prefix_for(slug: str) -> str:
    """The default prefix of the company's campaign codes: the slug's first letters."""
    return (re.sub(r"[^a-z0-9]", "", slug)[:6] or "CMP").upper()


async def _email_taken(session: AsyncSession, email: str) -> bool:
    found = await session.execute(select(User.id).where(func.lower(User.email) == email))
    return found.scalar_one_or_none() is not None


async def _add_user(
    session: AsyncSession,
    company: Company,
    email: str,
    full_name: str,
    roles: tuple[RoleName, ...],
    password: str,
) -> CreatedUser:
    if await _email_taken(session, email):
        raise TenantError(f"a user with the email {email} already exists")
    user = User(
        company_id=company.id,
        email=email,
        full_name=full_name,
        password_hash=hash_password(check_password(password)),
    )
    session.add(user)
    await session.flush()
    names = tuple(sorted({role.value for role in roles}))
    for name in names:
        session.add(UserRole(company_id=company.id, user_id=user.id, role_name=name))
    await audit.record(
        session,
        company_id=company.id,
        actor_user_id=None,
        action="user.created",
        entity_type="user",
        entity_id=user.id,
        new_values={"email": email, "full_name": full_name, "roles": list(names)},
    )
    await session.flush()
    return CreatedUser(company.id, company.slug, user.id, email, names)


async def create_tenant(
    db: Database,
    *,
    name: str,
    admin_email: str,
    password: str,
    slug: str | None = None,
    admin_name: str = "Administrator",
    currency: str = "USD",
) -> CreatedUser:
    """A new company with one admin user, in one transaction; refuses a taken slug or email."""
    name = name.strip()
    if not 1 <= len(name) <= 200:
        raise TenantError("a company name has 1 to 200 characters")
    slug = check_slug(slug or slug_for(name))
    email = normalise_email(admin_email)
    check_password(password)
    try:
        return await _create_tenant(db, name, slug, email, admin_name, currency, password)
    except IntegrityError as exc:  # a concurrent creator took the slug or email first
        raise TenantError(f"the slug {slug!r} or the email {email} was just taken") from exc


async def _create_tenant(
    db: Database, name: str, slug: str, email: str, admin_name: str, currency: str, password: str
) -> CreatedUser:
    async with db.system_session() as session:
        await sync_roles(session)
        taken = await session.execute(select(Company.id).where(Company.slug == slug))
        if taken.scalar_one_or_none() is not None:
            raise TenantError(f"a company with the slug {slug!r} already exists")
        company = Company(
            name=name,
            slug=slug,
            settings={
                "campaign_code_prefix": code_prefix_for(slug),
                "default_currency": currency.upper(),
                "fiscal_year_start_month": 1,
                "allow_schedule_overlap": False,
            },
        )
        session.add(company)
        await session.flush()
        await audit.record(
            session,
            company_id=company.id,
            actor_user_id=None,
            action="company.created",
            entity_type="company",
            entity_id=company.id,
            new_values={"name": name, "slug": slug},
        )
        return await _add_user(
            session, company, email, admin_name.strip() or email, (RoleName.ADMIN,), password
        )


async def create_user(
    db: Database,
    *,
    tenant: str,
    email: str,
    roles: tuple[RoleName, ...],
    password: str,
    full_name: str = "",
) -> CreatedUser:
    """A user of an existing company (by slug or id) with the given roles."""
    if not roles:
        raise TenantError("a user needs at least one role")
    address = normalise_email(email)
    try:
        async with db.system_session() as session:
            condition = Company.slug == tenant
            with contextlib.suppress(ValueError):
                condition = Company.id == uuid.UUID(tenant)
            found = await session.execute(select(Company).where(condition))
            company = found.scalar_one_or_none()
            if company is None:
                raise TenantError(f"no company with the slug or id {tenant!r}")
            return await _add_user(
                session, company, address, full_name.strip() or address, roles, password
            )
    except IntegrityError as exc:  # a concurrent creator took the email first
        raise TenantError(f"a user with the email {address} already exists") from exc
