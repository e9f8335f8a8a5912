"""The ORM models of the whole schema (one module per aggregate)."""

from crm_common.models.attribution import (
    AttributionSettings,
    Conversion,
    ConversionAttribution,
    ExchangeRate,
)
from crm_common.models.audience import (
    Contact,
    ContactConsent,
    ContactEvent,
    SegmentEvaluation,
    SegmentMembership,
    Suppression,
)
from crm_common.models.base import Base
from crm_common.models.budget_guard import (
    BudgetSpend,
    CampaignAlert,
    CampaignAlertSettings,
    CampaignSpend,
)
from crm_common.models.campaign import (
    Campaign,
    CampaignBudgetAllocation,
    CampaignCollaborator,
    CampaignContact,
    CampaignSegment,
    CampaignTemplateLink,
    CodeSequence,
)
from crm_common.models.consent_ledger import ConsentLedgerEntry
from crm_common.models.data_rights import DataSubjectRequest, LegalHold, RetentionPolicy
from crm_common.models.delivery import (
    CLAIMABLE_DELIVERY,
    FRESH_DELIVERY,
    AbVariant,
    CampaignMetric,
    Delivery,
    Launch,
    MessageLink,
    delivered_to,
    launch_delivery_ids,
)
from crm_common.models.governance import (
    ApprovalAudienceSnapshot,
    ApprovalPolicy,
    CampaignApproval,
)
from crm_common.models.pii_keys import PiiKey
from crm_common.models.platform import AuditLog, IdempotencyKey, OutboxEvent, ProcessedEvent
from crm_common.models.reference import CampaignBudget, CampaignTemplate
from crm_common.models.tenancy import Company, RefreshToken, Role, User, UserRole
from crm_common.models.test_send import CampaignTestSend
from crm_common.models.webhook import (
    WebhookAllowList,
    WebhookAttempt,
    WebhookDelivery,
    WebhookSubscription,
)

__all__ = [
    "CLAIMABLE_DELIVERY",
    "FRESH_DELIVERY",
    "AbVariant",
    "ApprovalAudienceSnapshot",
    "ApprovalPolicy",
    "AttributionSettings",
    "AuditLog",
    "Base",
    "BudgetSpend",
    "Campaign",
    "CampaignAlert",
    "CampaignAlertSettings",
    "CampaignApproval",
    "CampaignBudget",
    "CampaignBudgetAllocation",
    "CampaignCollaborator",
    "CampaignContact",
    "CampaignMetric",
    "CampaignSegment",
    "CampaignSpend",
    "CampaignTemplate",
    "CampaignTemplateLink",
    "CampaignTestSend",
    "CodeSequence",
    "Company",
    "ConsentLedgerEntry",
    "Contact",
    "ContactConsent",
    "ContactEvent",
    "Conversion",
    "ConversionAttribution",
    "DataSubjectRequest",
    "Delivery",
    "ExchangeRate",
    "IdempotencyKey",
    "Launch",
    "LegalHold",
    "MessageLink",
    "OutboxEvent",
    "PiiKey",
    "ProcessedEvent",
    "RefreshToken",
    "RetentionPolicy",
    "Role",
    "SegmentEvaluation",
    "SegmentMembership",
    "Suppression",
    "User",
    "UserRole",
    "WebhookAllowList",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookSubscription",
    "delivered_to",
    "launch_delivery_ids",
]

TENANT_TABLES: tuple[str, ...] = tuple(
    table.name for table in Base.metadata.sorted_tables if "company_id" in table.c
)
"""Every tenant-owned table: row-level security applies to each."""
