"""Reference data every database needs, kept in step with the code."""

from __future__ import annotations

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.models import Role
from crm_common.security.permissions import ROLE_DESCRIPTIONS, ROLE_PERMISSIONS


async def sync_roles(session: AsyncSession) -> None:
    """Make crm_roles match the role → permission map in code."""
    for role, permissions in ROLE_PERMISSIONS.items():
        values = {
            "name": role.value,
            "description": ROLE_DESCRIPTIONS[role],
            "permissions": sorted(p.value for p in permissions),
        }
        statement = insert(Role).values(**values)
        await session.execute(
            statement.on_conflict_do_update(
                index_elements=[Role.name],
                set_={"description": values["description"], "permissions": values["permissions"]},
            )
        )
