"""Roles and the permissions they grant: the one place this map lives."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Permission(StrEnum):
    CREATE_CAMPAIGN = "create_campaign"
    READ_CAMPAIGN = "read_campaign"
    UPDATE_CAMPAIGN = "update_campaign"
    DELETE_CAMPAIGN = "delete_campaign"
    LAUNCH_CAMPAIGN = "launch_campaign"
    APPROVE_CAMPAIGN = "approve_campaign"
    READ_REFERENCE_DATA = "read_reference_data"
    MANAGE_REFERENCE_DATA = "manage_reference_data"
    MANAGE_BUDGET = "manage_budget"
    VIEW_PII = "view_pii"
    VIEW_BUDGET = "view_budget"
    MANAGE_USERS = "manage_users"
    # Data-subject rights (docs/data-subject-rights.md): erasure, legal holds, retention and
    # the request log; exporting everything held about a contact (view_pii also allows it).
    MANAGE_PRIVACY = "manage_privacy"
    EXPORT_PERSONAL_DATA = "export_personal_data"
    MANAGE_WEBHOOKS = "manage_webhooks"
    READ_AUDIT_LOG = "read_audit_log"


class RoleName(StrEnum):
    ADMIN = "admin"
    MARKETING_MANAGER = "marketing_manager"
    CAMPAIGN_SPECIALIST = "campaign_specialist"
    MARKETING_ANALYST = "marketing_analyst"
    FINANCE = "finance"
    EXECUTIVE = "executive"
    SALES = "sales"


P = Permission
ROLE_PERMISSIONS: dict[RoleName, frozenset[Permission]] = {
    RoleName.ADMIN: frozenset(Permission),
    RoleName.MARKETING_MANAGER: frozenset(
        {
            P.CREATE_CAMPAIGN,
            P.READ_CAMPAIGN,
            P.UPDATE_CAMPAIGN,
            P.DELETE_CAMPAIGN,
            P.LAUNCH_CAMPAIGN,
            P.READ_REFERENCE_DATA,
            P.VIEW_BUDGET,
        }
    ),
    RoleName.CAMPAIGN_SPECIALIST: frozenset(
        {
            P.CREATE_CAMPAIGN,
            P.READ_CAMPAIGN,
            P.UPDATE_CAMPAIGN,
            P.READ_REFERENCE_DATA,
            P.VIEW_BUDGET,
        }
    ),
    RoleName.MARKETING_ANALYST: frozenset({P.READ_CAMPAIGN, P.READ_REFERENCE_DATA}),
    RoleName.FINANCE: frozenset(
        {P.READ_CAMPAIGN, P.APPROVE_CAMPAIGN, P.MANAGE_BUDGET, P.READ_REFERENCE_DATA, P.VIEW_BUDGET}
    ),
    RoleName.EXECUTIVE: frozenset({P.READ_CAMPAIGN, P.READ_REFERENCE_DATA, P.VIEW_BUDGET}),
    RoleName.SALES: frozenset({P.READ_CAMPAIGN}),
}

ROLE_DESCRIPTIONS: dict[RoleName, str] = {
    RoleName.ADMIN: "Tenant administrator: every permission, including users and roles.",
    RoleName.MARKETING_MANAGER: "Plans, edits, deletes and launches campaigns.",
    RoleName.CAMPAIGN_SPECIALIST: "Creates and edits campaigns, segments and content.",
    RoleName.MARKETING_ANALYST: "Reads campaigns and their performance.",
    RoleName.FINANCE: "Approves campaigns and manages budgets.",
    RoleName.EXECUTIVE: "Reads campaigns and their performance.",
    RoleName.SALES: "Reads campaigns.",
}


def permissions_for(roles: Iterable[str]) -> frozenset[Permission]:
    """The union of the permissions of `roles`; unknown role names grant nothing."""
    granted: set[Permission] = set()
    for role in roles:
        if role in RoleName.__members__.values():
            granted |= ROLE_PERMISSIONS[RoleName(role)]
    return frozenset(granted)
