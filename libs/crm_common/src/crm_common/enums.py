"""Enumerations shared by the schema, the APIs and the SPA."""

from enum import StrEnum


class CampaignStatus(StrEnum):
    DRAFT = "draft"
    PLANNED = "planned"
    ACTIVE = "active"
    PAUSED = "paused"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class ApprovalStatus(StrEnum):
    NOT_REQUIRED = "not_required"
    PENDING_APPROVAL = "pending_approval"
    APPROVED = "approved"
    REJECTED = "rejected"


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"
    SOCIAL = "social"
    DIRECT_MAIL = "direct_mail"
    MULTI_CHANNEL = "multi_channel"


class CampaignType(StrEnum):
    PROMOTIONAL = "promotional"
    NEWSLETTER = "newsletter"
    PRODUCT_LAUNCH = "product_launch"
    EVENT = "event"
    NURTURE = "nurture"
    RETENTION = "retention"
    REENGAGEMENT = "reengagement"
    AWARENESS = "awareness"


class CampaignCategory(StrEnum):
    ACQUISITION = "acquisition"
    ENGAGEMENT = "engagement"
    RETENTION = "retention"
    BRAND = "brand"
    SALES = "sales"
    OTHER = "other"


class SegmentType(StrEnum):
    DEMOGRAPHIC = "demographic"
    BEHAVIORAL = "behavioral"
    GEOGRAPHIC = "geographic"
    PSYCHOGRAPHIC = "psychographic"
    MIXED = "mixed"


class TemplateType(StrEnum):
    EMAIL = "email"
    SMS = "sms"
    SOCIAL = "social"
    DIRECT_MAIL = "direct_mail"
    MULTI_CHANNEL = "multi_channel"
    LANDING_PAGE = "landing_page"


class BudgetType(StrEnum):
    ANNUAL = "annual"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"
    PROGRAM = "program"
    CAMPAIGN = "campaign"


class CollaboratorRole(StrEnum):
    OWNER = "owner"
    EDITOR = "editor"
    REVIEWER = "reviewer"
    VIEWER = "viewer"


class DeliveryChannel(StrEnum):
    """Channels a single message can go out on (multi_channel fans out to these)."""

    EMAIL = "email"
    SMS = "sms"
    SOCIAL = "social"
    DIRECT_MAIL = "direct_mail"


class LaunchStatus(StrEnum):
    REQUESTED = "requested"
    SCHEDULED = "scheduled"
    RESOLVING = "resolving"
    SENDING = "sending"
    PAUSED = "paused"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    DELIVERED = "delivered"
    FAILED = "failed"
    SKIPPED = "skipped"
    BOUNCED = "bounced"


class SuppressionReason(StrEnum):
    UNSUBSCRIBE = "unsubscribe"
    HARD_BOUNCE = "hard_bounce"
    COMPLAINT = "complaint"
    MANUAL = "manual"
    LEGAL = "legal"


class TestSendStatus(StrEnum):
    """Where a test send is: waiting for the launch worker, handed to the provider, or not."""

    __test__ = False  # a product enum, not a test class

    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


class ConsentStatus(StrEnum):
    """A contact's consent on one channel: given, awaiting double opt-in, or not given."""

    GRANTED = "granted"
    PENDING = "pending"
    WITHDRAWN = "withdrawn"


class ConsentAction(StrEnum):
    """What a consent ledger entry records."""

    GRANT = "grant"
    REQUEST = "request"  # an email grant waiting for the contact's double opt-in
    CONFIRM = "confirm"  # the contact clicked the double opt-in link
    WITHDRAW = "withdraw"
    EXPIRE = "expire"  # implied consent reached its end


class LegalBasis(StrEnum):
    """Why a contact may be sent to (CASL distinguishes express from implied consent)."""

    EXPRESS = "express"
    IMPLIED = "implied"
    LEGITIMATE_INTEREST = "legitimate_interest"
    CONTRACT = "contract"
