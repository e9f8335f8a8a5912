"""Reference data every database needs (roles) and the idempotent demo data (README "Demo data")."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import structlog
from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from crm_cli.contacts import load_contacts
from crm_common.db import Database
from crm_common.models import (
    CampaignBudget,
    CampaignTemplate,
    Company,
    Contact,
    User,
    UserRole,
)
from crm_common.reference import sync_roles
from crm_common.security.passwords import hash_password
from crm_common.security.permissions import RoleName

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class DemoTenant:
    name: str
    slug: str
    code_prefix: str
    users: tuple[tuple[str, str, RoleName], ...]


DEMO_TENANTS = (
    DemoTenant(
        "Acme",
        "acme",
        "ACME",
        (
            ("admin@acme.test", "Ada Admin", RoleName.ADMIN),
            ("manager@acme.test", "Max Manager", RoleName.MARKETING_MANAGER),
            ("specialist@acme.test", "Sara Specialist", RoleName.CAMPAIGN_SPECIALIST),
            ("analyst@acme.test", "Ana Analyst", RoleName.MARKETING_ANALYST),
            ("finance@acme.test", "Finn Finance", RoleName.FINANCE),
        ),
    ),
    DemoTenant(
        "Globex",
        "globex",
        "GLX",
        (("admin@globex.test", "Gil Admin", RoleName.ADMIN),),
    ),
)

DEMO_TEMPLATES: tuple[dict[str, Any], ...] = (
    {
        "template_code": "NEWSLETTER",
        "template_name": "Monthly newsletter",
        "template_type": "email",
        "is_default": True,
        "description": "Editorial newsletter with three stories and a call to action.",
        "default_settings": {
            "campaign_type": "newsletter",
            "primary_channel": "email",
            "subject": "{{ first_name | default('Hello') }}, your {{ campaign_name }} is here",
        },
        "content_template": (
            "<h1>{{ campaign_name }}</h1>"
            "<p>Hi {{ first_name | default('there') }},</p>"
            "<p>Three stories we picked for you this month"
            "{% if city %}, and what is on in {{ city }}{% endif %}.</p>"
            '<p><a href="https://shop.example.com/stories?c={{ campaign_code }}">'
            "Read the stories</a></p>"
        ),
    },
    {
        "template_code": "LAUNCH",
        "template_name": "Product launch",
        "template_type": "email",
        "description": "Hero image, product benefits and a launch offer.",
        "default_settings": {
            "campaign_type": "product_launch",
            "primary_channel": "email",
            "subject": "Meet the new collection: {{ campaign_name }}",
        },
        "content_template": (
            "<h1>Meet the new collection</h1>"
            "<p>{{ first_name | default('Hello') }}, be among the first to try it: 15 % off "
            "until the end of the week.</p>"
            '<p><a href="https://shop.example.com/new?c={{ campaign_code }}">Shop the launch</a>'
            "</p>"
        ),
    },
    {
        "template_code": "FLASH-SMS",
        "template_name": "Flash sale SMS",
        "template_type": "sms",
        "description": "Short time-limited offer by SMS with an opt-out line.",
        "default_settings": {"campaign_type": "promotional", "primary_channel": "sms"},
        "content_template": (
            "{{ company_name }}: 20% off today only, {{ first_name | default('friend') }}. "
            "Reply STOP to opt out."
        ),
    },
    {
        "template_code": "POSTCARD",
        "template_name": "Loyalty postcard",
        "template_type": "direct_mail",
        "description": "A6 postcard thanking loyal customers.",
        "default_settings": {"campaign_type": "retention", "primary_channel": "direct_mail"},
        "content_template": (
            "Dear {{ full_name | default('friend') }}, thank you for being with us."
        ),
    },
)

UNRENDERABLE_DEMO_CONTENT = (
    "<h1>{{ headline }}</h1><p>Hi {{ first_name }},</p>{{ body }}",
    "<h1>Meet {{ product }}</h1><p>{{ offer }}</p>",
    "{{ brand }}: {{ offer }} today only. Reply STOP to opt out.",
    "Dear {{ first_name }}, thank you for being with us.",
)
"""What earlier demo seeds wrote: fields no contact has, so every message failed. Seeding
replaces it (never a template someone has edited since)."""


def demo_budgets(year: int) -> tuple[dict[str, Any], ...]:
    """The annual budget, then the current quarter's digital budget drawn from it (its
    `parent_budget_code`): the year has 500,000, of which the quarter holds 120,000."""
    quarter = (datetime.now(UTC).month - 1) // 3 + 1
    return (
        {
            "budget_code": f"FY{year}-MKT",
            "budget_name": f"FY{year} Marketing",
            "budget_type": "annual",
            "total_amount": Decimal("500000.00"),
            "approval_threshold": Decimal("25000.00"),
            "fiscal_year": year,
            "cost_centers": ["MKT-100", "MKT-200"],
            "description": "Annual marketing budget.",
        },
        {
            "budget_code": f"FY{year}-Q{quarter}-DIG",
            "budget_name": f"Q{quarter} {year} Digital",
            "budget_type": "quarterly",
            "total_amount": Decimal("120000.00"),
            "approval_threshold": Decimal("10000.00"),
            "fiscal_year": year,
            "cost_centers": ["MKT-300"],
            "description": "Digital channels for the current quarter, drawn from the annual "
            "marketing budget.",
            "parent_budget_code": f"FY{year}-MKT",
        },
    )


async def _company(session: AsyncSession, tenant: DemoTenant) -> uuid.UUID:
    existing = (
        await session.execute(select(Company.id).where(Company.slug == tenant.slug))
    ).scalar_one_or_none()
    if existing is not None:
        return existing
    company = Company(
        name=tenant.name,
        slug=tenant.slug,
        settings={
            "campaign_code_prefix": tenant.code_prefix,
            "default_currency": "USD",
            "fiscal_year_start_month": 1,
            "mfa_approval_threshold": "50000.00",
            "allow_schedule_overlap": False,
        },
    )
    session.add(company)
    await session.flush()
    return company.id


async def _users(
    session: AsyncSession, company_id: uuid.UUID, tenant: DemoTenant, password: str
) -> None:
    for email, full_name, role in tenant.users:
        user_id = (
            await session.execute(select(User.id).where(func.lower(User.email) == email))
        ).scalar_one_or_none()
        if user_id is None:
            user = User(
                company_id=company_id,
                email=email,
                full_name=full_name,
                password_hash=hash_password(password),
            )
            session.add(user)
            await session.flush()
            user_id = user.id
        await session.execute(
            insert(UserRole)
            .values(company_id=company_id, user_id=user_id, role_name=role.value)
            .on_conflict_do_nothing()
        )


async def _reference_data(session: AsyncSession, company_id: uuid.UUID, year: int) -> None:
    for template in DEMO_TEMPLATES:
        statement = insert(CampaignTemplate).values(
            id=uuid.uuid4(), company_id=company_id, **template
        )
        await session.execute(
            statement.on_conflict_do_update(
                index_elements=[CampaignTemplate.company_id, CampaignTemplate.template_code],
                set_={
                    "content_template": statement.excluded.content_template,
                    "default_settings": statement.excluded.default_settings,
                },
                where=CampaignTemplate.content_template.in_(UNRENDERABLE_DEMO_CONTENT),
            )
        )
    ids: dict[str, uuid.UUID] = {}
    for budget in demo_budgets(year):
        values = dict(budget)
        parent_code = values.pop("parent_budget_code", None)
        if parent_code is not None:
            values["parent_budget_id"] = ids[parent_code]
        await session.execute(
            insert(CampaignBudget)
            .values(id=uuid.uuid4(), company_id=company_id, **values)
            .on_conflict_do_nothing()
        )
        ids[values["budget_code"]] = (
            await session.execute(
                select(CampaignBudget.id).where(
                    CampaignBudget.company_id == company_id,
                    CampaignBudget.budget_code == values["budget_code"],
                )
            )
        ).scalar_one()


async def seed_demo(
    db: Database, password: str, *, contacts: int = 3000, events_per_contact: float = 6
) -> dict[str, Any]:
    """Create or complete the demo tenants; running it again changes nothing."""
    year = datetime.now(UTC).year
    report: dict[str, Any] = {}
    async with db.system_session() as session:
        await sync_roles(session)
    for tenant in DEMO_TENANTS:
        async with db.system_session() as session:
            company_id = await _company(session, tenant)
            await _users(session, company_id, tenant, password)
            await _reference_data(session, company_id, year)
        async with db.system_session() as session:
            have = (
                await session.execute(
                    select(func.count())
                    .select_from(Contact)
                    .where(Contact.company_id == company_id)
                )
            ).scalar_one()
            loaded = (0, 0)
            if have == 0 and contacts:
                loaded = await load_contacts(session, company_id, contacts, events_per_contact)
        report[tenant.slug] = {
            "company_id": str(company_id),
            "contacts_loaded": loaded[0],
            "events_loaded": loaded[1],
        }
        log.info("demo_tenant_seeded", tenant=tenant.slug, contacts=loaded[0], events=loaded[1])
    return report
