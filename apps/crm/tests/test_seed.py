"""The demo seed creates both tenants, every demo user, reference data and contacts, and a
second run changes nothing."""

from sqlalchemy import func, select

from crm_cli.seed import seed_demo
from crm_common.models import (
    CampaignBudget,
    CampaignTemplate,
    Company,
    Contact,
    ContactConsent,
    ContactEvent,
    User,
    UserRole,
)
from crm_common.security.passwords import verify_password

DEMO_USERS = {
    "admin@acme.test": "admin",
    "manager@acme.test": "marketing_manager",
    "specialist@acme.test": "campaign_specialist",
    "analyst@acme.test": "marketing_analyst",
    "finance@acme.test": "finance",
    "admin@globex.test": "admin",
}


async def _counts(db) -> dict[str, int]:
    async with db.system_session() as session:
        return {
            model.__name__: (
                await session.execute(select(func.count()).select_from(model))
            ).scalar_one()
            for model in (
                Company,
                User,
                UserRole,
                CampaignTemplate,
                CampaignBudget,
                Contact,
                ContactConsent,
                ContactEvent,
            )
        }


async def test_seed_is_complete_and_idempotent(db) -> None:
    await seed_demo(db, "demo-pass-123", contacts=40, events_per_contact=3)
    first = await _counts(db)
    await seed_demo(db, "demo-pass-123", contacts=40, events_per_contact=3)
    second = await _counts(db)

    assert first == second
    assert first["Company"] == 2
    assert first["User"] == 6
    assert first["Contact"] == 80
    assert first["ContactEvent"] > 0
    assert first["CampaignTemplate"] == 8
    assert first["CampaignBudget"] == 4
    async with db.system_session() as session:
        budgets = (
            (
                await session.execute(
                    select(CampaignBudget).order_by(
                        CampaignBudget.company_id, CampaignBudget.budget_type
                    )
                )
            )
            .scalars()
            .all()
        )
    by_id = {budget.id: budget for budget in budgets}
    quarters = [budget for budget in budgets if budget.budget_type == "quarterly"]
    assert len(quarters) == 2
    for quarter in quarters:
        # The quarter is money of its company's annual budget, not money of its own.
        parent = by_id[quarter.parent_budget_id]
        assert (parent.budget_type, parent.company_id) == ("annual", quarter.company_id)
        assert quarter.total_amount <= parent.total_amount
    async with db.system_session() as session:
        rows = (
            await session.execute(
                select(User.email, UserRole.role_name, User.password_hash).join(
                    UserRole, UserRole.user_id == User.id
                )
            )
        ).all()
    assert {email: role for email, role, _ in rows} == DEMO_USERS
    assert all(verify_password(hashed, "demo-pass-123") for _, _, hashed in rows)


async def test_consent_rows_agree_with_consented_channels(db) -> None:
    await seed_demo(db, "demo-pass-123", contacts=60, events_per_contact=1)
    async with db.system_session() as session:
        contacts = (await session.execute(select(Contact.id, Contact.consented_channels))).all()
        granted = (
            await session.execute(
                select(ContactConsent.contact_id, ContactConsent.channel).where(
                    ContactConsent.granted
                )
            )
        ).all()
    by_contact: dict = {}
    for contact_id, channel in granted:
        by_contact.setdefault(contact_id, set()).add(channel)
    for contact_id, channels in contacts:
        assert set(channels) == by_contact.get(contact_id, set())
