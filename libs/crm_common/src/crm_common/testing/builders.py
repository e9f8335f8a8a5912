"""Small async builders shared by every service's tests."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from crm_common.crypto import rotation
from crm_common.db import Database
from crm_common.models import (
    Campaign,
    CampaignSegment,
    CampaignTemplate,
    CampaignTemplateLink,
    Company,
    Contact,
    RefreshToken,
    User,
    UserRole,
)
from crm_common.security.jwt import TokenCodec, TokenType
from crm_common.security.passwords import hash_password
from crm_common.security.permissions import permissions_for

# Hashing with Argon2 is slow on purpose; tests share one hash.
TEST_PASSWORD = "test-pass-123"  # noqa: S105 - a test fixture, not a secret
_TEST_HASH = hash_password(TEST_PASSWORD)


async def make_company(db: Database, slug: str | None = None, **settings: Any) -> Company:
    slug = slug or f"co-{uuid.uuid4().hex[:8]}"
    company = Company(name=slug.title(), slug=slug, settings=settings)
    async with db.system_session() as session:
        session.add(company)
    return company


async def make_user(db: Database, company: Company, *roles: str, email: str | None = None) -> User:
    user = User(
        company_id=company.id,
        email=email or f"user-{uuid.uuid4().hex[:8]}@{company.slug}.test",
        full_name="Test User",
        password_hash=_TEST_HASH,
    )
    async with db.system_session() as session:
        session.add(user)
        await session.flush()
        for role in roles or ("admin",):
            session.add(UserRole(company_id=company.id, user_id=user.id, role_name=role))
    user.__dict__["test_roles"] = list(roles or ("admin",))
    return user


def access_token(codec: TokenCodec, user: User, ttl: timedelta = timedelta(minutes=15)) -> str:
    roles = user.__dict__.get("test_roles", ["admin"])
    return codec.encode(
        TokenType.ACCESS,
        str(user.id),
        ttl,
        {
            "company_id": str(user.company_id),
            "roles": roles,
            "permissions": sorted(p.value for p in permissions_for(roles)),
        },
    )


def auth_headers(codec: TokenCodec, user: User) -> dict[str, str]:
    return {"Authorization": f"Bearer {access_token(codec, user)}"}


async def make_contacts(
    db: Database,
    company: Company,
    count: int = 1,
    *,
    consent: tuple[str, ...] = ("email", "sms", "direct_mail"),
    **fields: Any,
) -> list[Contact]:
    """`count` contacts with addresses and consent on `consent` (a sendable audience)."""
    contacts = []
    for _ in range(count):
        tag = uuid.uuid4().hex[:10]
        values: dict[str, Any] = {
            "external_id": f"ext-{tag}",
            "email": f"{tag}@contacts.test",
            "phone": f"+1555{int(tag[:6], 16) % 10_000_000:07d}",
            "first_name": "Ann",
            "consented_channels": list(consent),
            **fields,
        }
        contacts.append(Contact(id=uuid.uuid4(), company_id=company.id, **values))
    async with db.system_session() as session:
        session.add_all(contacts)
    await seal_personal_data(db, company.id)
    return contacts


async def seal_personal_data(db: Database, company_id: uuid.UUID) -> None:
    """Encrypt the company's contacts and suppressions written in plaintext by a test (the
    returned ORM objects keep their plaintext values), as the API would have stored them."""
    await rotation.reencrypt_company(db, company_id)


async def make_email_campaign(
    db: Database,
    company: Company,
    user: User,
    *,
    content: str,
    subject: str,
    name: str = "Spring sale",
    status: str = "planned",
    criteria: dict[str, Any] | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
) -> tuple[Campaign, CampaignSegment]:
    """An email campaign ready to launch: its primary template (`content`, `subject`) and one
    demographic segment (`criteria`, default everyone); by default running since an hour ago
    for 30 days."""
    now = datetime.now(UTC)
    async with db.system_session() as session:
        campaign = Campaign(
            id=uuid.uuid4(),
            company_id=company.id,
            created_by_user_id=user.id,
            campaign_name=name,
            campaign_code=f"CMP-{uuid.uuid4().hex[:8]}",
            campaign_type="promotional",
            primary_channel="email",
            campaign_status=status,
            start_date=start or now - timedelta(hours=1),
            end_date=end or now + timedelta(days=30),
        )
        template = CampaignTemplate(
            id=uuid.uuid4(),
            company_id=company.id,
            template_name=name,
            template_code=f"T-{uuid.uuid4().hex[:6]}",
            template_type="email",
            content_template=content,
            default_settings={"subject": subject},
        )
        session.add_all([campaign, template])
        await session.flush()
        segment = CampaignSegment(
            id=uuid.uuid4(),
            company_id=company.id,
            campaign_id=campaign.id,
            segment_name="Everyone",
            segment_type="demographic",
            demographic_criteria=criteria or {},
        )
        link = CampaignTemplateLink(
            company_id=company.id, campaign_id=campaign.id, template_id=template.id, is_primary=True
        )
        session.add_all([link, segment])
    return campaign, segment


async def give_message(db: Database, campaign_id: uuid.UUID | str) -> CampaignTemplate:
    """Link a primary template to the campaign, written straight to the database (no version
    bump, audit row or event): a launch request needs a message to send."""
    async with db.system_session() as session:
        campaign = await session.get(Campaign, uuid.UUID(str(campaign_id)))
        assert campaign is not None
        template = CampaignTemplate(
            id=uuid.uuid4(),
            company_id=campaign.company_id,
            template_name="Message",
            template_code=f"M-{uuid.uuid4().hex[:6]}",
            template_type="email",
            content_template="<p>Hello {{ first_name | default('there') }}</p>",
            default_settings={"subject": "Hello"},
        )
        session.add(template)
        await session.flush()
        session.add(
            CampaignTemplateLink(
                company_id=template.company_id,
                campaign_id=uuid.UUID(str(campaign_id)),
                template_id=template.id,
                is_primary=True,
            )
        )
    return template


async def make_live_session(db: Database, *roles: str) -> tuple[Company, User, str]:
    """A company, a user with `roles` and one live session of theirs (a refresh-token family
    valid for an hour): the session id an access token names in its `sid` claim."""
    company = await make_company(db)
    user = await make_user(db, company, *roles)
    family = uuid.uuid4()
    now = datetime.now(UTC)
    async with db.system_session() as session:
        session.add(
            RefreshToken(
                company_id=company.id,
                jti=uuid.uuid4(),
                family_id=family,
                user_id=user.id,
                expires_at=now + timedelta(hours=1),
                family_expires_at=now + timedelta(hours=1),
            )
        )
    return company, user, str(family)
