"""Data classification: every column of the schema, classified in this one place.

Levels, from least to most protected:

- `public`: may be shown to anyone (reference vocabulary such as role names).
- `internal`: business data of the tenant; any signed-in user with the right permission.
- `pii`: personal data — identifies or locates a person, or records what they did or said
  (address, name, birth date, coordinates, IP addresses, free-form attributes, message
  recipients). Masked for principals without `view_pii` (crm_common.masking reads this
  registry), included in a data subject's export, removed or pseudonymised by erasure.
- `sensitive`: secrets and credentials (password hashes, MFA secrets, sealed webhook
  secrets, stored responses); never exported, never shown, never logged.

Use `classify(table, column)` for one column and `columns_of(table, level)` for a table's
columns at a level (`at_least=True` for that level and above). A test fails when a model
column is missing here, so a new column is classified when it is added.
"""

from __future__ import annotations

from enum import IntEnum


class Level(IntEnum):
    PUBLIC = 0
    INTERNAL = 1
    PII = 2
    SENSITIVE = 3

    @property
    def label(self) -> str:
        return self.name.lower()


PUBLIC, INTERNAL, PII, SENSITIVE = Level.PUBLIC, Level.INTERNAL, Level.PII, Level.SENSITIVE


class UnclassifiedColumn(KeyError):
    """The column is not in the registry."""


def _table(
    internal: str = "", *, pii: str = "", sensitive: str = "", public: str = ""
) -> dict[str, Level]:
    """Columns by level, each a space-separated list."""
    levels: dict[str, Level] = {}
    for names, level in (
        (public, PUBLIC),
        (internal, INTERNAL),
        (pii, PII),
        (sensitive, SENSITIVE),
    ):
        for name in names.split():
            if name in levels:
                raise ValueError(f"column {name} classified twice")
            levels[name] = level
    return levels


_TENANT = "id company_id created_at updated_at"

REGISTRY: dict[str, dict[str, Level]] = {
    # --- tenancy and platform
    "crm_companies": _table("id name slug settings is_active created_at updated_at"),
    "crm_roles": _table(public="name description permissions"),
    "crm_users": _table(
        f"{_TENANT} is_active mfa_enabled last_login_at password_changed_at",
        pii="email full_name",
        sensitive="password_hash mfa_secret",
    ),
    "crm_user_roles": _table("user_id role_name granted_at company_id"),
    "crm_refresh_tokens": _table(
        "family_id user_id parent_jti issued_at expires_at family_expires_at used_at revoked_at "
        "revoked_reason company_id",
        sensitive="jti",
    ),
    "crm_audit_log": _table(
        "id occurred_at actor_user_id action entity_type entity_id request_id chain_seq "
        "chained_at payload_digest prev_hash row_hash redacted_at redaction_request_id company_id",
        pii="old_values new_values client_ip user_agent",
    ),
    "crm_audit_anchors": _table(
        "id first_seq prev_hash pruned_rows pruned_before anchored_at previous_checkpoint "
        "checkpoint_hash company_id"
    ),
    "crm_audit_retention_anchors": _table(
        "id purged_through_id purged_before rows_removed last_row created_at company_id"
    ),
    "crm_outbox": _table(
        "id event_id event_type envelope created_at published_at stream_id publish_attempts "
        "company_id"
    ),
    "crm_processed_events": _table("consumer event_id processed_at note"),
    "crm_idempotency_keys": _table(
        "key scope company_id user_id request_hash response_status created_at expires_at",
        sensitive="response_body",
    ),
    "crm_code_sequences": _table("id prefix year last_value company_id"),
    # --- campaigns and reference data
    "crm_campaigns": _table(
        f"{_TENANT} created_by_user_id updated_by_user_id approved_by_user_id campaign_name "
        "campaign_code description campaign_type campaign_category primary_channel "
        "campaign_status approval_status start_date end_date total_budget actual_spend spend_exact "
        "currency_code target_audience_size expected_conversion_rate target_roi approved_at "
        "approval_comment is_deleted deleted_at version parent_campaign_id"
    ),
    "crm_campaign_segments": _table(
        f"{_TENANT} campaign_id segment_name segment_type demographic_criteria "
        "behavioral_criteria geographic_criteria psychographic_criteria target_count "
        "actual_count engagement_rate last_evaluated_at is_deleted deleted_at"
    ),
    "crm_campaign_templates": _table(
        f"{_TENANT} template_name template_code description template_type campaign_structure "
        "default_settings content_template asset_references is_active is_default usage_count "
        "version"
    ),
    "crm_campaign_budgets": _table(
        f"{_TENANT} budget_name budget_code description budget_type allocation_rules "
        "approval_threshold total_amount currency_code cost_centers is_active fiscal_year "
        "parent_budget_id version"
    ),
    "crm_campaign_template_links": _table(
        "campaign_id template_id is_primary created_at company_id"
    ),
    "crm_campaign_budget_allocations": _table(
        "campaign_id budget_id allocated_amount drawn_amount created_at updated_at company_id"
    ),
    "crm_campaign_collaborators": _table(
        "campaign_id user_id collaborator_role added_by_user_id created_at company_id"
    ),
    "crm_campaign_contacts": _table(
        "company_id campaign_id contact_id segment_id launch_id added_at"
    ),
    "crm_ab_variants": _table(
        f"{_TENANT} campaign_id variant_name template_id subject content weight is_control"
    ),
    "crm_campaign_metrics": _table(
        "id company_id campaign_id channel metric_date sent delivered failed opens "
        "unique_opens clicks unique_clicks unsubscribes bounces conversions revenue spend "
        "spend_exact updated_at"
    ),
    # --- audience
    "crm_contacts": _table(
        f"{_TENANT} gender country language region city timezone external_id "
        "consented_channels interests lifestyle values attributes sample_bucket do_not_sell "
        "erased_at email_domain pii_key_version version",
        pii="email phone first_name last_name birth_date postal_code latitude longitude",
        sensitive="email_hash phone_hash",
    ),
    "crm_contact_consents": _table(
        "contact_id channel granted pending source recorded_at legal_basis expires_at "
        "ledger_id company_id"
    ),
    "crm_consent_ledger": _table(
        "id company_id contact_id channel action status previous_status legal_basis expires_at "
        "source "
        "recorded_at actor_user_id created_at pseudonymised_at",
        pii="proof",
    ),
    "crm_contact_events": _table(
        "id company_id event_id contact_id event_type occurred_at campaign_id received_at "
        "sample_bucket",
        pii="properties",
    ),
    "crm_suppressions": _table(
        "id company_id channel contact_id reason source campaign_id created_at key_version",
        pii="address",
        sensitive="address_hash",
    ),
    "crm_pii_keys": _table("company_id purpose version kek_id created_at", sensitive="wrapped_key"),
    "crm_segment_memberships": _table("company_id segment_id contact_id added_at"),
    "crm_segment_evaluations": _table(
        "id company_id segment_id evaluated_at matched member_count added removed excluded took_ms"
    ),
    # --- delivery
    "crm_launches": _table(
        f"{_TENANT} campaign_id idempotency_key requested_by_user_id launch_status parameters "
        "scheduled_at started_at finished_at total_recipients sent_count failed_count "
        "skipped_count lease_owner lease_expires_at attempts last_error resolved_at "
        "audience_linked_at"
    ),
    "crm_deliveries": _table(
        f"{_TENANT} launch_id campaign_id contact_id channel variant_id delivery_status "
        "attempts lease_owner lease_expires_at provider_message_id last_error sent_at cost "
        "next_attempt_at provider error_code"
    ),
    "crm_message_links": _table("delivery_id position url company_id"),
    "crm_test_sends": _table(
        f"{_TENANT} campaign_id requested_by_user_id contact_id variant_id channel subject "
        "send_status attempts provider provider_message_id last_error sent_at links headers "
        "personal_data",
        pii="recipient html text_body",
    ),
    # --- budgets, approvals, attribution
    "crm_budget_spend": _table("budget_id reserved_amount updated_at company_id"),
    "crm_campaign_spend": _table("campaign_id reserved_amount updated_at company_id"),
    "crm_campaign_alert_settings": _table(
        "campaign_id rules pause_at_severity updated_by_user_id updated_at company_id"
    ),
    "crm_campaign_alerts": _table(
        "id company_id campaign_id launch_id alert_kind metric severity observed threshold "
        "paused details raised_at"
    ),
    "crm_approval_policies": _table(
        "company_id steps drift_threshold_percent updated_by_user_id updated_at"
    ),
    "crm_campaign_approvals": _table(
        "id company_id campaign_id step_index step_name approver_user_id comment fingerprint "
        "content total_budget mfa_verified completes_chain is_current invalidated_at "
        "invalidated_reason created_at"
    ),
    "crm_approval_audience_snapshots": _table(
        "id company_id approval_id campaign_id segment_id segment_name member_count "
        "member_ids created_at"
    ),
    "crm_attribution_settings": _table("company_id window_days updated_at"),
    "crm_exchange_rates": _table("company_id currency_code rate updated_at"),
    "crm_conversions": _table(
        "id company_id source external_id contact_id conversion_type amount currency_code "
        "exchange_rate amount_base base_currency occurred_at campaign_id utm_source utm_medium "
        "utm_campaign event_id created_at"
    ),
    "crm_conversion_attributions": _table(
        "conversion_id campaign_id touches total_touches is_first_touch is_last_touch company_id"
    ),
    # --- data subject rights
    "crm_data_subject_requests": _table(
        "id company_id contact_id kind outcome requested_by_user_id requested_at request_id",
        pii="details",
    ),
    "crm_legal_holds": _table(
        "id company_id contact_id campaign_id reason placed_by_user_id placed_at released_at "
        "released_by_user_id release_reason"
    ),
    "crm_retention_policies": _table(
        "company_id data_class retain_days updated_by_user_id updated_at"
    ),
    # --- webhooks
    "crm_webhook_subscriptions": _table(
        f"{_TENANT} name description url event_types status previous_secret_expires_at "
        "consecutive_failures disabled_at disabled_reason last_success_at last_failure_at "
        "created_by_user_id version",
        sensitive="secret_sealed previous_secret_sealed",
    ),
    "crm_webhook_deliveries": _table(
        f"{_TENANT} subscription_id event_id event_type body is_test status attempts "
        "next_attempt_at lease_until last_status_code last_error delivered_at"
    ),
    "crm_webhook_attempts": _table(
        "id company_id delivery_id attempt url outcome status_code error latency_ms started_at",
        sensitive="response_body",
    ),
    "crm_webhook_allow_lists": _table("company_id entries updated_by_user_id updated_at"),
}


def classify(table: str, column: str) -> Level:
    """The level of `table.column`; raises UnclassifiedColumn when it is not registered."""
    try:
        return REGISTRY[table][column]
    except KeyError:
        raise UnclassifiedColumn(f"{table}.{column} is not classified") from None


def columns_of(table: str, level: Level, *, at_least: bool = False) -> tuple[str, ...]:
    """The columns of `table` at `level` (or at it and above), in registry order."""
    return tuple(
        name
        for name, found in REGISTRY.get(table, {}).items()
        if found == level or (at_least and found >= level)
    )


def personal_columns(table: str) -> tuple[str, ...]:
    """The columns of `table` holding personal data or secrets (pii and sensitive)."""
    return columns_of(table, PII, at_least=True)
