// Generated from the merged OpenAPI document by `npm run client:generate`. Do not edit.

export interface paths {
    "/api/approval-policy/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the approval policy
         * @description The company's approval chain (steps in order) and audience drift threshold.
         */
        get: operations["read_policy_api_approval_policy__get"];
        /**
         * Replace the approval policy
         * @description Set the company's approval chain (one to ten steps: name, optional role, optional budget
         *     above which the step applies) and audience drift threshold in percent (admins).
         */
        put: operations["replace_policy_api_approval_policy__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attribution-settings/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the attribution settings
         * @description The attribution window, the company's default currency and its exchange-rate table.
         */
        get: operations["get_settings_api_attribution_settings__get"];
        /**
         * Replace the attribution settings
         * @description Set the attribution window and replace the exchange-rate table (conversions recorded
         *     from now on use them).
         */
        put: operations["put_settings_api_attribution_settings__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the company's audit log
         * @description List the company's audit rows chained in the period, newest first, with their chain
         *     fields.
         */
        get: operations["list_audit_log_api_audit__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/export/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the company's audit chain for a period
         * @description Stream the rows chained in the period with their chain fields and anchor, so the file
         *     verifies on its own (`crm audit-verify <file>`); the export itself is audited.
         */
        get: operations["export_audit_log_api_audit_export__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the company's audit chain
         * @description Check every row of the period (or the whole chain) against its digest, hash and
         *     predecessor; the first problem names the altered, removed, inserted or reordered row.
         */
        get: operations["verify_audit_log_api_audit_verify__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Jwks
         * @description The public keys that verify access tokens (empty when a shared secret signs them).
         */
        get: operations["jwks_api_auth__well_known_jwks_json_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Logout
         * @description End the session (or, with all_sessions, every session of the user).
         */
        post: operations["logout_api_auth_logout_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Me
         * @description The signed-in user with their company, roles and permissions.
         */
        get: operations["me_api_auth_me_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mfa Disable
         * @description Turn MFA off with a current code.
         */
        post: operations["mfa_disable_api_auth_mfa_disable_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/enroll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mfa Enroll
         * @description Start TOTP enrolment: the secret and otpauth URI are shown this once.
         */
        post: operations["mfa_enroll_api_auth_mfa_enroll_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mfa Sign In
         * @description Complete signing in with MFA: the challenge from POST /api/auth/token and a current
         *     code of the authenticator start the session.
         */
        post: operations["mfa_sign_in_api_auth_mfa_sign_in_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/step-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mfa Step Up
         * @description Exchange a TOTP code for a short-lived MFA token (send it as X-MFA-Token).
         */
        post: operations["mfa_step_up_api_auth_mfa_step_up_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mfa Verify
         * @description Confirm enrolment with a code from the authenticator; MFA is on from then.
         */
        post: operations["mfa_verify_api_auth_mfa_verify_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change Password
         * @description Change the caller's password; their other sessions are ended. Wrong current passwords
         *     back off as failed sign-ins do (429 with Retry-After).
         */
        post: operations["change_password_api_auth_password_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refresh
         * @description Exchange a refresh token for a new pair; the presented token can never be used again.
         */
        post: operations["refresh_api_auth_refresh_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign In
         * @description Sign in with email and password (OAuth2 password grant) and start a session. A user
         *     with MFA gets an `mfa_required` challenge instead of tokens: complete it at
         *     POST /api/auth/mfa/sign-in.
         */
        post: operations["sign_in_api_auth_token_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaign-budgets/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List budgets
         * @description List the company's budgets, filtered by activity, fiscal year, type or currency.
         */
        get: operations["list_budgets_api_campaign_budgets__get"];
        put?: never;
        /**
         * Create a budget
         * @description Create a budget for a fiscal year (its code is unique within the company).
         */
        post: operations["create_budget_api_campaign_budgets__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaign-budgets/availability/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Fiscal-year availability
         * @description What a fiscal year has: active budgets' total, what live campaigns hold, what is left.
         */
        get: operations["fiscal_year_availability_api_campaign_budgets_availability__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaign-budgets/{budget_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a budget
         * @description Get one budget; the ETag is its version.
         */
        get: operations["get_budget_api_campaign_budgets__budget_id___get"];
        /**
         * Replace a budget
         * @description Replace every field of a budget; it cannot drop below what live campaigns hold. With
         *     If-Match, a budget changed since that version is a 412.
         */
        put: operations["replace_budget_api_campaign_budgets__budget_id___put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a budget
         * @description Change some fields of a budget; it cannot drop below what live campaigns hold. With
         *     If-Match, a budget changed since that version is a 412.
         */
        patch: operations["patch_budget_api_campaign_budgets__budget_id___patch"];
        trace?: never;
    };
    "/api/campaign-budgets/{budget_id}/availability/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Budget availability
         * @description What one budget has: its total, what live campaigns' allocations hold, what is left.
         */
        get: operations["budget_availability_api_campaign_budgets__budget_id__availability__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaign-segments/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List campaign segments
         * @description List segments, filtered by campaign, type, target-count range or name.
         */
        get: operations["list_segments_api_campaign_segments__get"];
        put?: never;
        /**
         * Add a segment to a campaign
         * @description Add a segment with valid rules to a campaign; returns its validation and audience. A
         *     segment is part of its campaign: If-Match names the campaign's version, and the answer's
         *     ETag is the campaign's new one.
         */
        post: operations["create_segment_api_campaign_segments__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaign-segments/{segment_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a campaign segment
         * @description Get a segment with its validation results and audience analysis; the ETag is its
         *     campaign's version (what a write's If-Match names).
         */
        get: operations["get_segment_api_campaign_segments__segment_id___get"];
        /**
         * Replace a campaign segment
         * @description Replace a segment's name, type and criteria (validated again).
         */
        put: operations["replace_segment_api_campaign_segments__segment_id___put"];
        post?: never;
        /**
         * Delete a campaign segment
         * @description Soft-delete a segment (its history stays).
         */
        delete: operations["delete_segment_api_campaign_segments__segment_id___delete"];
        options?: never;
        head?: never;
        /**
         * Update a campaign segment
         * @description Change some of a segment's fields (criteria validated again).
         */
        patch: operations["patch_segment_api_campaign_segments__segment_id___patch"];
        trace?: never;
    };
    "/api/campaign-templates/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List templates
         * @description List the company's templates, defaults first, filtered by activity or type.
         */
        get: operations["list_templates_api_campaign_templates__get"];
        put?: never;
        /**
         * Create a template
         * @description Create a template (its code is unique within the company; one default per type).
         */
        post: operations["create_template_api_campaign_templates__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaign-templates/{template_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a template
         * @description Get one template; the ETag is its version.
         */
        get: operations["get_template_api_campaign_templates__template_id___get"];
        /**
         * Replace a template
         * @description Replace every field of a template; live campaigns keep it active and of the same type.
         *     With If-Match, a template changed since that version is a 412.
         */
        put: operations["replace_template_api_campaign_templates__template_id___put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a template
         * @description Change some fields of a template; live campaigns keep it active and of the same type.
         *     With If-Match, a template changed since that version is a 412.
         */
        patch: operations["patch_template_api_campaign_templates__template_id___patch"];
        trace?: never;
    };
    "/api/campaigns/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List campaigns
         * @description List the company's campaigns with filters, search, date ranges and sorting.
         */
        get: operations["list_campaigns_api_campaigns__get"];
        put?: never;
        /**
         * Create a campaign
         * @description Create a draft campaign; returns its warnings and whether it needs approval.
         */
        post: operations["create_campaign_api_campaigns__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a campaign
         * @description Get a campaign, optionally with segments and performance; the ETag is its version.
         */
        get: operations["get_campaign_api_campaigns__campaign_id___get"];
        /**
         * Replace a campaign
         * @description Replace every writable field; returns the change summary and approval state.
         */
        put: operations["replace_campaign_api_campaigns__campaign_id___put"];
        post?: never;
        /**
         * Delete a campaign
         * @description Soft-delete a campaign and its segments; refused while sending is in progress.
         */
        delete: operations["delete_campaign_api_campaigns__campaign_id___delete"];
        options?: never;
        head?: never;
        /**
         * Update a campaign
         * @description Change some writable fields; returns the change summary and approval state.
         */
        patch: operations["patch_campaign_api_campaigns__campaign_id___patch"];
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/alert-thresholds/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a campaign's alert thresholds
         * @description The campaign's performance rules and the severity that pauses it.
         */
        get: operations["read_thresholds_api_campaigns__campaign_id__alert_thresholds__get"];
        /**
         * Set a campaign's alert thresholds
         * @description Replace the campaign's performance rules and pause severity (audited).
         */
        put: operations["update_thresholds_api_campaigns__campaign_id__alert_thresholds__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/alerts/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a campaign's alerts
         * @description The budget and performance alerts raised on the campaign, newest first.
         */
        get: operations["list_alerts_api_campaigns__campaign_id__alerts__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/approval/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a campaign's approval state
         * @description The approval chain with each step's standing approval (approver, time, comment,
         *     fingerprint), the content fingerprint now, and what changed since the approved version.
         */
        get: operations["campaign_approval_api_campaigns__campaign_id__approval__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/approve/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a campaign
         * @description Approve a pending campaign (above the MFA threshold with an X-MFA-Token step-up); not
         *     by its creator or last editor.
         */
        post: operations["approve_campaign_api_campaigns__campaign_id__approve__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/audience-drift/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a campaign's audience drift since approval
         * @description Contacts added to and removed from each segment since the campaign was approved, and
         *     whether the drift is above the company's threshold (a launch then needs re-approval).
         */
        get: operations["audience_drift_api_campaigns__campaign_id__audience_drift__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/audit/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a campaign's history
         * @description List every change of a campaign and its segments, links and approvals, newest first.
         */
        get: operations["campaign_history_api_campaigns__campaign_id__audit__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/budget-forecast/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Forecast a launch's cost
         * @description The cost of launching now (sendable audience times unit costs) against the
         *     campaign's remaining budget, as the launch request will check it.
         */
        get: operations["budget_forecast_api_campaigns__campaign_id__budget_forecast__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/budgets/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a campaign's budget allocations
         * @description List the budgets a campaign draws on and how much from each.
         */
        get: operations["list_allocations_api_campaigns__campaign_id__budgets__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/budgets/{budget_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Allocate from a budget
         * @description Set how much the campaign draws on a budget of its currency and fiscal year.
         */
        put: operations["set_allocation_api_campaigns__campaign_id__budgets__budget_id___put"];
        post?: never;
        /**
         * Release a budget allocation
         * @description Stop the campaign drawing on a budget.
         */
        delete: operations["release_allocation_api_campaigns__campaign_id__budgets__budget_id___delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/cancel/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a campaign
         * @description Cancel a campaign that is not completed or cancelled (final; releases its budget).
         */
        post: operations["cancel_campaign_api_campaigns__campaign_id__cancel__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/collaborators/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a campaign's collaborators
         * @description List the users working on a campaign, with their roles.
         */
        get: operations["list_collaborators_api_campaigns__campaign_id__collaborators__get"];
        put?: never;
        /**
         * Add a collaborator
         * @description Add a user of the company to the campaign with a role.
         */
        post: operations["add_collaborator_api_campaigns__campaign_id__collaborators__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/collaborators/{user_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a collaborator
         * @description Remove a collaborator from the campaign; the last owner stays.
         */
        delete: operations["remove_collaborator_api_campaigns__campaign_id__collaborators__user_id___delete"];
        options?: never;
        head?: never;
        /**
         * Change a collaborator's role
         * @description Change a collaborator's role; the last owner stays an owner.
         */
        patch: operations["change_collaborator_api_campaigns__campaign_id__collaborators__user_id___patch"];
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/complete/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a campaign
         * @description Mark an active campaign completed (final).
         */
        post: operations["complete_campaign_api_campaigns__campaign_id__complete__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/consent-summary/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Consent summary of a campaign's audience
         * @description Consent of the campaign's audience by channel, status and legal basis.
         */
        get: operations["consent_summary_api_campaigns__campaign_id__consent_summary__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/hierarchy/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a campaign's hierarchy
         * @description The tree the campaign belongs to, from its top-level campaign, with a roll-up of
         *     budget, spend, audience, sends, opens, clicks, conversions and revenue at every node.
         */
        get: operations["get_hierarchy_api_campaigns__campaign_id__hierarchy__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/launch/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Launch a campaign
         * @description Check everything and record a launch request, once per Idempotency-Key.
         */
        post: operations["launch_campaign_api_campaigns__campaign_id__launch__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/launches/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a campaign's launches
         * @description List a campaign's launches with their state and counts, newest first.
         */
        get: operations["campaign_launches_api_campaigns__campaign_id__launches__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/parent/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a campaign's parent
         * @description Place the campaign under a parent of the company (null: top level); no cycles, at
         *     most three levels.
         */
        put: operations["set_parent_api_campaigns__campaign_id__parent__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/pause/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a campaign
         * @description Pause an active campaign.
         */
        post: operations["pause_campaign_api_campaigns__campaign_id__pause__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/plan/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Plan a campaign
         * @description Move a draft to planned; its dates must not clash with others on its channel, and a
         *     rejected campaign is submitted for approval again first.
         */
        post: operations["plan_campaign_api_campaigns__campaign_id__plan__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/preview/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Preview a campaign's message
         * @description The message rendered exactly as a recipient gets it (subject, HTML, text, headers,
         *     tracked links), for a contact of the company or placeholder data; sent to nobody and
         *     recorded nowhere. Without `view_pii` the contact's personal data is rendered masked.
         */
        get: operations["preview_message_api_campaigns__campaign_id__preview__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/reject/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a campaign
         * @description Reject a pending campaign with a comment saying why.
         */
        post: operations["reject_campaign_api_campaigns__campaign_id__reject__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/resume/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a campaign
         * @description Make a paused campaign active again (it must be approved when approval is required).
         */
        post: operations["resume_campaign_api_campaigns__campaign_id__resume__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/roi/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a campaign's ROI
         * @description Attributed revenue, cost, ROI, cost per click and per conversion and the conversion
         *     rate under one attribution model, against the campaign's targets.
         */
        get: operations["get_roi_api_campaigns__campaign_id__roi__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/submit-for-approval/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a campaign for approval
         * @description Ask for approval of the campaign's budget (again after a rejection).
         */
        post: operations["submit_for_approval_api_campaigns__campaign_id__submit_for_approval__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/templates/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a campaign's templates
         * @description List the templates a campaign uses, primary first.
         */
        get: operations["list_links_api_campaigns__campaign_id__templates__get"];
        put?: never;
        /**
         * Link a template
         * @description Link an active template whose type fits the campaign's channel.
         */
        post: operations["link_template_api_campaigns__campaign_id__templates__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/templates/{template_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Unlink a template
         * @description Stop a campaign using a template.
         */
        delete: operations["unlink_template_api_campaigns__campaign_id__templates__template_id___delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/test-send/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test message
         * @description Render the campaign's message exactly as a recipient gets it and send it to one
         *     address (email or phone); the launch worker sends it through the channel's provider.
         *     Without `view_pii` the contact's personal data is rendered masked, as the contacts API
         *     shows it.
         */
        post: operations["request_test_send_api_campaigns__campaign_id__test_send__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/test-sends/{test_send_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a test send
         * @description A test send: the message as rendered, and whether the provider accepted it. Without
         *     `view_pii` the address is masked, and the message is withheld (null) when a contact's
         *     personal data filled it.
         */
        get: operations["get_test_send_api_campaigns__campaign_id__test_sends__test_send_id___get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/variants/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a campaign's A/B variants
         * @description List a campaign's A/B variants, control first.
         */
        get: operations["list_variants_api_campaigns__campaign_id__variants__get"];
        put?: never;
        /**
         * Add an A/B variant
         * @description Add a variant (subject, content or template, weight) to a campaign not yet launched.
         */
        post: operations["create_variant_api_campaigns__campaign_id__variants__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/variants/results/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Results per A/B variant
         * @description Sent, unique opens and clicks and their rates per variant, and the winner.
         */
        get: operations["variant_results_api_campaigns__campaign_id__variants_results__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{campaign_id}/variants/{variant_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an A/B variant
         * @description Get one variant; the ETag is its campaign's version.
         */
        get: operations["get_variant_api_campaigns__campaign_id__variants__variant_id___get"];
        put?: never;
        post?: never;
        /**
         * Remove an A/B variant
         * @description Remove a variant from a campaign not yet launched.
         */
        delete: operations["delete_variant_api_campaigns__campaign_id__variants__variant_id___delete"];
        options?: never;
        head?: never;
        /**
         * Update an A/B variant
         * @description Change some fields of a variant of a campaign not yet launched.
         */
        patch: operations["update_variant_api_campaigns__campaign_id__variants__variant_id___patch"];
        trace?: never;
    };
    "/api/channel-costs/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read unit costs
         * @description The company's price per message on each channel and provider.
         */
        get: operations["read_channel_costs_api_channel_costs__get"];
        /**
         * Set unit costs
         * @description Replace the company's unit costs per channel and provider (audited).
         */
        put: operations["update_channel_costs_api_channel_costs__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contact-events/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Events
         * @description Events filtered by contact, type, campaign and time, newest first; their properties'
         *     values hidden without `view_pii`.
         */
        get: operations["list_events_api_contact_events__get"];
        put?: never;
        /**
         * Ingest Event
         * @description Record one event (201); the same event id again is a duplicate (200), stored once.
         */
        post: operations["ingest_event_api_contact_events__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contact-events/batch/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ingest Batch
         * @description Record up to 5,000 events with a result per event: created, duplicate or error.
         */
        post: operations["ingest_batch_api_contact_events_batch__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Contacts
         * @description List contacts with filters; PII is masked without view_pii.
         */
        get: operations["list_contacts_api_contacts__get"];
        put?: never;
        /**
         * Create Contact
         * @description Create one contact (its external_id must be new).
         */
        post: operations["create_contact_api_contacts__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/bulk/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bulk Upsert
         * @description Upsert up to 5,000 contacts by external_id, with a result per item. Valid items are
         *     written together (all or none); invalid ones are reported with the path of the error.
         */
        post: operations["bulk_upsert_api_contacts_bulk__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/import/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import Contacts
         * @description Import contacts from a CSV upload; every rejected row is reported with its number,
         *     column and reason, and the valid rows are written together.
         */
        post: operations["import_contacts_api_contacts_import__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/privacy/legal-holds/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Legal Holds
         * @description Legal holds on contacts and campaigns, newest first.
         */
        get: operations["list_legal_holds_api_contacts_privacy_legal_holds__get"];
        put?: never;
        /**
         * Place Legal Hold
         * @description Put a contact or a campaign under legal hold: retention keeps its data and a held
         *     contact cannot be erased.
         */
        post: operations["place_legal_hold_api_contacts_privacy_legal_holds__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/privacy/legal-holds/{hold_id}/release/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release Legal Hold
         * @description Release an active legal hold, with the reason.
         */
        post: operations["release_legal_hold_api_contacts_privacy_legal_holds__hold_id__release__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/privacy/requests/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Requests
         * @description The data-subject request log (who, when, which contact, kind, outcome), newest first.
         */
        get: operations["list_requests_api_contacts_privacy_requests__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/privacy/retention/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Retention
         * @description Days kept per data class (events, deliveries, rendered messages, audit).
         */
        get: operations["get_retention_api_contacts_privacy_retention__get"];
        /**
         * Set Retention
         * @description Replace the retention periods; a class left out or null is kept indefinitely.
         */
        put: operations["set_retention_api_contacts_privacy_retention__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/privacy/retention/dry-run/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retention Dry Run
         * @description What the nightly retention job would remove now, per data class and table.
         */
        get: operations["retention_dry_run_api_contacts_privacy_retention_dry_run__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{contact_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Contact
         * @description One contact; PII is masked without view_pii. The ETag is its version.
         */
        get: operations["get_contact_api_contacts__contact_id___get"];
        put?: never;
        post?: never;
        /**
         * Delete Contact
         * @description Delete a contact with its consent, events, memberships and deliveries (with If-Match:
         *     only the version read).
         */
        delete: operations["delete_contact_api_contacts__contact_id___delete"];
        options?: never;
        head?: never;
        /**
         * Update Contact
         * @description Change the fields sent (and consent, when sent). With If-Match, a contact changed
         *     since that version is a 412.
         */
        patch: operations["update_contact_api_contacts__contact_id___patch"];
        trace?: never;
    };
    "/api/contacts/{contact_id}/consent/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Consent
         * @description Current consent per channel (granted, pending double opt-in, withdrawn) with its legal
         *     basis and end, and the latest consent ledger entries.
         */
        get: operations["get_consent_api_contacts__contact_id__consent__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change Consent
         * @description Grant or withdraw consent on the channels named; each change is audited.
         */
        patch: operations["change_consent_api_contacts__contact_id__consent__patch"];
        trace?: never;
    };
    "/api/contacts/{contact_id}/consents/history/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Consent History
         * @description Every grant, withdrawal, opt-in request, confirmation and expiry, newest first.
         */
        get: operations["consent_history_api_contacts__contact_id__consents_history__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{contact_id}/do-not-sell/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set Do Not Sell
         * @description Record the contact's CCPA "do not sell or share" choice.
         */
        put: operations["set_do_not_sell_api_contacts__contact_id__do_not_sell__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{contact_id}/erase/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Erase Contact
         * @description Erase a contact's personal data everywhere (idempotent; 409 under legal hold).
         */
        post: operations["erase_contact_api_contacts__contact_id__erase__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{contact_id}/export/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export Contact
         * @description Everything held about a contact as JSON (needs view_pii or export_personal_data);
         *     served only by a deployment in the company's residency region, when it has one.
         */
        get: operations["export_contact_api_contacts__contact_id__export__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversions/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List conversions
         * @description The company's conversions, newest first, each with the campaigns it is attributed to.
         */
        get: operations["list_conversions_api_conversions__get"];
        put?: never;
        /**
         * Record a conversion
         * @description Record a conversion once per source and external id and attribute it to campaigns
         *     (tracked clicks and UTM codes within the window); the same body again answers 200.
         */
        post: operations["record_conversion_api_conversions__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversions/{conversion_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a conversion
         * @description One conversion and its attribution.
         */
        get: operations["get_conversion_api_conversions__conversion_id___get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/launches/{launch_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a launch
         * @description A launch's state, counts (queued, sent, failed, skipped, remaining), timings and its
         *     latest failed deliveries.
         */
        get: operations["read_launch_api_launches__launch_id___get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/settings/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the privacy settings
         * @description The company's privacy settings (double opt-in for email, data residency).
         */
        get: operations["read_settings_api_privacy_settings__get"];
        /**
         * Change the privacy settings
         * @description Replace the company's privacy settings (administrators).
         */
        put: operations["change_settings_api_privacy_settings__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/segments/estimate/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Estimate Audience
         * @description Count the sendable audience of (unsaved) rules, with exclusions and a sample of
         *     contacts. On a large company the counts are scaled from a uniform random sample of its
         *     contacts (`exact: false`, with 95 % ranges) unless `exact` is asked for.
         */
        post: operations["estimate_audience_api_segments_estimate__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/segments/schema/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Rules Schema
         * @description The JSON Schema of the segment rule language.
         */
        get: operations["rules_schema_api_segments_schema__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/segments/validate/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Validate Rules
         * @description Check segment rules; 422 names every offending path, 403 rules on personal data
         *     without view_pii.
         */
        post: operations["validate_rules_api_segments_validate__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/segments/{segment_id}/evaluate/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Evaluate Segment
         * @description Materialise a segment's membership and report what changed since the last run.
         */
        post: operations["evaluate_segment_api_segments__segment_id__evaluate__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/segments/{segment_id}/explain/{contact_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Explain Contact
         * @description Why a contact is or is not in the segment, rule by rule.
         */
        get: operations["explain_contact_api_segments__segment_id__explain__contact_id___get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/segments/{segment_id}/members/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Segment Members
         * @description The members of the segment's last evaluation (PII masked without view_pii).
         */
        get: operations["segment_members_api_segments__segment_id__members__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sending-settings/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the sending settings
         * @description Who the company's messages come from (as set, and as messages carry it now, defaults
         *     included) and its quiet hours.
         */
        get: operations["read_settings_api_sending_settings__get"];
        /**
         * Replace the sending settings
         * @description Replace the sender and the quiet hours (administrators); launches read them as they
         *     start, and a paused launch as it resumes.
         */
        put: operations["change_settings_api_sending_settings__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/suppressions/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Suppressions
         * @description Suppressed addresses, newest first; addresses are masked without view_pii.
         */
        get: operations["list_suppressions_api_suppressions__get"];
        put?: never;
        /**
         * Add Suppression
         * @description Suppress an address on a channel or on all channels (201; 200 when already there).
         */
        post: operations["add_suppression_api_suppressions__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/suppressions/{suppression_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Suppression
         * @description One suppression; the address is masked without view_pii.
         */
        get: operations["get_suppression_api_suppressions__suppression_id___get"];
        put?: never;
        post?: never;
        /**
         * Remove Suppression
         * @description Lift a suppression.
         */
        delete: operations["remove_suppression_api_suppressions__suppression_id___delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Users
         * @description The company's users with their roles.
         */
        get: operations["list_users_api_users__get"];
        put?: never;
        /**
         * Create User
         * @description Add a user with a password and roles.
         */
        post: operations["create_user_api_users__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/roles/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Roles
         * @description Every role and the permissions it grants, as one page of the list contract.
         */
        get: operations["list_roles_api_users_roles__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{user_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get User
         * @description One user with their roles.
         */
        get: operations["get_user_api_users__user_id___get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update User
         * @description Change a user's email or full name.
         */
        patch: operations["update_user_api_users__user_id___patch"];
        trace?: never;
    };
    "/api/users/{user_id}/activate/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate User
         * @description Let a deactivated user sign in again.
         */
        post: operations["activate_user_api_users__user_id__activate__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{user_id}/deactivate/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate User
         * @description Deactivate a user: they cannot sign in and their sessions end.
         */
        post: operations["deactivate_user_api_users__user_id__deactivate__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{user_id}/reset-mfa/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset Mfa
         * @description Turn a user's MFA off so they can enrol a new authenticator.
         */
        post: operations["reset_mfa_api_users__user_id__reset_mfa__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{user_id}/reset-password/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset Password
         * @description Set a new password for a user; their sessions end.
         */
        post: operations["reset_password_api_users__user_id__reset_password__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{user_id}/roles/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set Roles
         * @description Replace a user's roles (the company always keeps one active admin).
         */
        put: operations["set_roles_api_users__user_id__roles__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook subscriptions
         * @description The company's webhook subscriptions, oldest first, with their health.
         */
        get: operations["list_webhooks_api_webhooks__get"];
        put?: never;
        /**
         * Subscribe a URL to events
         * @description Subscribe an http(s) URL of a public address (or one on the allow-list) to event
         *     types; the answer carries the signing secret, shown this once.
         */
        post: operations["create_webhook_api_webhooks__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/allow-list/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the allow-list
         * @description The hosts and networks the company's webhooks may reach although not public.
         */
        get: operations["get_allow_list_api_webhooks_allow_list__get"];
        /**
         * Replace the allow-list
         * @description Replace the hosts (`name`, `*.domain`) and networks (IP, CIDR) the company's webhooks
         *     may reach although they are not public; cloud metadata addresses and the platform's own
         *     networks stay refused.
         */
        put: operations["set_allow_list_api_webhooks_allow_list__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/event-types/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List event types
         * @description The event types a subscription can pick.
         */
        get: operations["list_event_types_api_webhooks_event_types__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{webhook_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a webhook
         * @description One subscription with its health (never its secret); the ETag is its version.
         */
        get: operations["get_webhook_api_webhooks__webhook_id___get"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook
         * @description Remove a subscription and its delivery log (with If-Match: only the version read).
         */
        delete: operations["delete_webhook_api_webhooks__webhook_id___delete"];
        options?: never;
        head?: never;
        /**
         * Update a webhook
         * @description Change the name, URL (checked again), event types, or pause / resume deliveries. With
         *     If-Match, a subscription whose settings changed since that version is a 412.
         */
        patch: operations["update_webhook_api_webhooks__webhook_id___patch"];
        trace?: never;
    };
    "/api/webhooks/{webhook_id}/deliveries/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a webhook's deliveries
         * @description The delivery log, newest first: each event's state and every attempt (status code,
         *     the start of the response, latency, error).
         */
        get: operations["list_deliveries_api_webhooks__webhook_id__deliveries__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{webhook_id}/enable/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-enable a webhook
         * @description Deliver again to a subscription disabled after repeated failures (or paused).
         */
        post: operations["enable_webhook_api_webhooks__webhook_id__enable__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{webhook_id}/rotate-secret/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret
         * @description A new signing secret, shown this once; the old one also signs deliveries for
         *     `CRM_WEBHOOK_SECRET_GRACE_S` (default 24 h).
         */
        post: operations["rotate_secret_api_webhooks__webhook_id__rotate_secret__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{webhook_id}/test/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test ping
         * @description Queue a signed `webhook.ping` to the subscription's URL; the launch worker sends it
         *     within a second or two and its outcome appears in the delivery log.
         */
        post: operations["send_ping_api_webhooks__webhook_id__test__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ws-ticket/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create Ws Ticket
         * @description Issue a single-use ticket (about 30 s) for the first message on `/ws`.
         */
        post: operations["create_ws_ticket_api_ws_ticket__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["healthz_healthz_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hooks/sendgrid/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sendgrid Events
         * @description SendGrid's Event Webhook: deliveries, bounces, drops and spam reports.
         */
        post: operations["sendgrid_events_hooks_sendgrid_events_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hooks/twilio/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Twilio Status
         * @description Twilio's message status callback: delivered, undelivered, failed.
         */
        post: operations["twilio_status_hooks_twilio_status_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: Postgres and Redis answer and the schema is migrated */
        get: operations["readyz_readyz_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/t/c/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Click
         * @description Record a click and redirect to the link recorded for this message (never elsewhere).
         */
        get: operations["click_t_c__token__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/t/o/{token}.gif": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open Pixel
         * @description Record an open; the image is returned whatever the token, so mail never shows a
         *     broken image and a probe learns nothing.
         */
        get: operations["open_pixel_t_o__token__gif_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/t/opt-in/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Opt In Page
         * @description A confirmation page whose button posts the confirmation; it changes nothing.
         */
        get: operations["opt_in_page_t_opt_in__token__get"];
        put?: never;
        /**
         * Confirm Opt In
         * @description Confirm the email subscription (double opt-in); confirming twice is harmless.
         */
        post: operations["confirm_opt_in_t_opt_in__token__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/t/u/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Unsubscribe Page
         * @description A confirmation page whose button posts the one-click unsubscribe; it changes nothing.
         */
        get: operations["unsubscribe_page_t_u__token__get"];
        put?: never;
        /**
         * One Click Unsubscribe
         * @description RFC 8058 one-click unsubscribe: suppresses the address and withdraws consent at once.
         */
        post: operations["one_click_unsubscribe_t_u__token__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * AbTestPhase
         * @description Send the campaign's A/B variants to a sample first; after the wait, the rest of the
         *     audience gets the variant with the best rate (docs/launching.md, "A/B test phase").
         */
        AbTestPhase: {
            /**
             * Sample Percent
             * @description The share of the audience in the test, in percent.
             */
            sample_percent: number;
            /**
             * Wait Minutes
             * @description How long the test runs before the choice.
             * @default 60
             */
            wait_minutes?: number;
            /**
             * Metric
             * @description What chooses the winner.
             * @default open_rate
             * @enum {string}
             */
            metric?: "open_rate" | "click_rate";
        };
        /**
         * ActionComment
         * @description An optional note kept in the audit history.
         * @example {
         *       "comment": "Paused for the holidays."
         *     }
         */
        ActionComment: {
            /** Comment */
            comment?: string | null;
        };
        /**
         * AlertMetric
         * @enum {string}
         */
        AlertMetric: "bounce_rate" | "unsubscribe_rate" | "failure_rate" | "spend_pace";
        /**
         * AlertPage
         * @description One page of a campaign's alerts, newest first.
         * @example {
         *       "filters": {},
         *       "items": [
         *         {
         *           "alert_kind": "budget",
         *           "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *           "details": {
         *             "remaining": "0.00",
         *             "spent": "2000.00",
         *             "threshold_percent": 100
         *           },
         *           "id": "8b0f0c7e-3c55-4c55-9a57-1c1e5b7f2a10",
         *           "launch_id": "1f16c43a-b68c-4777-9213-847c11e96f90",
         *           "metric": "budget_spent",
         *           "observed": "100.000000",
         *           "paused": true,
         *           "raised_at": "2026-04-01T08:10:00Z",
         *           "severity": "critical",
         *           "threshold": "100.000000"
         *         }
         *       ],
         *       "page": 1,
         *       "page_size": 50,
         *       "total": 1
         *     }
         */
        AlertPage: {
            /** Items */
            items: components["schemas"]["AlertRead"][];
            /** Total */
            total: number;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /** Filters */
            filters: {
                [key: string]: unknown;
            };
        };
        /**
         * AlertRead
         * @description An alert raised on the campaign (once per metric and threshold).
         */
        AlertRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /** Launch Id */
            launch_id: string | null;
            /**
             * Alert Kind
             * @description budget or performance
             */
            alert_kind: string;
            /** Metric */
            metric: string;
            severity: components["schemas"]["Severity"];
            /** Observed */
            observed: string;
            /** Threshold */
            threshold: string;
            /**
             * Paused
             * @description Whether this alert paused the campaign.
             */
            paused: boolean;
            /** Details */
            details: {
                [key: string]: unknown;
            };
            /**
             * Raised At
             * Format: date-time
             */
            raised_at: string;
        };
        /**
         * AlertRule
         * @description One threshold on one metric.
         */
        "AlertRule-Input": {
            metric: components["schemas"]["AlertMetric"];
            /**
             * Threshold
             * @description Rates are fractions (0.05 = 5 %); spend_pace is a ratio (1.5 = 50 % ahead).
             */
            threshold: number | string;
            /** @default warning */
            severity?: components["schemas"]["Severity"];
            /**
             * Min Sent
             * @description Sent messages before the rule applies.
             * @default 100
             */
            min_sent?: number;
        };
        /**
         * AlertRule
         * @description One threshold on one metric.
         */
        "AlertRule-Output": {
            metric: components["schemas"]["AlertMetric"];
            /**
             * Threshold
             * @description Rates are fractions (0.05 = 5 %); spend_pace is a ratio (1.5 = 50 % ahead).
             */
            threshold: string;
            /** @default warning */
            severity?: components["schemas"]["Severity"];
            /**
             * Min Sent
             * @description Sent messages before the rule applies.
             * @default 100
             */
            min_sent?: number;
        };
        /**
         * AlertThresholdsRead
         * @example {
         *       "pause_at_severity": "critical",
         *       "rules": [
         *         {
         *           "metric": "bounce_rate",
         *           "min_sent": 200,
         *           "severity": "critical",
         *           "threshold": "0.05"
         *         },
         *         {
         *           "metric": "unsubscribe_rate",
         *           "min_sent": 200,
         *           "severity": "warning",
         *           "threshold": "0.01"
         *         },
         *         {
         *           "metric": "spend_pace",
         *           "min_sent": 0,
         *           "severity": "warning",
         *           "threshold": "1.5"
         *         }
         *       ]
         *     }
         */
        AlertThresholdsRead: {
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /** Rules */
            rules: components["schemas"]["AlertRule-Output"][];
            pause_at_severity: components["schemas"]["Severity"] | null;
            /** Updated At */
            updated_at: string | null;
        };
        /**
         * AlertThresholdsWrite
         * @description A campaign's rules (at most one per metric) and the severity that pauses it.
         * @example {
         *       "pause_at_severity": "critical",
         *       "rules": [
         *         {
         *           "metric": "bounce_rate",
         *           "min_sent": 200,
         *           "severity": "critical",
         *           "threshold": "0.05"
         *         },
         *         {
         *           "metric": "unsubscribe_rate",
         *           "min_sent": 200,
         *           "severity": "warning",
         *           "threshold": "0.01"
         *         },
         *         {
         *           "metric": "spend_pace",
         *           "min_sent": 0,
         *           "severity": "warning",
         *           "threshold": "1.5"
         *         }
         *       ]
         *     }
         */
        AlertThresholdsWrite: {
            /** Rules */
            rules?: components["schemas"]["AlertRule-Input"][];
            /** @description An alert this severe or worse pauses the campaign; null: never. */
            pause_at_severity?: components["schemas"]["Severity"] | null;
        };
        /**
         * AllocationList
         * @description A campaign's allocations and their sum.
         * @example {
         *       "allocated_amount": "12000.00",
         *       "approval_required": false,
         *       "approval_status": "not_required",
         *       "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "items": [
         *         {
         *           "allocated_amount": "12000.00",
         *           "budget_code": "FY2026-MKT",
         *           "budget_id": "3b9d6c55-6a43-4c1e-9f43-6a1f0c1f7e21",
         *           "budget_name": "FY2026 Marketing",
         *           "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *           "created_at": "2026-03-01T09:30:00Z",
         *           "currency_code": "USD",
         *           "fiscal_year": 2026,
         *           "updated_at": "2026-03-01T09:30:00Z"
         *         }
         *       ],
         *       "total": 1
         *     }
         */
        AllocationList: {
            /** Total */
            total: number;
            /**
             * Page
             * @default 1
             */
            page?: number;
            /**
             * Page Size
             * @description The page holds the whole list.
             * @default 0
             */
            page_size?: number;
            /** Filters */
            filters?: {
                [key: string]: unknown;
            };
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /** Items */
            items: components["schemas"]["AllocationRead"][];
            /** Allocated Amount */
            allocated_amount?: string | null;
            /** Approval Status */
            approval_status: string;
            /** Approval Required */
            approval_required: boolean;
        };
        /**
         * AllocationRead
         * @description One budget a campaign draws on.
         * @example {
         *       "allocated_amount": "12000.00",
         *       "budget_code": "FY2026-MKT",
         *       "budget_id": "3b9d6c55-6a43-4c1e-9f43-6a1f0c1f7e21",
         *       "budget_name": "FY2026 Marketing",
         *       "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "created_at": "2026-03-01T09:30:00Z",
         *       "currency_code": "USD",
         *       "fiscal_year": 2026,
         *       "updated_at": "2026-03-01T09:30:00Z"
         *     }
         */
        AllocationRead: {
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /**
             * Budget Id
             * Format: uuid
             */
            budget_id: string;
            /** Budget Code */
            budget_code: string;
            /** Budget Name */
            budget_name: string;
            /** Fiscal Year */
            fiscal_year: number;
            /** Currency Code */
            currency_code: string;
            /** Allocated Amount */
            allocated_amount?: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * AllocationWrite
         * @description How much a campaign draws on one budget.
         * @example {
         *       "allocated_amount": "12000.00"
         *     }
         */
        AllocationWrite: {
            /**
             * Allocated Amount
             * @example 15000.00
             */
            allocated_amount: number | string;
        };
        /**
         * AllowListRead
         * @description The company's allow-list of private webhook targets.
         * @example {
         *       "entries": [
         *         "hooks.corp.example",
         *         "*.intranet.example",
         *         "10.20.0.0/16"
         *       ],
         *       "updated_at": "2026-03-01T09:00:00Z"
         *     }
         */
        AllowListRead: {
            /** Entries */
            entries: string[];
            /** Updated At */
            updated_at: string | null;
        };
        /**
         * AllowListUpdate
         * @description The hosts (`name`, `*.domain`) and networks (IP or CIDR) the company's webhooks may
         *     reach although they are not public. Cloud metadata addresses are never allowed.
         * @example {
         *       "entries": [
         *         "hooks.corp.example",
         *         "*.intranet.example",
         *         "10.20.0.0/16"
         *       ]
         *     }
         */
        AllowListUpdate: {
            /** Entries */
            entries: string[];
        };
        /**
         * ApprovalComment
         * @description An optional note for the approval history.
         * @example {
         *       "comment": "Budget checked with finance."
         *     }
         */
        ApprovalComment: {
            /** Comment */
            comment?: string | null;
        };
        /**
         * ApprovalPolicyRead
         * @example {
         *       "drift_threshold_percent": "10.00",
         *       "is_default": false,
         *       "steps": [
         *         {
         *           "name": "Marketing sign-off"
         *         },
         *         {
         *           "min_total_budget": "10000.00",
         *           "name": "Finance",
         *           "role": "finance"
         *         }
         *       ],
         *       "updated_at": "2026-12-04T10:00:00+00:00",
         *       "updated_by_user_id": "0b7f3c52-2f7e-4a55-9a43-0d6f0f6f2a10"
         *     }
         */
        ApprovalPolicyRead: {
            /** Steps */
            steps: components["schemas"]["ApprovalStep-Output"][];
            /** Drift Threshold Percent */
            drift_threshold_percent: string | null;
            /** Is Default */
            is_default: boolean;
            /** Updated By User Id */
            updated_by_user_id?: string | null;
            /** Updated At */
            updated_at?: string | null;
        };
        /**
         * ApprovalPolicyWrite
         * @description A company's approval chain, in order, and its audience drift threshold.
         * @example {
         *       "drift_threshold_percent": "10.00",
         *       "steps": [
         *         {
         *           "name": "Marketing sign-off"
         *         },
         *         {
         *           "min_total_budget": "10000.00",
         *           "name": "Finance",
         *           "role": "finance"
         *         }
         *       ]
         *     }
         */
        ApprovalPolicyWrite: {
            /** Steps */
            steps: components["schemas"]["ApprovalStep-Input"][];
            /** Drift Threshold Percent */
            drift_threshold_percent?: number | string | null;
        };
        /** ApprovalRecord */
        ApprovalRecord: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Step Index */
            step_index: number;
            /** Step Name */
            step_name: string;
            /**
             * Approver User Id
             * Format: uuid
             */
            approver_user_id: string;
            /** Comment */
            comment: string | null;
            /** Fingerprint */
            fingerprint: string;
            /**
             * Total Budget
             * @description The budget approved; only for callers with budget visibility.
             */
            total_budget?: string | null;
            /** Mfa Verified */
            mfa_verified: boolean;
            /** Completes Chain */
            completes_chain: boolean;
            /** Is Current */
            is_current: boolean;
            /** Invalidated At */
            invalidated_at: string | null;
            /** Invalidated Reason */
            invalidated_reason: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
        };
        /**
         * ApprovalStatus
         * @enum {string}
         */
        ApprovalStatus: "not_required" | "pending_approval" | "approved" | "rejected";
        /**
         * ApprovalStep
         * @description One step of an approval chain: who may decide it (a role; admins decide any step) and
         *     from which campaign budget on it applies (`min_total_budget`: above that amount).
         */
        "ApprovalStep-Input": {
            /** Name */
            name: string;
            role?: components["schemas"]["RoleName"] | null;
            /** Min Total Budget */
            min_total_budget?: number | string | null;
        };
        /**
         * ApprovalStep
         * @description One step of an approval chain: who may decide it (a role; admins decide any step) and
         *     from which campaign budget on it applies (`min_total_budget`: above that amount).
         */
        "ApprovalStep-Output": {
            /** Name */
            name: string;
            role?: components["schemas"]["RoleName"] | null;
            /** Min Total Budget */
            min_total_budget?: string | null;
        };
        /**
         * AttributionModel
         * @enum {string}
         */
        AttributionModel: "first_touch" | "last_touch" | "linear";
        /** AttributionRead */
        AttributionRead: {
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /** Touches */
            touches: number;
            /** Total Touches */
            total_touches: number;
            /** Is First Touch */
            is_first_touch: boolean;
            /** Is Last Touch */
            is_last_touch: boolean;
        };
        /**
         * AttributionSettingsRead
         * @description The attribution window, the currency every roll-up and ROI is stated in, and the
         *     rate table converting other currencies to it.
         */
        AttributionSettingsRead: {
            /** Window Days */
            window_days: number;
            /** Base Currency */
            base_currency: string;
            /** Exchange Rates */
            exchange_rates: {
                [key: string]: string;
            };
        };
        /**
         * AttributionSettingsWrite
         * @description The attribution window and the full exchange-rate table (replaced as a whole).
         * @example {
         *       "exchange_rates": {
         *         "EUR": "1.08"
         *       },
         *       "window_days": 30
         *     }
         */
        AttributionSettingsWrite: {
            /** Window Days */
            window_days: number;
            /**
             * Exchange Rates
             * @description Units of the company's default currency per unit of each currency.
             */
            exchange_rates?: {
                [key: string]: number | string;
            };
        };
        /**
         * AudienceAnalysis
         * @description What the rules target, and where to count the audience.
         */
        AudienceAnalysis: {
            /**
             * Target Count
             * @description The stored name of `matched_count`.
             */
            target_count: number;
            /**
             * Actual Count
             * @description The stored name of `sendable_count`.
             */
            actual_count: number;
            /** Criteria Used */
            criteria_used: string[];
            /** Condition Count */
            condition_count: number;
            /** Behavioural Events */
            behavioural_events: string[];
            /** Evaluated */
            evaluated: boolean;
            /** Estimate Path */
            estimate_path: string;
            /** Evaluate Path */
            evaluate_path: string;
            /**
             * Matched Count
             * @description Contacts the segment's criteria match, before consent and suppression.
             */
            readonly matched_count: number;
            /**
             * Sendable Count
             * @description Matched contacts reachable on the campaign's channel (consented, not suppressed): the audience a launch sends to.
             */
            readonly sendable_count: number;
        };
        /**
         * AudienceDrift
         * @description Added and removed contacts per segment since the approval, and whether the total
         *     drift is above the company's threshold (a launch then needs a new approval).
         * @example {
         *       "added": 120,
         *       "approval_id": "8d2f9a61-4b0e-4f7c-9d51-1c3e5a7b9d20",
         *       "approved_at": "2026-12-04T10:00:00+00:00",
         *       "approved_count": 1000,
         *       "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "current_count": 1080,
         *       "drift_percent": "16.00",
         *       "exceeds_threshold": true,
         *       "removed": 40,
         *       "segments": [
         *         {
         *           "added": 120,
         *           "approved_count": 1000,
         *           "current_count": 1080,
         *           "removed": 40,
         *           "segment_id": "1a2b3c4d-0000-4000-8000-000000000001",
         *           "segment_name": "Germany"
         *         }
         *       ],
         *       "threshold_percent": "10.00"
         *     }
         */
        AudienceDrift: {
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /** Approval Id */
            approval_id: string | null;
            /** Approved At */
            approved_at: string | null;
            /** Approved Count */
            approved_count: number;
            /** Current Count */
            current_count: number;
            /** Added */
            added: number;
            /** Removed */
            removed: number;
            /** Drift Percent */
            drift_percent: string | null;
            /** Threshold Percent */
            threshold_percent: string | null;
            /** Exceeds Threshold */
            exceeds_threshold: boolean;
            /** Segments */
            segments: components["schemas"]["SegmentDrift"][];
        };
        /**
         * AuditEntry
         * @description One change: who, when, what (old and new values), from where.
         * @example {
         *       "action": "campaign.updated",
         *       "actor_user_id": "dde4cc25-8cec-48d6-a3f3-63fe26a4337b",
         *       "client_ip": "203.0.113.7",
         *       "entity_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "entity_type": "campaign",
         *       "id": 42,
         *       "new_values": {
         *         "total_budget": "18000.00"
         *       },
         *       "occurred_at": "2026-03-01T09:45:00Z",
         *       "old_values": {
         *         "total_budget": "15000.00"
         *       },
         *       "request_id": "726ce67e9568470694476d7d23f02ac2",
         *       "user_agent": "Mozilla/5.0"
         *     }
         */
        AuditEntry: {
            /** Id */
            id: number;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /** Actor User Id */
            actor_user_id: string | null;
            /** Action */
            action: string;
            /** Entity Type */
            entity_type: string;
            /**
             * Entity Id
             * Format: uuid
             */
            entity_id: string;
            /** Old Values */
            old_values: {
                [key: string]: unknown;
            } | null;
            /** New Values */
            new_values: {
                [key: string]: unknown;
            } | null;
            /** Request Id */
            request_id: string | null;
            /** Client Ip */
            client_ip: string | null;
            /** User Agent */
            user_agent: string | null;
        };
        /**
         * AuditLogEntry
         * @description One audit row and its place in the company's hash chain.
         * @example {
         *       "action": "campaign.updated",
         *       "actor_user_id": "dde4cc25-8cec-48d6-a3f3-63fe26a4337b",
         *       "chain_seq": 1041,
         *       "chained_at": "2026-03-01T09:45:00.012345Z",
         *       "client_ip": "203.0.113.7",
         *       "entity_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "entity_type": "campaign",
         *       "id": 42,
         *       "new_values": {
         *         "total_budget": "18000.00"
         *       },
         *       "occurred_at": "2026-03-01T09:45:00Z",
         *       "old_values": {
         *         "total_budget": "15000.00"
         *       },
         *       "payload_digest": "5d41402abc4b2a76b9719d911017c5925d41402abc4b2a76b9719d911017c592",
         *       "prev_hash": "9e107d9d372bb6826bd81d3542a419d69e107d9d372bb6826bd81d3542a419d6",
         *       "request_id": "726ce67e9568470694476d7d23f02ac2",
         *       "row_hash": "e4d909c290d0fb1ca068ffaddf22cbd0e4d909c290d0fb1ca068ffaddf22cbd0",
         *       "user_agent": "Mozilla/5.0"
         *     }
         */
        AuditLogEntry: {
            /** Id */
            id: number;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /** Actor User Id */
            actor_user_id: string | null;
            /** Action */
            action: string;
            /** Entity Type */
            entity_type: string;
            /**
             * Entity Id
             * Format: uuid
             */
            entity_id: string;
            /** Old Values */
            old_values: {
                [key: string]: unknown;
            } | null;
            /** New Values */
            new_values: {
                [key: string]: unknown;
            } | null;
            /** Request Id */
            request_id: string | null;
            /** Client Ip */
            client_ip: string | null;
            /** User Agent */
            user_agent: string | null;
            /** Chain Seq */
            chain_seq: number;
            /**
             * Chained At
             * Format: date-time
             */
            chained_at: string;
            /** Payload Digest */
            payload_digest: string;
            /** Prev Hash */
            prev_hash: string;
            /** Row Hash */
            row_hash: string;
            /** Redacted At */
            redacted_at: string | null;
            /** Redaction Request Id */
            redaction_request_id: string | null;
        };
        /**
         * AuditLogPage
         * @description One page of the company's audit log, newest first.
         * @example {
         *       "filters": {},
         *       "items": [
         *         {
         *           "action": "campaign.updated",
         *           "actor_user_id": "dde4cc25-8cec-48d6-a3f3-63fe26a4337b",
         *           "chain_seq": 1041,
         *           "chained_at": "2026-03-01T09:45:00.012345Z",
         *           "client_ip": "203.0.113.7",
         *           "entity_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *           "entity_type": "campaign",
         *           "id": 42,
         *           "new_values": {
         *             "total_budget": "18000.00"
         *           },
         *           "occurred_at": "2026-03-01T09:45:00Z",
         *           "old_values": {
         *             "total_budget": "15000.00"
         *           },
         *           "payload_digest": "5d41402abc4b2a76b9719d911017c5925d41402abc4b2a76b9719d911017c592",
         *           "prev_hash": "9e107d9d372bb6826bd81d3542a419d69e107d9d372bb6826bd81d3542a419d6",
         *           "request_id": "726ce67e9568470694476d7d23f02ac2",
         *           "row_hash": "e4d909c290d0fb1ca068ffaddf22cbd0e4d909c290d0fb1ca068ffaddf22cbd0",
         *           "user_agent": "Mozilla/5.0"
         *         }
         *       ],
         *       "page": 1,
         *       "page_size": 50,
         *       "total": 1
         *     }
         */
        AuditLogPage: {
            /** Items */
            items: components["schemas"]["AuditLogEntry"][];
            /** Total */
            total: number;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /** Filters */
            filters: {
                [key: string]: unknown;
            };
        };
        /**
         * AuditPage
         * @description One page of a campaign's history, newest first.
         * @example {
         *       "filters": {},
         *       "items": [
         *         {
         *           "action": "campaign.updated",
         *           "actor_user_id": "dde4cc25-8cec-48d6-a3f3-63fe26a4337b",
         *           "client_ip": "203.0.113.7",
         *           "entity_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *           "entity_type": "campaign",
         *           "id": 42,
         *           "new_values": {
         *             "total_budget": "18000.00"
         *           },
         *           "occurred_at": "2026-03-01T09:45:00Z",
         *           "old_values": {
         *             "total_budget": "15000.00"
         *           },
         *           "request_id": "726ce67e9568470694476d7d23f02ac2",
         *           "user_agent": "Mozilla/5.0"
         *         }
         *       ],
         *       "page": 1,
         *       "page_size": 50,
         *       "total": 1
         *     }
         */
        AuditPage: {
            /** Items */
            items: components["schemas"]["AuditEntry"][];
            /** Total */
            total: number;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /** Filters */
            filters: {
                [key: string]: unknown;
            };
        };
        /**
         * AuditVerification
         * @description Whether the company's audit chain (or a period of it) is intact.
         * @example {
         *       "anchor": {
         *         "hash": "0000000000000000000000000000000000000000000000000000000000000000",
         *         "seq": 0,
         *         "source": "genesis"
         *       },
         *       "first_problem": {
         *         "chain_seq": 57,
         *         "kind": "altered",
         *         "message": "row 981 (seq 57) was altered: its values do not match their digest",
         *         "row_id": 981
         *       },
         *       "first_seq": 1,
         *       "last_hash": "e4d909c290d0fb1ca068ffaddf22cbd0e4d909c290d0fb1ca068ffaddf22cbd0",
         *       "last_seq": 120,
         *       "ok": false,
         *       "problem_count": 1,
         *       "problems": [],
         *       "redacted_rows": 2,
         *       "rows": 120
         *     }
         */
        AuditVerification: {
            /** Ok */
            ok: boolean;
            /** Rows */
            rows: number;
            /** Redacted Rows */
            redacted_rows: number;
            /** First Seq */
            first_seq: number | null;
            /** Last Seq */
            last_seq: number | null;
            /** Last Hash */
            last_hash: string | null;
            anchor: components["schemas"]["ChainAnchor"];
            /** Problem Count */
            problem_count: number;
            first_problem: components["schemas"]["ChainProblem"] | null;
            /** Problems */
            problems: components["schemas"]["ChainProblem"][];
        };
        /** Body_import_contacts_api_contacts_import__post */
        Body_import_contacts_api_contacts_import__post: {
            /**
             * File
             * @description A UTF-8 CSV file with a header row.
             */
            file: string;
            /** Consent Source */
            consent_source?: string | null;
        };
        /** Body_sign_in_api_auth_token_post */
        Body_sign_in_api_auth_token_post: {
            /**
             * Username
             * @description The user's email address.
             */
            username: string;
            /** Password */
            password: string;
            /**
             * Grant Type
             * @description `password` when given.
             */
            grant_type?: string | null;
        };
        /**
         * BudgetAvailability
         * @description What a budget holds: its total, what live campaigns' allocations hold (each the amount
         *     allocated, or what its sending drew when that is more), what finished campaigns' sending
         *     drew on it, what its active child budgets took out of it, and what is left (total - held -
         *     spent - drawn).
         * @example {
         *       "available_amount": "225000.00",
         *       "budget_code": "FY2026-MKT",
         *       "budget_id": "3b9d6c55-6a43-4c1e-9f43-6a1f0c1f7e21",
         *       "currency_code": "USD",
         *       "drawn_by_child_budgets": "125000.00",
         *       "fiscal_year": 2026,
         *       "held_by_live_campaigns": "120000.00",
         *       "live_allocations": 7,
         *       "spent_by_finished_campaigns": "30000.00",
         *       "total_amount": "500000.00"
         *     }
         */
        BudgetAvailability: {
            /**
             * Budget Id
             * Format: uuid
             */
            budget_id: string;
            /** Budget Code */
            budget_code: string;
            /** Fiscal Year */
            fiscal_year: number;
            /** Currency Code */
            currency_code: string;
            /** Parent Budget Id */
            parent_budget_id: string | null;
            /** Total Amount */
            total_amount: string;
            /** Held By Live Campaigns */
            held_by_live_campaigns: string;
            /** Spent By Finished Campaigns */
            spent_by_finished_campaigns: string;
            /** Drawn By Child Budgets */
            drawn_by_child_budgets: string;
            /** Available Amount */
            available_amount: string;
            /** Live Allocations */
            live_allocations: number;
        };
        /**
         * BudgetCreate
         * @description A new budget for a fiscal year.
         * @example {
         *       "allocation_rules": {
         *         "max_share_per_campaign": "0.25"
         *       },
         *       "approval_threshold": "25000.00",
         *       "budget_code": "FY2026-MKT",
         *       "budget_name": "FY2026 Marketing",
         *       "budget_type": "annual",
         *       "cost_centers": [
         *         "MKT-100"
         *       ],
         *       "currency_code": "USD",
         *       "description": "Annual marketing budget.",
         *       "fiscal_year": 2026,
         *       "is_active": true,
         *       "total_amount": "500000.00"
         *     }
         */
        BudgetCreate: {
            /** Budget Name */
            budget_name: string;
            /**
             * Budget Code
             * @description Letters, digits and hyphens.
             * @example FY2026-MKT
             */
            budget_code: string;
            /** Description */
            description?: string | null;
            budget_type: components["schemas"]["BudgetType"];
            /** Allocation Rules */
            allocation_rules?: {
                [key: string]: unknown;
            };
            /**
             * Approval Threshold
             * @default 0.00
             * @example 15000.00
             */
            approval_threshold?: number | string;
            /**
             * Total Amount
             * @example 15000.00
             */
            total_amount: number | string;
            /**
             * Currency Code
             * @description A circulating ISO 4217 currency code.
             * @default USD
             * @example USD
             */
            currency_code?: string;
            /** Cost Centers */
            cost_centers?: string[];
            /**
             * Is Active
             * @default true
             */
            is_active?: boolean;
            /** Fiscal Year */
            fiscal_year: number;
            /**
             * Parent Budget Id
             * @description The budget this one is drawn from (a quarterly budget from the annual one): same currency and fiscal year; its amount comes out of what the parent has left, and only budgets without a parent count towards the fiscal year.
             */
            parent_budget_id?: string | null;
        };
        /**
         * BudgetForecast
         * @description What a launch would cost against what the campaign may still spend.
         * @example {
         *       "audience": 3000,
         *       "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "currency_code": "USD",
         *       "drawn": "500.00",
         *       "forecast_cost": "2.40",
         *       "limited_by": "campaign",
         *       "per_channel": {
         *         "email": {
         *           "audience": 3000,
         *           "cost": "2.40",
         *           "unit_cost": "0.0008"
         *         }
         *       },
         *       "remaining": "1500.00",
         *       "shared_budgets": [],
         *       "total_budget": "2000.00",
         *       "within_budget": true
         *     }
         */
        BudgetForecast: {
            /** Campaign Id */
            campaign_id: string;
            /** Currency Code */
            currency_code: string;
            /** Audience */
            audience: number;
            /** Forecast Cost */
            forecast_cost: string;
            /** Remaining */
            remaining: string;
            /** Total Budget */
            total_budget: string;
            /**
             * Drawn
             * @description What sending has drawn so far (spent plus in flight).
             */
            drawn: string;
            /**
             * Limited By
             * @description campaign or shared_budget: which limit `remaining` is.
             */
            limited_by: string;
            /** Within Budget */
            within_budget: boolean;
            /** Per Channel */
            per_channel: {
                [key: string]: components["schemas"]["ChannelForecast"];
            };
            /** Shared Budgets */
            shared_budgets: {
                [key: string]: string;
            }[];
        };
        /**
         * BudgetOverride
         * @description Send although the forecast exceeds the remaining budget (needs approve_campaign).
         */
        BudgetOverride: {
            /**
             * Reason
             * @description Why, for the audit trail.
             */
            reason: string;
        };
        /**
         * BudgetPage
         * @description One page of budgets.
         * @example {
         *       "filters": {
         *         "fiscal_year": 2026
         *       },
         *       "items": [
         *         {
         *           "allocation_rules": {
         *             "max_share_per_campaign": "0.25"
         *           },
         *           "approval_threshold": "25000.00",
         *           "budget_code": "FY2026-MKT",
         *           "budget_name": "FY2026 Marketing",
         *           "budget_type": "annual",
         *           "cost_centers": [
         *             "MKT-100"
         *           ],
         *           "created_at": "2026-01-02T08:00:00Z",
         *           "currency_code": "USD",
         *           "description": "Annual marketing budget.",
         *           "fiscal_year": 2026,
         *           "id": "3b9d6c55-6a43-4c1e-9f43-6a1f0c1f7e21",
         *           "is_active": true,
         *           "total_amount": "500000.00",
         *           "updated_at": "2026-01-02T08:00:00Z",
         *           "version": 1
         *         }
         *       ],
         *       "page": 1,
         *       "page_size": 50,
         *       "total": 1
         *     }
         */
        BudgetPage: {
            /** Items */
            items: components["schemas"]["BudgetRead"][];
            /** Total */
            total: number;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /** Filters */
            filters: {
                [key: string]: unknown;
            };
        };
        /**
         * BudgetRead
         * @description A budget as stored.
         * @example {
         *       "allocation_rules": {
         *         "max_share_per_campaign": "0.25"
         *       },
         *       "approval_threshold": "25000.00",
         *       "budget_code": "FY2026-MKT",
         *       "budget_name": "FY2026 Marketing",
         *       "budget_type": "annual",
         *       "cost_centers": [
         *         "MKT-100"
         *       ],
         *       "created_at": "2026-01-02T08:00:00Z",
         *       "currency_code": "USD",
         *       "description": "Annual marketing budget.",
         *       "fiscal_year": 2026,
         *       "id": "3b9d6c55-6a43-4c1e-9f43-6a1f0c1f7e21",
         *       "is_active": true,
         *       "total_amount": "500000.00",
         *       "updated_at": "2026-01-02T08:00:00Z",
         *       "version": 1
         *     }
         */
        BudgetRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Budget Name */
            budget_name: string;
            /** Budget Code */
            budget_code: string;
            /** Description */
            description: string | null;
            budget_type: components["schemas"]["BudgetType"];
            /** Allocation Rules */
            allocation_rules: {
                [key: string]: unknown;
            };
            /** Approval Threshold */
            approval_threshold?: string | null;
            /** Total Amount */
            total_amount?: string | null;
            /** Currency Code */
            currency_code: string;
            /** Cost Centers */
            cost_centers: unknown[];
            /** Is Active */
            is_active: boolean;
            /** Fiscal Year */
            fiscal_year: number;
            /** Parent Budget Id */
            parent_budget_id?: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * Version
             * @description Bumped by every change; its ETag. Send it back in If-Match.
             */
            version: number;
        };
        /**
         * BudgetType
         * @enum {string}
         */
        BudgetType: "annual" | "quarterly" | "monthly" | "program" | "campaign";
        /**
         * BudgetUpdate
         * @description Some fields of a budget (PATCH); PUT takes every field of BudgetCreate.
         * @example {
         *       "is_active": true,
         *       "total_amount": "550000.00"
         *     }
         */
        BudgetUpdate: {
            /** Budget Name */
            budget_name?: string;
            /**
             * Budget Code
             * @description Letters, digits and hyphens.
             * @example FY2026-MKT
             */
            budget_code?: string;
            /** Description */
            description?: string | null;
            budget_type?: components["schemas"]["BudgetType"];
            /** Allocation Rules */
            allocation_rules?: {
                [key: string]: unknown;
            };
            /**
             * Approval Threshold
             * @example 15000.00
             */
            approval_threshold?: number | string;
            /**
             * Total Amount
             * @example 15000.00
             */
            total_amount?: number | string;
            /**
             * Currency Code
             * @description A circulating ISO 4217 currency code.
             * @example USD
             */
            currency_code?: string;
            /** Cost Centers */
            cost_centers?: string[];
            /** Is Active */
            is_active?: boolean;
            /** Fiscal Year */
            fiscal_year?: number;
            /**
             * Parent Budget Id
             * @description The budget this one is drawn from (a quarterly budget from the annual one): same currency and fiscal year; its amount comes out of what the parent has left, and only budgets without a parent count towards the fiscal year. null: no longer drawn from a parent.
             */
            parent_budget_id?: string | null;
        };
        /**
         * BulkContacts
         * @description Up to 5,000 contacts, upserted by `external_id`. Items are validated one by one, so a
         *     bad item is reported in the results instead of failing the whole batch.
         */
        BulkContacts: {
            /** Contacts */
            contacts: unknown[];
            /** Consent Source */
            consent_source?: string | null;
        };
        /** BulkItemResult */
        BulkItemResult: {
            /** Index */
            index: number;
            /** External Id */
            external_id?: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "created" | "updated" | "unchanged" | "error";
            /** Id */
            id?: string | null;
            /**
             * Errors
             * @default []
             */
            errors?: components["schemas"]["ItemError"][];
        };
        /** BulkResult */
        BulkResult: {
            /** Created */
            created: number;
            /** Updated */
            updated: number;
            /** Unchanged */
            unchanged: number;
            /** Failed */
            failed: number;
            /** Results */
            results: components["schemas"]["BulkItemResult"][];
        };
        /**
         * CallbackResult
         * @description How many events a callback carried and how many changed something we hold.
         */
        CallbackResult: {
            /** Received */
            received: number;
            /** Applied */
            applied: number;
            /** Ignored */
            ignored: number;
        };
        /**
         * CampaignApprovalState
         * @description Where the campaign's approval stands: the chain with each step's current approval,
         *     the fingerprint of its content now and what changed since the approved version.
         * @example {
         *       "approval_status": "pending_approval",
         *       "approved_at": "2026-12-04T10:00:00+00:00",
         *       "approved_fingerprint": "3e7a000000000000000000000000000000000000000000000000000000000000",
         *       "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "chain": [
         *         {
         *           "name": "Approval",
         *           "required": true,
         *           "step_index": 0
         *         }
         *       ],
         *       "changes_since_approval": [
         *         {
         *           "after": "Spring sale: 20% off",
         *           "before": "Spring is here",
         *           "change": "changed",
         *           "path": "templates.WELCOME.default_settings.subject"
         *         }
         *       ],
         *       "content_matches_approval": false,
         *       "fingerprint": "9b1d000000000000000000000000000000000000000000000000000000000000",
         *       "history": []
         *     }
         */
        CampaignApprovalState: {
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /** Approval Status */
            approval_status: string;
            /** Fingerprint */
            fingerprint: string;
            /** Approved Fingerprint */
            approved_fingerprint: string | null;
            /** Approved At */
            approved_at: string | null;
            /** Content Matches Approval */
            content_matches_approval: boolean | null;
            /** Chain */
            chain: components["schemas"]["ChainStepState"][];
            next_step: components["schemas"]["ChainStepState"] | null;
            /** Changes Since Approval */
            changes_since_approval: components["schemas"]["ContentChange"][];
            /** History */
            history: components["schemas"]["ApprovalRecord"][];
        };
        /**
         * CampaignCategory
         * @enum {string}
         */
        CampaignCategory: "acquisition" | "engagement" | "retention" | "brand" | "sales" | "other";
        /**
         * CampaignCreate
         * @description A new campaign; the code is generated when omitted.
         * @example {
         *       "campaign_category": "sales",
         *       "campaign_code": "SPRING-26",
         *       "campaign_name": "Spring sale 2026",
         *       "campaign_type": "promotional",
         *       "currency_code": "USD",
         *       "description": "Seasonal discounts for returning customers.",
         *       "end_date": "2026-04-30T20:00:00+00:00",
         *       "expected_conversion_rate": "2.50",
         *       "primary_channel": "email",
         *       "start_date": "2026-04-01T08:00:00+00:00",
         *       "target_audience_size": 12000,
         *       "target_roi": "150.00",
         *       "total_budget": "15000.00"
         *     }
         */
        CampaignCreate: {
            /** Campaign Name */
            campaign_name: string;
            /** Campaign Code */
            campaign_code?: string | null;
            /** Description */
            description?: string | null;
            campaign_type: components["schemas"]["CampaignType"];
            /** @default other */
            campaign_category?: components["schemas"]["CampaignCategory"];
            primary_channel: components["schemas"]["Channel"];
            /**
             * Start Date
             * Format: date-time
             */
            start_date: string;
            /**
             * End Date
             * Format: date-time
             */
            end_date: string;
            /**
             * Total Budget
             * @default 0.00
             * @example 15000.00
             */
            total_budget?: number | string;
            /**
             * Currency Code
             * @description ISO 4217; the company's default currency when omitted.
             */
            currency_code?: string | null;
            /**
             * Target Audience Size
             * @default 0
             */
            target_audience_size?: number;
            /**
             * Expected Conversion Rate
             * @default 0.00
             * @example 2.50
             */
            expected_conversion_rate?: number | string;
            /**
             * Target Roi
             * @default 0.00
             * @example 150.00
             */
            target_roi?: number | string;
            /**
             * Template Id
             * @description A template to link as the campaign's primary template.
             */
            template_id?: string | null;
        };
        /**
         * CampaignCreated
         * @description The created campaign, what deserves attention, and whether it needs approval.
         * @example {
         *       "actual_spend": "0.00",
         *       "approval_required": false,
         *       "approval_status": "not_required",
         *       "campaign_category": "sales",
         *       "campaign_code": "SPRING-26",
         *       "campaign_name": "Spring sale 2026",
         *       "campaign_status": "draft",
         *       "campaign_type": "promotional",
         *       "company_id": "0545de9d-3b27-4873-beb0-8d12d88f7525",
         *       "created_at": "2026-03-01T09:30:00Z",
         *       "created_by_user_id": "dde4cc25-8cec-48d6-a3f3-63fe26a4337b",
         *       "currency_code": "USD",
         *       "description": "Seasonal discounts for returning customers.",
         *       "end_date": "2026-04-30T20:00:00+00:00",
         *       "expected_conversion_rate": "2.50",
         *       "id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "primary_channel": "email",
         *       "start_date": "2026-04-01T08:00:00+00:00",
         *       "target_audience_size": 12000,
         *       "target_roi": "150.00",
         *       "total_budget": "15000.00",
         *       "updated_at": "2026-03-01T09:30:00Z",
         *       "validation_warnings": [
         *         {
         *           "code": "no_target_audience",
         *           "field": "target_audience_size",
         *           "message": "No target audience size is set."
         *         }
         *       ],
         *       "version": 1
         *     }
         */
        CampaignCreated: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Company Id
             * Format: uuid
             */
            company_id: string;
            /** Campaign Name */
            campaign_name: string;
            /** Campaign Code */
            campaign_code: string;
            /** Description */
            description: string | null;
            campaign_type: components["schemas"]["CampaignType"];
            campaign_category: components["schemas"]["CampaignCategory"];
            primary_channel: components["schemas"]["Channel"];
            campaign_status: components["schemas"]["CampaignStatus"];
            approval_status: components["schemas"]["ApprovalStatus"];
            /**
             * Start Date
             * Format: date-time
             */
            start_date: string;
            /**
             * End Date
             * Format: date-time
             */
            end_date: string;
            /**
             * Total Budget
             * @description Only for callers with budget visibility.
             */
            total_budget?: string | null;
            /**
             * Actual Spend
             * @description Only for callers with budget visibility.
             */
            actual_spend?: string | null;
            /** Currency Code */
            currency_code: string;
            /** Target Audience Size */
            target_audience_size: number;
            /** Expected Conversion Rate */
            expected_conversion_rate: string;
            /** Target Roi */
            target_roi: string;
            /**
             * Created By User Id
             * Format: uuid
             */
            created_by_user_id: string;
            /** Updated By User Id */
            updated_by_user_id: string | null;
            /** Approved By User Id */
            approved_by_user_id: string | null;
            /** Approved At */
            approved_at: string | null;
            /** Approval Comment */
            approval_comment: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version */
            version: number;
            /**
             * Parent Campaign Id
             * @description The campaign this one belongs to (its programme or parent).
             */
            parent_campaign_id?: string | null;
            /** Validation Warnings */
            validation_warnings: components["schemas"]["ValidationWarning"][];
            /** Approval Required */
            approval_required: boolean;
        };
        /**
         * CampaignDetail
         * @description A campaign with, on request, its segments and its performance.
         * @example {
         *       "actual_spend": "0.00",
         *       "approval_status": "not_required",
         *       "campaign_category": "sales",
         *       "campaign_code": "SPRING-26",
         *       "campaign_name": "Spring sale 2026",
         *       "campaign_status": "draft",
         *       "campaign_type": "promotional",
         *       "company_id": "0545de9d-3b27-4873-beb0-8d12d88f7525",
         *       "created_at": "2026-03-01T09:30:00Z",
         *       "created_by_user_id": "dde4cc25-8cec-48d6-a3f3-63fe26a4337b",
         *       "currency_code": "USD",
         *       "description": "Seasonal discounts for returning customers.",
         *       "end_date": "2026-04-30T20:00:00+00:00",
         *       "expected_conversion_rate": "2.50",
         *       "id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "primary_channel": "email",
         *       "segments": [],
         *       "start_date": "2026-04-01T08:00:00+00:00",
         *       "target_audience_size": 12000,
         *       "target_roi": "150.00",
         *       "total_budget": "15000.00",
         *       "updated_at": "2026-03-01T09:30:00Z",
         *       "version": 1
         *     }
         */
        CampaignDetail: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Company Id
             * Format: uuid
             */
            company_id: string;
            /** Campaign Name */
            campaign_name: string;
            /** Campaign Code */
            campaign_code: string;
            /** Description */
            description: string | null;
            campaign_type: components["schemas"]["CampaignType"];
            campaign_category: components["schemas"]["CampaignCategory"];
            primary_channel: components["schemas"]["Channel"];
            campaign_status: components["schemas"]["CampaignStatus"];
            approval_status: components["schemas"]["ApprovalStatus"];
            /**
             * Start Date
             * Format: date-time
             */
            start_date: string;
            /**
             * End Date
             * Format: date-time
             */
            end_date: string;
            /**
             * Total Budget
             * @description Only for callers with budget visibility.
             */
            total_budget?: string | null;
            /**
             * Actual Spend
             * @description Only for callers with budget visibility.
             */
            actual_spend?: string | null;
            /** Currency Code */
            currency_code: string;
            /** Target Audience Size */
            target_audience_size: number;
            /** Expected Conversion Rate */
            expected_conversion_rate: string;
            /** Target Roi */
            target_roi: string;
            /**
             * Created By User Id
             * Format: uuid
             */
            created_by_user_id: string;
            /** Updated By User Id */
            updated_by_user_id: string | null;
            /** Approved By User Id */
            approved_by_user_id: string | null;
            /** Approved At */
            approved_at: string | null;
            /** Approval Comment */
            approval_comment: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version */
            version: number;
            /**
             * Parent Campaign Id
             * @description The campaign this one belongs to (its programme or parent).
             */
            parent_campaign_id?: string | null;
            /** Segments */
            segments?: components["schemas"]["SegmentSummary"][] | null;
            performance?: components["schemas"]["Performance"] | null;
            rollup?: components["schemas"]["Rollup"] | null;
        };
        /**
         * CampaignListItem
         * @description A campaign in the list; with include_rollup=true, its roll-up too.
         * @example {
         *       "actual_spend": "0.00",
         *       "approval_status": "not_required",
         *       "campaign_category": "sales",
         *       "campaign_code": "SPRING-26",
         *       "campaign_name": "Spring sale 2026",
         *       "campaign_status": "draft",
         *       "campaign_type": "promotional",
         *       "company_id": "0545de9d-3b27-4873-beb0-8d12d88f7525",
         *       "created_at": "2026-03-01T09:30:00Z",
         *       "created_by_user_id": "dde4cc25-8cec-48d6-a3f3-63fe26a4337b",
         *       "currency_code": "USD",
         *       "description": "Seasonal discounts for returning customers.",
         *       "end_date": "2026-04-30T20:00:00+00:00",
         *       "expected_conversion_rate": "2.50",
         *       "id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "primary_channel": "email",
         *       "start_date": "2026-04-01T08:00:00+00:00",
         *       "target_audience_size": 12000,
         *       "target_roi": "150.00",
         *       "total_budget": "15000.00",
         *       "updated_at": "2026-03-01T09:30:00Z",
         *       "version": 1
         *     }
         */
        CampaignListItem: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Company Id
             * Format: uuid
             */
            company_id: string;
            /** Campaign Name */
            campaign_name: string;
            /** Campaign Code */
            campaign_code: string;
            /** Description */
            description: string | null;
            campaign_type: components["schemas"]["CampaignType"];
            campaign_category: components["schemas"]["CampaignCategory"];
            primary_channel: components["schemas"]["Channel"];
            campaign_status: components["schemas"]["CampaignStatus"];
            approval_status: components["schemas"]["ApprovalStatus"];
            /**
             * Start Date
             * Format: date-time
             */
            start_date: string;
            /**
             * End Date
             * Format: date-time
             */
            end_date: string;
            /**
             * Total Budget
             * @description Only for callers with budget visibility.
             */
            total_budget?: string | null;
            /**
             * Actual Spend
             * @description Only for callers with budget visibility.
             */
            actual_spend?: string | null;
            /** Currency Code */
            currency_code: string;
            /** Target Audience Size */
            target_audience_size: number;
            /** Expected Conversion Rate */
            expected_conversion_rate: string;
            /** Target Roi */
            target_roi: string;
            /**
             * Created By User Id
             * Format: uuid
             */
            created_by_user_id: string;
            /** Updated By User Id */
            updated_by_user_id: string | null;
            /** Approved By User Id */
            approved_by_user_id: string | null;
            /** Approved At */
            approved_at: string | null;
            /** Approval Comment */
            approval_comment: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version */
            version: number;
            /**
             * Parent Campaign Id
             * @description The campaign this one belongs to (its programme or parent).
             */
            parent_campaign_id?: string | null;
            /** @description Only with include_rollup=true. */
            rollup?: components["schemas"]["Rollup"] | null;
        };
        /**
         * CampaignPage
         * @description One page of campaigns (the list shape of README "Contracts").
         * @example {
         *       "filters": {
         *         "campaign_status": [
         *           "draft"
         *         ],
         *         "sort_by": "created_at",
         *         "sort_order": "desc"
         *       },
         *       "items": [
         *         {
         *           "actual_spend": "0.00",
         *           "approval_status": "not_required",
         *           "campaign_category": "sales",
         *           "campaign_code": "SPRING-26",
         *           "campaign_name": "Spring sale 2026",
         *           "campaign_status": "draft",
         *           "campaign_type": "promotional",
         *           "company_id": "0545de9d-3b27-4873-beb0-8d12d88f7525",
         *           "created_at": "2026-03-01T09:30:00Z",
         *           "created_by_user_id": "dde4cc25-8cec-48d6-a3f3-63fe26a4337b",
         *           "currency_code": "USD",
         *           "description": "Seasonal discounts for returning customers.",
         *           "end_date": "2026-04-30T20:00:00+00:00",
         *           "expected_conversion_rate": "2.50",
         *           "id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *           "primary_channel": "email",
         *           "start_date": "2026-04-01T08:00:00+00:00",
         *           "target_audience_size": 12000,
         *           "target_roi": "150.00",
         *           "total_budget": "15000.00",
         *           "updated_at": "2026-03-01T09:30:00Z",
         *           "version": 1
         *         }
         *       ],
         *       "page": 1,
         *       "page_size": 50,
         *       "total": 1
         *     }
         */
        CampaignPage: {
            /** Items */
            items: components["schemas"]["CampaignListItem"][];
            /** Total */
            total: number;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /** Filters */
            filters: {
                [key: string]: unknown;
            };
        };
        /**
         * CampaignRead
         * @description A campaign as stored.
         * @example {
         *       "actual_spend": "0.00",
         *       "approval_status": "not_required",
         *       "campaign_category": "sales",
         *       "campaign_code": "SPRING-26",
         *       "campaign_name": "Spring sale 2026",
         *       "campaign_status": "draft",
         *       "campaign_type": "promotional",
         *       "company_id": "0545de9d-3b27-4873-beb0-8d12d88f7525",
         *       "created_at": "2026-03-01T09:30:00Z",
         *       "created_by_user_id": "dde4cc25-8cec-48d6-a3f3-63fe26a4337b",
         *       "currency_code": "USD",
         *       "description": "Seasonal discounts for returning customers.",
         *       "end_date": "2026-04-30T20:00:00+00:00",
         *       "expected_conversion_rate": "2.50",
         *       "id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "primary_channel": "email",
         *       "start_date": "2026-04-01T08:00:00+00:00",
         *       "target_audience_size": 12000,
         *       "target_roi": "150.00",
         *       "total_budget": "15000.00",
         *       "updated_at": "2026-03-01T09:30:00Z",
         *       "version": 1
         *     }
         */
        CampaignRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Company Id
             * Format: uuid
             */
            company_id: string;
            /** Campaign Name */
            campaign_name: string;
            /** Campaign Code */
            campaign_code: string;
            /** Description */
            description: string | null;
            campaign_type: components["schemas"]["CampaignType"];
            campaign_category: components["schemas"]["CampaignCategory"];
            primary_channel: components["schemas"]["Channel"];
            campaign_status: components["schemas"]["CampaignStatus"];
            approval_status: components["schemas"]["ApprovalStatus"];
            /**
             * Start Date
             * Format: date-time
             */
            start_date: string;
            /**
             * End Date
             * Format: date-time
             */
            end_date: string;
            /**
             * Total Budget
             * @description Only for callers with budget visibility.
             */
            total_budget?: string | null;
            /**
             * Actual Spend
             * @description Only for callers with budget visibility.
             */
            actual_spend?: string | null;
            /** Currency Code */
            currency_code: string;
            /** Target Audience Size */
            target_audience_size: number;
            /** Expected Conversion Rate */
            expected_conversion_rate: string;
            /** Target Roi */
            target_roi: string;
            /**
             * Created By User Id
             * Format: uuid
             */
            created_by_user_id: string;
            /** Updated By User Id */
            updated_by_user_id: string | null;
            /** Approved By User Id */
            approved_by_user_id: string | null;
            /** Approved At */
            approved_at: string | null;
            /** Approval Comment */
            approval_comment: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version */
            version: number;
            /**
             * Parent Campaign Id
             * @description The campaign this one belongs to (its programme or parent).
             */
            parent_campaign_id?: string | null;
        };
        /**
         * CampaignReplace
         * @description Every writable field of a campaign (PUT); an omitted code keeps the current one.
         * @example {
         *       "campaign_category": "sales",
         *       "campaign_code": "SPRING-26",
         *       "campaign_name": "Spring sale 2026",
         *       "campaign_type": "promotional",
         *       "currency_code": "USD",
         *       "description": "Seasonal discounts for returning customers.",
         *       "end_date": "2026-04-30T20:00:00+00:00",
         *       "expected_conversion_rate": "2.50",
         *       "primary_channel": "email",
         *       "start_date": "2026-04-01T08:00:00+00:00",
         *       "target_audience_size": 12000,
         *       "target_roi": "150.00",
         *       "total_budget": "15000.00"
         *     }
         */
        CampaignReplace: {
            /** Campaign Name */
            campaign_name: string;
            /** Campaign Code */
            campaign_code?: string | null;
            /** Description */
            description?: string | null;
            campaign_type: components["schemas"]["CampaignType"];
            /** @default other */
            campaign_category?: components["schemas"]["CampaignCategory"];
            primary_channel: components["schemas"]["Channel"];
            /**
             * Start Date
             * Format: date-time
             */
            start_date: string;
            /**
             * End Date
             * Format: date-time
             */
            end_date: string;
            /**
             * Total Budget
             * @default 0.00
             * @example 15000.00
             */
            total_budget?: number | string;
            /** Currency Code */
            currency_code?: string | null;
            /**
             * Target Audience Size
             * @default 0
             */
            target_audience_size?: number;
            /**
             * Expected Conversion Rate
             * @default 0.00
             * @example 2.50
             */
            expected_conversion_rate?: number | string;
            /**
             * Target Roi
             * @default 0.00
             * @example 150.00
             */
            target_roi?: number | string;
        };
        /**
         * CampaignStatus
         * @enum {string}
         */
        CampaignStatus: "draft" | "planned" | "active" | "paused" | "completed" | "cancelled";
        /**
         * CampaignTransitioned
         * @description The campaign after a status or approval action, with any warnings.
         * @example {
         *       "actual_spend": "0.00",
         *       "approval_status": "not_required",
         *       "campaign_category": "sales",
         *       "campaign_code": "SPRING-26",
         *       "campaign_name": "Spring sale 2026",
         *       "campaign_status": "planned",
         *       "campaign_type": "promotional",
         *       "company_id": "0545de9d-3b27-4873-beb0-8d12d88f7525",
         *       "created_at": "2026-03-01T09:30:00Z",
         *       "created_by_user_id": "dde4cc25-8cec-48d6-a3f3-63fe26a4337b",
         *       "currency_code": "USD",
         *       "description": "Seasonal discounts for returning customers.",
         *       "end_date": "2026-04-30T20:00:00+00:00",
         *       "expected_conversion_rate": "2.50",
         *       "id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "primary_channel": "email",
         *       "start_date": "2026-04-01T08:00:00+00:00",
         *       "target_audience_size": 12000,
         *       "target_roi": "150.00",
         *       "total_budget": "15000.00",
         *       "updated_at": "2026-03-01T09:30:00Z",
         *       "validation_warnings": [],
         *       "version": 2
         *     }
         */
        CampaignTransitioned: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Company Id
             * Format: uuid
             */
            company_id: string;
            /** Campaign Name */
            campaign_name: string;
            /** Campaign Code */
            campaign_code: string;
            /** Description */
            description: string | null;
            campaign_type: components["schemas"]["CampaignType"];
            campaign_category: components["schemas"]["CampaignCategory"];
            primary_channel: components["schemas"]["Channel"];
            campaign_status: components["schemas"]["CampaignStatus"];
            approval_status: components["schemas"]["ApprovalStatus"];
            /**
             * Start Date
             * Format: date-time
             */
            start_date: string;
            /**
             * End Date
             * Format: date-time
             */
            end_date: string;
            /**
             * Total Budget
             * @description Only for callers with budget visibility.
             */
            total_budget?: string | null;
            /**
             * Actual Spend
             * @description Only for callers with budget visibility.
             */
            actual_spend?: string | null;
            /** Currency Code */
            currency_code: string;
            /** Target Audience Size */
            target_audience_size: number;
            /** Expected Conversion Rate */
            expected_conversion_rate: string;
            /** Target Roi */
            target_roi: string;
            /**
             * Created By User Id
             * Format: uuid
             */
            created_by_user_id: string;
            /** Updated By User Id */
            updated_by_user_id: string | null;
            /** Approved By User Id */
            approved_by_user_id: string | null;
            /** Approved At */
            approved_at: string | null;
            /** Approval Comment */
            approval_comment: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version */
            version: number;
            /**
             * Parent Campaign Id
             * @description The campaign this one belongs to (its programme or parent).
             */
            parent_campaign_id?: string | null;
            /** Validation Warnings */
            validation_warnings: components["schemas"]["ValidationWarning"][];
        };
        /**
         * CampaignType
         * @enum {string}
         */
        CampaignType: "promotional" | "newsletter" | "product_launch" | "event" | "nurture" | "retention" | "reengagement" | "awareness";
        /**
         * CampaignUpdate
         * @description Some writable fields of a campaign (PATCH).
         * @example {
         *       "end_date": "2026-05-15T20:00:00+00:00",
         *       "total_budget": "18000.00"
         *     }
         */
        CampaignUpdate: {
            /** Campaign Name */
            campaign_name?: string;
            /**
             * Campaign Code
             * @description Letters, digits and hyphens.
             * @example SPRING-26
             */
            campaign_code?: string;
            /** Description */
            description?: string | null;
            campaign_type?: components["schemas"]["CampaignType"];
            campaign_category?: components["schemas"]["CampaignCategory"];
            primary_channel?: components["schemas"]["Channel"];
            /**
             * Start Date
             * Format: date-time
             */
            start_date?: string;
            /**
             * End Date
             * Format: date-time
             */
            end_date?: string;
            /**
             * Total Budget
             * @example 15000.00
             */
            total_budget?: number | string;
            /**
             * Currency Code
             * @description A circulating ISO 4217 currency code.
             * @example USD
             */
            currency_code?: string;
            /** Target Audience Size */
            target_audience_size?: number;
            /**
             * Expected Conversion Rate
             * @example 2.50
             */
            expected_conversion_rate?: number | string;
            /**
             * Target Roi
             * @example 150.00
             */
            target_roi?: number | string;
        };
        /**
         * CampaignUpdated
         * @description The updated campaign with a change summary (field: old → new) and its approval state.
         * @example {
         *       "actual_spend": "0.00",
         *       "approval_required": false,
         *       "approval_status": "not_required",
         *       "campaign_category": "sales",
         *       "campaign_code": "SPRING-26",
         *       "campaign_name": "Spring sale 2026",
         *       "campaign_status": "draft",
         *       "campaign_type": "promotional",
         *       "changes": {
         *         "total_budget": {
         *           "new": "18000.00",
         *           "old": "15000.00"
         *         }
         *       },
         *       "company_id": "0545de9d-3b27-4873-beb0-8d12d88f7525",
         *       "created_at": "2026-03-01T09:30:00Z",
         *       "created_by_user_id": "dde4cc25-8cec-48d6-a3f3-63fe26a4337b",
         *       "currency_code": "USD",
         *       "description": "Seasonal discounts for returning customers.",
         *       "end_date": "2026-04-30T20:00:00+00:00",
         *       "expected_conversion_rate": "2.50",
         *       "id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "primary_channel": "email",
         *       "start_date": "2026-04-01T08:00:00+00:00",
         *       "target_audience_size": 12000,
         *       "target_roi": "150.00",
         *       "total_budget": "15000.00",
         *       "updated_at": "2026-03-01T09:30:00Z",
         *       "validation_warnings": [],
         *       "version": 2
         *     }
         */
        CampaignUpdated: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Company Id
             * Format: uuid
             */
            company_id: string;
            /** Campaign Name */
            campaign_name: string;
            /** Campaign Code */
            campaign_code: string;
            /** Description */
            description: string | null;
            campaign_type: components["schemas"]["CampaignType"];
            campaign_category: components["schemas"]["CampaignCategory"];
            primary_channel: components["schemas"]["Channel"];
            campaign_status: components["schemas"]["CampaignStatus"];
            approval_status: components["schemas"]["ApprovalStatus"];
            /**
             * Start Date
             * Format: date-time
             */
            start_date: string;
            /**
             * End Date
             * Format: date-time
             */
            end_date: string;
            /**
             * Total Budget
             * @description Only for callers with budget visibility.
             */
            total_budget?: string | null;
            /**
             * Actual Spend
             * @description Only for callers with budget visibility.
             */
            actual_spend?: string | null;
            /** Currency Code */
            currency_code: string;
            /** Target Audience Size */
            target_audience_size: number;
            /** Expected Conversion Rate */
            expected_conversion_rate: string;
            /** Target Roi */
            target_roi: string;
            /**
             * Created By User Id
             * Format: uuid
             */
            created_by_user_id: string;
            /** Updated By User Id */
            updated_by_user_id: string | null;
            /** Approved By User Id */
            approved_by_user_id: string | null;
            /** Approved At */
            approved_at: string | null;
            /** Approval Comment */
            approval_comment: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version */
            version: number;
            /**
             * Parent Campaign Id
             * @description The campaign this one belongs to (its programme or parent).
             */
            parent_campaign_id?: string | null;
            /** Changes */
            changes: {
                [key: string]: components["schemas"]["FieldChange"];
            };
            /** Approval Required */
            approval_required: boolean;
            /** Validation Warnings */
            validation_warnings: components["schemas"]["ValidationWarning"][];
        };
        /**
         * ChainAnchor
         * @description The chain position just before the first verified row.
         */
        ChainAnchor: {
            /** Seq */
            seq: number;
            /** Hash */
            hash: string;
            /** Source */
            source: string;
        };
        /**
         * ChainProblem
         * @description A row where the chain does not hold: what happened (altered, removed, inserted,
         *     reordered, broken_link, unrecorded_redaction, truncated) and where.
         */
        ChainProblem: {
            /** Kind */
            kind: string;
            /** Chain Seq */
            chain_seq: number | null;
            /** Row Id */
            row_id: number | null;
            /** Message */
            message: string;
        };
        /** ChainStepState */
        ChainStepState: {
            /** Step Index */
            step_index: number;
            /** Name */
            name: string;
            role: components["schemas"]["RoleName"] | null;
            /** Min Total Budget */
            min_total_budget: string | null;
            /** Required */
            required: boolean;
            approval: components["schemas"]["ApprovalRecord"] | null;
        };
        /**
         * Channel
         * @enum {string}
         */
        Channel: "email" | "sms" | "social" | "direct_mail" | "multi_channel";
        /**
         * ChannelCost
         * @description One channel's price per message, and the prices of particular providers.
         */
        ChannelCost: {
            /**
             * Unit Cost
             * @description Price of one message on the channel; null: free unless a provider says.
             */
            unit_cost?: number | string | null;
            /**
             * Providers
             * @description Price of one message through a provider; wins over the channel's price.
             */
            providers?: {
                [key: string]: number | string;
            };
        };
        /** ChannelCostRead */
        ChannelCostRead: {
            /** Unit Cost */
            unit_cost: string | null;
            /** Providers */
            providers: {
                [key: string]: string;
            };
            /** Available Providers */
            available_providers: string[];
        };
        /**
         * ChannelCostsRead
         * @description The company's unit costs per delivery channel (every channel listed).
         * @example {
         *       "channels": {
         *         "email": {
         *           "available_providers": [
         *             "smtp",
         *             "sendgrid",
         *             "sandbox"
         *           ],
         *           "providers": {
         *             "sendgrid": "0.0006"
         *           },
         *           "unit_cost": "0.0008"
         *         }
         *       }
         *     }
         */
        ChannelCostsRead: {
            /** Channels */
            channels: {
                [key: string]: components["schemas"]["ChannelCostRead"];
            };
        };
        /**
         * ChannelCostsWrite
         * @description The company's unit costs; channels left out cost nothing.
         * @example {
         *       "channels": {
         *         "email": {
         *           "providers": {
         *             "sendgrid": "0.0006"
         *           },
         *           "unit_cost": "0.0008"
         *         },
         *         "sms": {
         *           "providers": {},
         *           "unit_cost": "0.0079"
         *         }
         *       }
         *     }
         */
        ChannelCostsWrite: {
            /** Channels */
            channels?: {
                [key: string]: components["schemas"]["ChannelCost"];
            };
        };
        /** ChannelForecast */
        ChannelForecast: {
            /** Audience */
            audience: number;
            /** Unit Cost */
            unit_cost: string;
            /** Provider */
            provider: string | null;
            /** Cost */
            cost: string;
        };
        /** ChannelPerformance */
        ChannelPerformance: {
            /** Channel */
            channel: string;
            /** Sent */
            sent: number;
            /** Delivered */
            delivered: number;
            /** Failed */
            failed: number;
            /** Opens */
            opens: number;
            /** Unique Opens */
            unique_opens: number;
            /** Clicks */
            clicks: number;
            /** Unique Clicks */
            unique_clicks: number;
            /** Unsubscribes */
            unsubscribes: number;
            /** Bounces */
            bounces: number;
            /** Conversions */
            conversions: number;
            /** Revenue */
            revenue?: string | null;
            /** Spend */
            spend?: string | null;
        };
        /**
         * CollaboratorCreate
         * @description Add a user of the company to a campaign.
         * @example {
         *       "collaborator_role": "editor",
         *       "user_id": "0b7f5a0e-7d7e-4a43-9a55-0f4f4cf1b0b6"
         *     }
         */
        CollaboratorCreate: {
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /** @default editor */
            collaborator_role?: components["schemas"]["CollaboratorRole"];
        };
        /**
         * CollaboratorList
         * @description The users working on a campaign.
         * @example {
         *       "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "items": [
         *         {
         *           "added_by_user_id": "dde4cc25-8cec-48d6-a3f3-63fe26a4337b",
         *           "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *           "collaborator_role": "editor",
         *           "created_at": "2026-03-01T09:30:00Z",
         *           "email": "specialist@acme.test",
         *           "full_name": "Sara Specialist",
         *           "user_id": "0b7f5a0e-7d7e-4a43-9a55-0f4f4cf1b0b6"
         *         }
         *       ],
         *       "total": 1
         *     }
         */
        CollaboratorList: {
            /** Total */
            total: number;
            /**
             * Page
             * @default 1
             */
            page?: number;
            /**
             * Page Size
             * @description The page holds the whole list.
             * @default 0
             */
            page_size?: number;
            /** Filters */
            filters?: {
                [key: string]: unknown;
            };
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /** Items */
            items: components["schemas"]["CollaboratorRead"][];
        };
        /**
         * CollaboratorRead
         * @description A user working on a campaign.
         * @example {
         *       "added_by_user_id": "dde4cc25-8cec-48d6-a3f3-63fe26a4337b",
         *       "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "collaborator_role": "editor",
         *       "created_at": "2026-03-01T09:30:00Z",
         *       "email": "specialist@acme.test",
         *       "full_name": "Sara Specialist",
         *       "user_id": "0b7f5a0e-7d7e-4a43-9a55-0f4f4cf1b0b6"
         *     }
         */
        CollaboratorRead: {
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /** Full Name */
            full_name: string;
            /** Email */
            email: string;
            collaborator_role: components["schemas"]["CollaboratorRole"];
            /** Added By User Id */
            added_by_user_id: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
        };
        /**
         * CollaboratorRole
         * @enum {string}
         */
        CollaboratorRole: "owner" | "editor" | "reviewer" | "viewer";
        /**
         * CollaboratorUpdate
         * @description Change a collaborator's role.
         * @example {
         *       "collaborator_role": "reviewer"
         *     }
         */
        CollaboratorUpdate: {
            collaborator_role: components["schemas"]["CollaboratorRole"];
        };
        /** CompanyRef */
        CompanyRef: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /** Slug */
            slug: string;
        };
        /**
         * ConsentAction
         * @description What a consent ledger entry records.
         * @enum {string}
         */
        ConsentAction: "grant" | "request" | "confirm" | "withdraw" | "expire";
        /**
         * ConsentChange
         * @description Grant or withdraw consent on some channels.
         */
        ConsentChange: {
            /** Consent */
            consent: {
                [key: string]: boolean;
            };
            /**
             * Source
             * @default api
             */
            source?: string;
            /**
             * Recorded At
             * @description When it was given (defaults to now; never in the future).
             */
            recorded_at?: string | null;
            /**
             * @description Why the contact may be sent to; implied consent ends after two years unless `expires_at` says otherwise.
             * @default express
             */
            legal_basis?: components["schemas"]["LegalBasis"];
            /**
             * Expires At
             * @description When the granted consent ends (in the future).
             */
            expires_at?: string | null;
            /**
             * Form Id
             * @description The form the consent was given on (proof).
             */
            form_id?: string | null;
        };
        /** ConsentCount */
        ConsentCount: {
            /** Channel */
            channel: string;
            /**
             * Status
             * @description granted, pending (double opt-in not confirmed), withdrawn, expired (implied consent past its end), none (never recorded).
             * @enum {string}
             */
            status: "granted" | "pending" | "withdrawn" | "expired" | "none";
            /** Legal Basis */
            legal_basis: string | null;
            /** Count */
            count: number;
        };
        /** ConsentEntry */
        ConsentEntry: {
            /** Channel */
            channel: string;
            /** Granted */
            granted: boolean;
            /** @description granted, pending (awaiting the contact's double opt-in) or withdrawn. */
            status: components["schemas"]["ConsentStatus"];
            legal_basis: components["schemas"]["LegalBasis"];
            /**
             * Expires At
             * @description When this consent ends (implied consent).
             */
            expires_at: string | null;
            /** Source */
            source: string;
            /**
             * Recorded At
             * Format: date-time
             */
            recorded_at: string;
        };
        /**
         * ConsentHistoryEntry
         * @description One consent ledger entry.
         */
        ConsentHistoryEntry: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Channel */
            channel: string;
            action: components["schemas"]["ConsentAction"];
            status: components["schemas"]["ConsentStatus"];
            /** Granted */
            granted: boolean;
            /**
             * Previous
             * @description Whether consent was granted before this entry.
             */
            previous: boolean | null;
            previous_status: components["schemas"]["ConsentStatus"] | null;
            legal_basis: components["schemas"]["LegalBasis"] | null;
            /** Expires At */
            expires_at: string | null;
            /** Source */
            source: string | null;
            /**
             * Recorded At
             * Format: date-time
             * @description When the consent was given or withdrawn.
             */
            recorded_at: string;
            /**
             * Changed At
             * Format: date-time
             * @description When this system recorded the change.
             */
            changed_at: string;
            /** Actor User Id */
            actor_user_id: string | null;
            /**
             * Proof
             * @description IP, user agent, request, form or import id, opt-in request (IP and user agent masked without view_pii).
             */
            proof: {
                [key: string]: unknown;
            };
        };
        /** ConsentHistoryPage */
        ConsentHistoryPage: {
            /** Items */
            items: components["schemas"]["ConsentHistoryEntry"][];
            /** Total */
            total: number;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /**
             * Filters
             * @default {}
             */
            filters?: {
                [key: string]: unknown;
            };
        };
        /** ConsentState */
        ConsentState: {
            /**
             * Contact Id
             * Format: uuid
             */
            contact_id: string;
            /** Channels */
            channels: components["schemas"]["ConsentEntry"][];
            /** Consented Channels */
            consented_channels: string[];
            /** History */
            history: components["schemas"]["ConsentHistoryEntry"][];
        };
        /**
         * ConsentStatus
         * @description A contact's consent on one channel: given, awaiting double opt-in, or not given.
         * @enum {string}
         */
        ConsentStatus: "granted" | "pending" | "withdrawn";
        /**
         * ConsentSummary
         * @description Consent over a campaign's audience (the contacts its segments match now).
         * @example {
         *       "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "channels": [
         *         "email"
         *       ],
         *       "counts": [
         *         {
         *           "channel": "email",
         *           "count": 900,
         *           "legal_basis": "express",
         *           "status": "granted"
         *         },
         *         {
         *           "channel": "email",
         *           "count": 120,
         *           "legal_basis": "express",
         *           "status": "pending"
         *         },
         *         {
         *           "channel": "email",
         *           "count": 80,
         *           "status": "withdrawn"
         *         },
         *         {
         *           "channel": "email",
         *           "count": 100,
         *           "status": "none"
         *         }
         *       ],
         *       "matched": 1200,
         *       "totals": {
         *         "email": {
         *           "expired": 0,
         *           "granted": 900,
         *           "none": 100,
         *           "pending": 120,
         *           "withdrawn": 80
         *         }
         *       }
         *     }
         */
        ConsentSummary: {
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /**
             * Matched
             * @description Contacts its segments match.
             */
            matched: number;
            /** Channels */
            channels: string[];
            /**
             * Counts
             * @description By channel, status and legal basis.
             */
            counts: components["schemas"]["ConsentCount"][];
            /**
             * Totals
             * @description By channel, then status.
             */
            totals: {
                [key: string]: {
                    [key: string]: number;
                };
            };
        };
        /**
         * ContactCreate
         * @description A new contact; `external_id` is the key of the Contact Management module.
         */
        ContactCreate: {
            /** Email */
            email?: string | null;
            /** Phone */
            phone?: string | null;
            /** First Name */
            first_name?: string | null;
            /** Last Name */
            last_name?: string | null;
            /** Gender */
            gender?: string | null;
            /** Birth Date */
            birth_date?: string | null;
            /** Language */
            language?: string | null;
            /** Country */
            country?: string | null;
            /** Region */
            region?: string | null;
            /** City */
            city?: string | null;
            /** Postal Code */
            postal_code?: string | null;
            /** Timezone */
            timezone?: string | null;
            /** Latitude */
            latitude?: number | null;
            /** Longitude */
            longitude?: number | null;
            /** Interests */
            interests?: unknown[] | null;
            /** Lifestyle */
            lifestyle?: unknown[] | null;
            /** Values */
            values?: unknown[] | null;
            /** Attributes */
            attributes?: {
                [key: string]: unknown;
            } | null;
            /**
             * Consent
             * @description Per-channel consent, e.g. {"email": true, "sms": false}.
             */
            consent?: {
                [key: string]: boolean;
            } | null;
            /**
             * Consent Source
             * @description Where the consent in this write was given (e.g. signup_form).
             */
            consent_source?: string | null;
            /** @description Legal basis of the consent granted in this write (default express; implied consent ends after two years unless consent_expires_at says otherwise). */
            consent_legal_basis?: components["schemas"]["LegalBasis"] | null;
            /**
             * Consent Expires At
             * @description When the consent granted in this write ends (future).
             */
            consent_expires_at?: string | null;
            /** External Id */
            external_id: string;
        };
        /**
         * ContactExport
         * @description Everything held about one contact, in clear, at `exported_at`.
         */
        ContactExport: {
            /**
             * Contact Id
             * Format: uuid
             */
            contact_id: string;
            /**
             * Exported At
             * Format: date-time
             */
            exported_at: string;
            /** Profile */
            profile: {
                [key: string]: unknown;
            };
            /** Consents */
            consents: {
                [key: string]: unknown;
            }[];
            /** Events */
            events: {
                [key: string]: unknown;
            }[];
            /** Deliveries */
            deliveries: {
                [key: string]: unknown;
            }[];
            /**
             * Rendered Messages
             * @description Test sends rendered with the contact's data, and the tracked links of messages delivered to the contact.
             */
            rendered_messages: {
                [key: string]: unknown;
            }[];
            /** Segment Memberships */
            segment_memberships: {
                [key: string]: unknown;
            }[];
            /** Campaign Audiences */
            campaign_audiences: {
                [key: string]: unknown;
            }[];
            /** Suppressions */
            suppressions: {
                [key: string]: unknown;
            }[];
            /** Legal Holds */
            legal_holds: {
                [key: string]: unknown;
            }[];
            /** Data Subject Requests */
            data_subject_requests: {
                [key: string]: unknown;
            }[];
            /** Audit Trail */
            audit_trail: {
                [key: string]: unknown;
            }[];
            /**
             * Other Records
             * @description Rows of any other table that names the contact, by table.
             */
            other_records: {
                [key: string]: {
                    [key: string]: unknown;
                }[];
            };
        };
        /** ContactPage */
        ContactPage: {
            /** Items */
            items: components["schemas"]["ContactRead"][];
            /** Total */
            total: number;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /**
             * Filters
             * @default {}
             */
            filters?: {
                [key: string]: unknown;
            };
        };
        /** ContactRead */
        ContactRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** External Id */
            external_id: string;
            /** Email */
            email: string | null;
            /** Phone */
            phone: string | null;
            /** First Name */
            first_name: string | null;
            /** Last Name */
            last_name: string | null;
            /** Gender */
            gender: string | null;
            /** Birth Date */
            birth_date: string | null;
            /** Language */
            language: string | null;
            /** Country */
            country: string | null;
            /** Region */
            region: string | null;
            /** City */
            city: string | null;
            /** Postal Code */
            postal_code: string | null;
            /** Timezone */
            timezone: string | null;
            /** Latitude */
            latitude: number | null;
            /** Longitude */
            longitude: number | null;
            /** Interests */
            interests: string[];
            /** Lifestyle */
            lifestyle: string[];
            /** Values */
            values: string[];
            /** Attributes */
            attributes: {
                [key: string]: unknown;
            };
            /**
             * Consent
             * @description Recorded consent per channel (granted or withdrawn).
             */
            consent?: {
                [key: string]: boolean;
            };
            /** Consented Channels */
            consented_channels: string[];
            /**
             * Do Not Sell
             * @description CCPA do not sell or share: never handed to other modules or outside parties (set through PUT /api/contacts/{id}/do-not-sell/).
             * @default false
             */
            do_not_sell?: boolean;
            /**
             * Erased At
             * @description When the contact's personal data was erased.
             */
            erased_at?: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * Version
             * @description Bumped by every change; its ETag. Send it back in If-Match.
             */
            version: number;
        };
        /**
         * ContactUpdate
         * @description A partial change; only the fields sent are changed.
         */
        ContactUpdate: {
            /** Email */
            email?: string | null;
            /** Phone */
            phone?: string | null;
            /** First Name */
            first_name?: string | null;
            /** Last Name */
            last_name?: string | null;
            /** Gender */
            gender?: string | null;
            /** Birth Date */
            birth_date?: string | null;
            /** Language */
            language?: string | null;
            /** Country */
            country?: string | null;
            /** Region */
            region?: string | null;
            /** City */
            city?: string | null;
            /** Postal Code */
            postal_code?: string | null;
            /** Timezone */
            timezone?: string | null;
            /** Latitude */
            latitude?: number | null;
            /** Longitude */
            longitude?: number | null;
            /** Interests */
            interests?: unknown[] | null;
            /** Lifestyle */
            lifestyle?: unknown[] | null;
            /** Values */
            values?: unknown[] | null;
            /** Attributes */
            attributes?: {
                [key: string]: unknown;
            } | null;
            /**
             * Consent
             * @description Per-channel consent, e.g. {"email": true, "sms": false}.
             */
            consent?: {
                [key: string]: boolean;
            } | null;
            /**
             * Consent Source
             * @description Where the consent in this write was given (e.g. signup_form).
             */
            consent_source?: string | null;
            /** @description Legal basis of the consent granted in this write (default express; implied consent ends after two years unless consent_expires_at says otherwise). */
            consent_legal_basis?: components["schemas"]["LegalBasis"] | null;
            /**
             * Consent Expires At
             * @description When the consent granted in this write ends (future).
             */
            consent_expires_at?: string | null;
            /** External Id */
            external_id?: string | null;
        };
        /**
         * ContentChange
         * @description One field of the governed content that differs: `path` like
         *     `templates.WELCOME.default_settings.subject` or `segments[0].demographic_criteria.value`.
         */
        ContentChange: {
            /** Path */
            path: string;
            /**
             * Change
             * @enum {string}
             */
            change: "added" | "removed" | "changed";
            /** Before */
            before?: unknown;
            /** After */
            after?: unknown;
        };
        /**
         * ConversionCreate
         * @description A conversion reported by another CRM module.
         * @example {
         *       "amount": "1250.00",
         *       "contact_id": "3c2b1a4e-2f6d-4e8a-9b1c-7d5e6f708192",
         *       "conversion_type": "opportunity_won",
         *       "currency_code": "EUR",
         *       "external_id": "OPP-2026-0042",
         *       "occurred_at": "2026-04-12T15:30:00+00:00",
         *       "source": "sales",
         *       "utm_campaign": "SPRING-26"
         *     }
         */
        ConversionCreate: {
            /**
             * Source
             * @description The CRM module that reports it (a-z, 0-9, _ . -).
             * @example sales
             */
            source: string;
            /**
             * External Id
             * @description Unique per source: the same id again is the same conversion.
             */
            external_id: string;
            /**
             * Contact Id
             * Format: uuid
             */
            contact_id: string;
            /**
             * Conversion Type
             * @default purchase
             */
            conversion_type?: string;
            /**
             * Amount
             * @example 15000.00
             */
            amount: number | string;
            /**
             * Currency Code
             * @description A circulating ISO 4217 currency code.
             * @example USD
             */
            currency_code: string;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /**
             * Campaign Id
             * @description A campaign the reporting module knows the conversion came from.
             */
            campaign_id?: string | null;
            /** Utm Source */
            utm_source?: string | null;
            /** Utm Medium */
            utm_medium?: string | null;
            /**
             * Utm Campaign
             * @description Matched exactly against the company's campaign codes.
             */
            utm_campaign?: string | null;
        };
        /** ConversionPage */
        ConversionPage: {
            /** Items */
            items: components["schemas"]["ConversionRead"][];
            /** Total */
            total: number;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /** Filters */
            filters: {
                [key: string]: unknown;
            };
        };
        /**
         * ConversionRead
         * @description A recorded conversion and the campaigns it is attributed to.
         */
        ConversionRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Source */
            source: string;
            /** External Id */
            external_id: string;
            /**
             * Contact Id
             * Format: uuid
             */
            contact_id: string;
            /** Conversion Type */
            conversion_type: string;
            /** Amount */
            amount: string;
            /** Currency Code */
            currency_code: string;
            /** Exchange Rate */
            exchange_rate: string;
            /** Amount Base */
            amount_base: string;
            /** Base Currency */
            base_currency: string;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /** Campaign Id */
            campaign_id: string | null;
            /** Utm Source */
            utm_source: string | null;
            /** Utm Medium */
            utm_medium: string | null;
            /** Utm Campaign */
            utm_campaign: string | null;
            /** Event Id */
            event_id: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Attributions */
            attributions: components["schemas"]["AttributionRead"][];
        };
        /**
         * CriteriaBody
         * @description Any of a segment's four criteria, plus the channel the audience is for.
         */
        CriteriaBody: {
            /**
             * Demographic Criteria
             * @description A rule tree (see GET /api/segments/schema/); {} or null: no condition.
             */
            demographic_criteria?: {
                [key: string]: unknown;
            } | null;
            /**
             * Behavioral Criteria
             * @description A rule tree (see GET /api/segments/schema/); {} or null: no condition.
             */
            behavioral_criteria?: {
                [key: string]: unknown;
            } | null;
            /**
             * Geographic Criteria
             * @description A rule tree (see GET /api/segments/schema/); {} or null: no condition.
             */
            geographic_criteria?: {
                [key: string]: unknown;
            } | null;
            /**
             * Psychographic Criteria
             * @description A rule tree (see GET /api/segments/schema/); {} or null: no condition.
             */
            psychographic_criteria?: {
                [key: string]: unknown;
            } | null;
            /** @description Exclude contacts that cannot be sent to on this channel. */
            channel?: components["schemas"]["Channel"] | null;
            /**
             * Campaign Id
             * @description Use this campaign's primary channel when `channel` is not given.
             */
            campaign_id?: string | null;
        };
        /**
         * DataSubjectRequestKind
         * @enum {string}
         */
        DataSubjectRequestKind: "export" | "erase" | "do_not_sell" | "legal_hold" | "legal_hold_release";
        /** DataSubjectRequestPage */
        DataSubjectRequestPage: {
            /** Items */
            items: components["schemas"]["DataSubjectRequestRead"][];
            /** Total */
            total: number;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /**
             * Filters
             * @default {}
             */
            filters?: {
                [key: string]: unknown;
            };
        };
        /** DataSubjectRequestRead */
        DataSubjectRequestRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Contact Id
             * Format: uuid
             */
            contact_id: string;
            /** Kind */
            kind: string;
            /** Outcome */
            outcome: string;
            /** Requested By User Id */
            requested_by_user_id: string | null;
            /**
             * Requested At
             * Format: date-time
             */
            requested_at: string;
            /** Details */
            details: {
                [key: string]: unknown;
            };
            /** Request Id */
            request_id: string | null;
        };
        /**
         * DeleteResult
         * @description What a soft delete did.
         * @example {
         *       "deleted_at": "2026-03-02T10:00:00Z",
         *       "id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "segments_deleted": 2
         *     }
         */
        DeleteResult: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Deleted At
             * Format: date-time
             */
            deleted_at: string;
            /** Segments Deleted */
            segments_deleted: number;
        };
        /**
         * DeliveryChannel
         * @description Channels a single message can go out on (multi_channel fans out to these).
         * @enum {string}
         */
        DeliveryChannel: "email" | "sms" | "social" | "direct_mail";
        /** DoNotSellChange */
        DoNotSellChange: {
            /** Do Not Sell */
            do_not_sell: boolean;
        };
        /** DoNotSellState */
        DoNotSellState: {
            /**
             * Contact Id
             * Format: uuid
             */
            contact_id: string;
            /** Do Not Sell */
            do_not_sell: boolean;
        };
        /**
         * EffectiveSender
         * @description What messages carry now, defaults included.
         */
        EffectiveSender: {
            /** From Header */
            from_header: string;
            /** Reply To */
            reply_to: string | null;
            /** Postal Address */
            postal_address: string;
            /** Sms Sender */
            sms_sender: string | null;
        };
        /** ErasureReport */
        ErasureReport: {
            /**
             * Contact Id
             * Format: uuid
             */
            contact_id: string;
            /**
             * Status
             * @description erased, or already_erased for a repeated request.
             */
            status: string;
            /**
             * Erased At
             * Format: date-time
             */
            erased_at: string;
            /**
             * Removed
             * @description Rows deleted or pseudonymised, by kind.
             */
            removed: {
                [key: string]: number;
            };
            /**
             * Redis
             * @description Stream entries and cache keys removed.
             */
            redis: {
                [key: string]: number;
            };
        };
        /**
         * ErrorBody
         * @description The body of every non-2xx JSON response.
         */
        ErrorBody: {
            /** Error Code */
            error_code: string;
            /** Message */
            message: string;
            /**
             * Details
             * @default {}
             */
            details?: {
                [key: string]: unknown;
            };
        };
        /** Estimate */
        Estimate: {
            /**
             * Count
             * @description Sendable matching contacts.
             */
            count: number;
            /**
             * Matched
             * @description Matching contacts before exclusions.
             */
            matched: number;
            excluded: components["schemas"]["Excluded"];
            /**
             * Exact
             * @description Every contact was counted (else scaled from a sample).
             */
            exact: boolean;
            /**
             * Sample Fraction
             * @description The share of the company's contacts read: 1.0 when exact.
             */
            sample_fraction: number;
            /**
             * Count Range
             * @description 95 % interval of `count` ([count, count] when exact).
             */
            count_range: [
                number,
                number
            ];
            /**
             * Matched Range
             * @description 95 % interval of `matched` ([matched, matched] when exact).
             */
            matched_range: [
                number,
                number
            ];
            /** Channel */
            channel: string | null;
            /**
             * Sample
             * @description Matching sendable contacts (PII masked without view_pii).
             */
            sample: {
                [key: string]: unknown;
            }[];
            /** Took Ms */
            took_ms: number;
        };
        /** EstimateRequest */
        EstimateRequest: {
            /**
             * Demographic Criteria
             * @description A rule tree (see GET /api/segments/schema/); {} or null: no condition.
             */
            demographic_criteria?: {
                [key: string]: unknown;
            } | null;
            /**
             * Behavioral Criteria
             * @description A rule tree (see GET /api/segments/schema/); {} or null: no condition.
             */
            behavioral_criteria?: {
                [key: string]: unknown;
            } | null;
            /**
             * Geographic Criteria
             * @description A rule tree (see GET /api/segments/schema/); {} or null: no condition.
             */
            geographic_criteria?: {
                [key: string]: unknown;
            } | null;
            /**
             * Psychographic Criteria
             * @description A rule tree (see GET /api/segments/schema/); {} or null: no condition.
             */
            psychographic_criteria?: {
                [key: string]: unknown;
            } | null;
            /** @description Exclude contacts that cannot be sent to on this channel. */
            channel?: components["schemas"]["Channel"] | null;
            /**
             * Campaign Id
             * @description Use this campaign's primary channel when `channel` is not given.
             */
            campaign_id?: string | null;
            /**
             * Sample Size
             * @description How many contacts to return.
             * @default 10
             */
            sample_size?: number;
            /**
             * Exact
             * @description Count every contact even on a large company (slower); otherwise a company above the sampling threshold is estimated from a uniform random sample.
             * @default false
             */
            exact?: boolean;
        };
        /** EvaluationRead */
        EvaluationRead: {
            /**
             * Evaluation Id
             * Format: uuid
             */
            evaluation_id: string;
            /**
             * Segment Id
             * Format: uuid
             */
            segment_id: string;
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /** Channel */
            channel: string;
            /**
             * Evaluated At
             * Format: date-time
             */
            evaluated_at: string;
            /**
             * Matched
             * @description Contacts the criteria match, before consent and suppression.
             */
            matched: number;
            /**
             * Sendable
             * @description Matched contacts reachable on the campaign's channel (consented, not suppressed, with an address there): the segment's members.
             */
            sendable: number;
            /** Added */
            added: number;
            /** Removed */
            removed: number;
            excluded: components["schemas"]["Excluded"];
            /** Took Ms */
            took_ms: number;
        };
        /** EventAccepted */
        EventAccepted: {
            /** Event Id */
            event_id: string;
            /**
             * Status
             * @enum {string}
             */
            status: "created" | "duplicate";
        };
        /**
         * EventBatch
         * @description Up to 5,000 events; each is validated on its own and reported in the results.
         */
        EventBatch: {
            /** Events */
            events: unknown[];
        };
        /** EventBatchResult */
        EventBatchResult: {
            /** Created */
            created: number;
            /** Duplicates */
            duplicates: number;
            /** Failed */
            failed: number;
            /** Results */
            results: components["schemas"]["EventResult"][];
        };
        /**
         * EventIn
         * @description One behavioural event of a contact named by id or by external id.
         */
        EventIn: {
            /**
             * Event Id
             * @description Unique per company.
             */
            event_id: string;
            /** Contact Id */
            contact_id?: string | null;
            /** External Id */
            external_id?: string | null;
            /**
             * Event Type
             * @description e.g. purchase, page_view: a lower-case letter, then a-z, 0-9, _ . : -
             */
            event_type: string;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /** Properties */
            properties?: {
                [key: string]: unknown;
            };
            /** Campaign Id */
            campaign_id?: string | null;
        };
        /** EventPage */
        EventPage: {
            /** Items */
            items: components["schemas"]["EventRead"][];
            /** Total */
            total: number;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /**
             * Filters
             * @default {}
             */
            filters?: {
                [key: string]: unknown;
            };
        };
        /** EventRead */
        EventRead: {
            /** Id */
            id: number;
            /** Event Id */
            event_id: string;
            /**
             * Contact Id
             * Format: uuid
             */
            contact_id: string;
            /** Event Type */
            event_type: string;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /** Properties */
            properties: {
                [key: string]: unknown;
            };
            /** Campaign Id */
            campaign_id: string | null;
            /**
             * Received At
             * Format: date-time
             */
            received_at: string;
        };
        /** EventResult */
        EventResult: {
            /** Index */
            index: number;
            /** Event Id */
            event_id?: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "created" | "duplicate" | "error";
            /**
             * Errors
             * @default []
             */
            errors?: components["schemas"]["ItemError"][];
        };
        /**
         * EventTypesRead
         * @description The event types a subscription can pick.
         * @example {
         *       "event_types": [
         *         "campaign.created",
         *         "campaign.launched"
         *       ]
         *     }
         */
        EventTypesRead: {
            /** Event Types */
            event_types: string[];
        };
        /**
         * Excluded
         * @description Matching contacts left out, each under the first reason that applies: matched = count
         *     + no_consent + suppressed + no_address.
         */
        Excluded: {
            /**
             * No Consent
             * @description No consent for the channel.
             */
            no_consent: number;
            /**
             * Suppressed
             * @description Consented, but suppressed for the channel.
             */
            suppressed: number;
            /**
             * No Address
             * @description Consented and not suppressed, but without an address on the channel (an email for email, a phone number for SMS).
             */
            no_address: number;
        };
        /** Explanation */
        Explanation: {
            /**
             * Segment Id
             * Format: uuid
             */
            segment_id: string;
            /**
             * Contact Id
             * Format: uuid
             */
            contact_id: string;
            /**
             * Matched
             * @description The contact satisfies every criteria tree.
             */
            matched: boolean;
            /** Channel */
            channel: string | null;
            /** Consented */
            consented: boolean | null;
            /** Suppressed */
            suppressed: boolean | null;
            /**
             * No Address
             * @description Consented and not suppressed, but without an address on the channel.
             */
            no_address: boolean | null;
            /** Sendable */
            sendable: boolean;
            /**
             * In Segment
             * @description Matched and sendable: what membership holds now.
             */
            in_segment: boolean;
            /**
             * Is Member
             * @description In the membership of the last evaluation.
             */
            is_member: boolean;
            /** Last Evaluated At */
            last_evaluated_at: string | null;
            /** Summary */
            summary: string;
            /**
             * Criteria
             * @description Per criteria tree, every node with its rule, `result`, the contact's `actual` value (conditions) or `observed` events (behavioural conditions).
             */
            criteria: {
                [key: string]: unknown;
            }[];
            /**
             * Evaluated At
             * Format: date-time
             */
            evaluated_at: string;
        };
        /** FieldChange */
        FieldChange: {
            /** Old */
            old: unknown;
            /** New */
            new: unknown;
        };
        /**
         * FiscalYearAvailability
         * @description The money of a fiscal year: the total of its active budgets that are not drawn from a
         *     parent (a child budget's money is already in its parent's), what live campaigns hold (each
         *     its total_budget, or its spend when that is more), what completed, cancelled and deleted
         *     campaigns spent, and what is left (the ceiling for a campaign's total_budget).
         * @example {
         *       "approval_threshold": "10000.00",
         *       "available_amount": "370000.00",
         *       "currency_code": "USD",
         *       "fiscal_year": 2026,
         *       "held_by_live_campaigns": "210000.00",
         *       "period_end": "2027-01-01T00:00:00Z",
         *       "period_start": "2026-01-01T00:00:00Z",
         *       "spent_by_finished_campaigns": "40000.00",
         *       "total_amount": "620000.00"
         *     }
         */
        FiscalYearAvailability: {
            /** Fiscal Year */
            fiscal_year: number;
            /** Currency Code */
            currency_code: string;
            /** Total Amount */
            total_amount: string;
            /** Held By Live Campaigns */
            held_by_live_campaigns: string;
            /** Spent By Finished Campaigns */
            spent_by_finished_campaigns: string;
            /** Available Amount */
            available_amount: string;
            /** Approval Threshold */
            approval_threshold: string | null;
            /**
             * Period Start
             * Format: date-time
             */
            period_start: string;
            /**
             * Period End
             * Format: date-time
             */
            period_end: string;
        };
        /** HTTPValidationError */
        HTTPValidationError: {
            /** Detail */
            detail?: components["schemas"]["ValidationError"][];
        };
        /**
         * HierarchyNode
         * @description A campaign in a hierarchy, its roll-up and its sub-campaigns.
         */
        HierarchyNode: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Campaign Name */
            campaign_name: string;
            /** Campaign Code */
            campaign_code: string;
            campaign_status: components["schemas"]["CampaignStatus"];
            /** Parent Campaign Id */
            parent_campaign_id: string | null;
            rollup: components["schemas"]["Rollup"];
            /** Children */
            children: components["schemas"]["HierarchyNode"][];
        };
        /**
         * HierarchyRead
         * @description The whole tree a campaign belongs to, from its top-level ancestor.
         * @example {
         *       "ancestors": [
         *         "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b"
         *       ],
         *       "campaign_id": "7a1e0c55-4d0e-4f43-9a0b-0f8f3c1d2e3f",
         *       "root": {
         *         "campaign_code": "SPRING",
         *         "campaign_name": "Spring programme",
         *         "campaign_status": "active",
         *         "children": [],
         *         "id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *         "rollup": {
         *           "actual_spend": "12000.00",
         *           "audience": 45000,
         *           "campaigns": 3,
         *           "clicks": 3100,
         *           "conversions": 210,
         *           "currency_code": "USD",
         *           "depth": 2,
         *           "missing_rates": [],
         *           "opens": 12000,
         *           "revenue": "52000.00",
         *           "sent": 40000,
         *           "total_budget": "30000.00"
         *         }
         *       }
         *     }
         */
        HierarchyRead: {
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /**
             * Ancestors
             * @description From the top-level campaign down to the parent.
             */
            ancestors: string[];
            root: components["schemas"]["HierarchyNode"];
        };
        /** ImportReport */
        ImportReport: {
            /** Rows */
            rows: number;
            /** Created */
            created: number;
            /** Updated */
            updated: number;
            /** Unchanged */
            unchanged: number;
            /** Failed */
            failed: number;
            /** Errors */
            errors: components["schemas"]["RowError"][];
            /**
             * Errors Truncated
             * @default false
             */
            errors_truncated?: boolean;
        };
        /** ItemError */
        ItemError: {
            /** Path */
            path: string;
            /** Message */
            message: string;
        };
        /**
         * JWKS
         * @description The public keys that verify this service's tokens (empty with a shared secret).
         * @example {
         *       "keys": [
         *         {
         *           "alg": "RS256",
         *           "e": "AQAB",
         *           "kid": "3f1c0d9a2b7e4c11",
         *           "kty": "RSA",
         *           "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4…",
         *           "use": "sig"
         *         }
         *       ]
         *     }
         */
        JWKS: {
            /** Keys */
            keys: {
                [key: string]: unknown;
            }[];
        };
        /**
         * LaunchAccepted
         * @description The launch confirmation: the recorded request, the campaign's new state, tracking.
         * @example {
         *       "campaign": {
         *         "campaign_code": "SPRING-26",
         *         "campaign_status": "active",
         *         "id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *         "version": 5
         *       },
         *       "launch": {
         *         "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *         "created_at": "2026-03-20T12:00:00Z",
         *         "id": "1f16c43a-b68c-4777-9213-847c11e96f90",
         *         "idempotency_key": "9d0c1c1e-launch-2026-04",
         *         "launch_status": "scheduled",
         *         "parameters": {
         *           "channels": [
         *             "email"
         *           ],
         *           "segment_ids": [
         *             "0ad7193d-ac70-4d15-a378-652923ea3fa1"
         *           ],
         *           "throttle_per_minute": 5000
         *         },
         *         "requested_by_user_id": "dde4cc25-8cec-48d6-a3f3-63fe26a4337b",
         *         "scheduled_at": "2026-04-01T08:00:00Z"
         *       },
         *       "tracking": {
         *         "campaign_path": "/api/campaigns/5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b/",
         *         "events": [
         *           "campaign.launch_progress",
         *           "campaign.launched"
         *         ],
         *         "launch_id": "1f16c43a-b68c-4777-9213-847c11e96f90",
         *         "websocket": "/ws"
         *       },
         *       "validation_warnings": []
         *     }
         */
        LaunchAccepted: {
            launch: components["schemas"]["LaunchRead"];
            campaign: components["schemas"]["LaunchCampaignState"];
            tracking: components["schemas"]["LaunchTracking"];
            /** Validation Warnings */
            validation_warnings: {
                [key: string]: unknown;
            }[];
        };
        /** LaunchCampaignState */
        LaunchCampaignState: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Campaign Code */
            campaign_code: string;
            campaign_status: components["schemas"]["CampaignStatus"];
            /** Version */
            version: number;
        };
        /** LaunchCounts */
        LaunchCounts: {
            /**
             * Queued
             * @description Deliveries in the launch's frozen audience.
             */
            queued: number;
            /** Sent */
            sent: number;
            /** Failed */
            failed: number;
            /** Skipped */
            skipped: number;
            /** Remaining */
            remaining: number;
        };
        /**
         * LaunchDetail
         * @description A launch: its state, counts, timings and its latest errors.
         * @example {
         *       "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "counts": {
         *         "failed": 3,
         *         "queued": 3000,
         *         "remaining": 1197,
         *         "sent": 1800,
         *         "skipped": 0
         *       },
         *       "created_at": "2026-03-20T12:00:00Z",
         *       "errors": [],
         *       "id": "1f16c43a-b68c-4777-9213-847c11e96f90",
         *       "launch_status": "sending",
         *       "parameters": {
         *         "channels": [
         *           "email"
         *         ],
         *         "segment_ids": []
         *       },
         *       "requested_by_user_id": "dde4cc25-8cec-48d6-a3f3-63fe26a4337b",
         *       "resolved_at": "2026-04-01T08:00:01Z",
         *       "scheduled_at": "2026-04-01T08:00:00Z",
         *       "started_at": "2026-04-01T08:00:01Z",
         *       "updated_at": "2026-04-01T08:00:09Z"
         *     }
         */
        LaunchDetail: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            launch_status: components["schemas"]["LaunchStatus"];
            /**
             * Requested By User Id
             * Format: uuid
             */
            requested_by_user_id: string;
            /** Parameters */
            parameters: {
                [key: string]: unknown;
            };
            counts: components["schemas"]["LaunchCounts"];
            /**
             * Last Error
             * @description Why the launch failed, when it did.
             */
            last_error: string | null;
            /**
             * Errors
             * @description The latest failed deliveries (on a single launch only; empty in lists).
             */
            errors: components["schemas"]["LaunchError"][];
            /** Scheduled At */
            scheduled_at: string | null;
            /** Resolved At */
            resolved_at: string | null;
            /** Started At */
            started_at: string | null;
            /** Finished At */
            finished_at: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * LaunchError
         * @description A delivery of the launch that failed, most recent first.
         */
        LaunchError: {
            /**
             * Delivery Id
             * Format: uuid
             */
            delivery_id: string;
            /**
             * Contact Id
             * Format: uuid
             */
            contact_id: string;
            /** Channel */
            channel: string;
            /** Error Code */
            error_code: string | null;
            /** Error */
            error: string | null;
            /** Attempts */
            attempts: number;
            /**
             * At
             * Format: date-time
             */
            at: string;
        };
        /**
         * LaunchPage
         * @description One page of a campaign's launches, newest first.
         * @example {
         *       "filters": {},
         *       "items": [
         *         {
         *           "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *           "counts": {
         *             "failed": 3,
         *             "queued": 3000,
         *             "remaining": 1197,
         *             "sent": 1800,
         *             "skipped": 0
         *           },
         *           "created_at": "2026-03-20T12:00:00Z",
         *           "errors": [],
         *           "id": "1f16c43a-b68c-4777-9213-847c11e96f90",
         *           "launch_status": "sending",
         *           "parameters": {
         *             "channels": [
         *               "email"
         *             ],
         *             "segment_ids": []
         *           },
         *           "requested_by_user_id": "dde4cc25-8cec-48d6-a3f3-63fe26a4337b",
         *           "resolved_at": "2026-04-01T08:00:01Z",
         *           "scheduled_at": "2026-04-01T08:00:00Z",
         *           "started_at": "2026-04-01T08:00:01Z",
         *           "updated_at": "2026-04-01T08:00:09Z"
         *         }
         *       ],
         *       "page": 1,
         *       "page_size": 50,
         *       "total": 1
         *     }
         */
        LaunchPage: {
            /** Items */
            items: components["schemas"]["LaunchDetail"][];
            /** Total */
            total: number;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /** Filters */
            filters: {
                [key: string]: unknown;
            };
        };
        /**
         * LaunchRead
         * @description A recorded launch request.
         */
        LaunchRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            launch_status: components["schemas"]["LaunchStatus"];
            /** Idempotency Key */
            idempotency_key: string;
            /**
             * Requested By User Id
             * Format: uuid
             */
            requested_by_user_id: string;
            /** Parameters */
            parameters: {
                [key: string]: unknown;
            };
            /** Scheduled At */
            scheduled_at: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
        };
        /**
         * LaunchRequest
         * @description How to run the launch: when, on which channels, how fast, to which segments.
         * @example {
         *       "channels": [
         *         "email"
         *       ],
         *       "scheduled_at": "2026-04-01T08:00:00+00:00",
         *       "throttle_per_minute": 5000
         *     }
         */
        LaunchRequest: {
            /**
             * Scheduled At
             * @description When to start sending; omitted: at the campaign's start date or now, whichever is later.
             */
            scheduled_at?: string | null;
            /**
             * Channels
             * @description Channels to send on; omitted: the campaign's channel (every channel for multi_channel).
             */
            channels?: components["schemas"]["DeliveryChannel"][] | null;
            /** Throttle Per Minute */
            throttle_per_minute?: number | null;
            /**
             * Segment Ids
             * @description Omitted: every segment.
             */
            segment_ids?: string[] | null;
            /** @description Launch although the forecast cost exceeds the remaining budget (approve_campaign only; audited). Sending still stops when the budget runs out. */
            budget_override?: components["schemas"]["BudgetOverride"] | null;
            /** @description Test the campaign's A/B variants (at least two) on a sample first; omitted: every recipient gets a variant by weight at once. */
            ab_test?: components["schemas"]["AbTestPhase"] | null;
        };
        /**
         * LaunchStatus
         * @enum {string}
         */
        LaunchStatus: "requested" | "scheduled" | "resolving" | "sending" | "paused" | "completed" | "failed" | "cancelled";
        /**
         * LaunchTracking
         * @description Where to follow the launch.
         */
        LaunchTracking: {
            /**
             * Launch Id
             * Format: uuid
             */
            launch_id: string;
            /** Websocket */
            websocket: string;
            /** Events */
            events: string[];
            /** Campaign Path */
            campaign_path: string;
        };
        /**
         * LegalBasis
         * @description Why a contact may be sent to (CASL distinguishes express from implied consent).
         * @enum {string}
         */
        LegalBasis: "express" | "implied" | "legitimate_interest" | "contract";
        /**
         * LegalHoldCreate
         * @description A hold on exactly one contact or one campaign.
         */
        LegalHoldCreate: {
            /** Contact Id */
            contact_id?: string | null;
            /** Campaign Id */
            campaign_id?: string | null;
            /** Reason */
            reason: string;
        };
        /** LegalHoldPage */
        LegalHoldPage: {
            /** Items */
            items: components["schemas"]["LegalHoldRead"][];
            /** Total */
            total: number;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /**
             * Filters
             * @default {}
             */
            filters?: {
                [key: string]: unknown;
            };
        };
        /** LegalHoldRead */
        LegalHoldRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Contact Id */
            contact_id: string | null;
            /** Campaign Id */
            campaign_id: string | null;
            /** Reason */
            reason: string;
            /** Placed By User Id */
            placed_by_user_id: string | null;
            /**
             * Placed At
             * Format: date-time
             */
            placed_at: string;
            /** Released At */
            released_at: string | null;
            /** Released By User Id */
            released_by_user_id: string | null;
            /** Release Reason */
            release_reason: string | null;
            /** Active */
            active: boolean;
        };
        /** LegalHoldRelease */
        LegalHoldRelease: {
            /** Reason */
            reason: string;
        };
        /**
         * LogoutRequest
         * @description Which session to end: the one of `refresh_token`, else the caller's current one;
         *     `all_sessions` ends every session of the user.
         * @example {
         *       "all_sessions": false,
         *       "refresh_token": "eyJhbGci…"
         *     }
         */
        LogoutRequest: {
            /** Refresh Token */
            refresh_token?: string | null;
            /**
             * All Sessions
             * @default false
             */
            all_sessions?: boolean;
        };
        /**
         * MFAChallenge
         * @description The password was right but the account has MFA: no tokens yet. Send `mfa_token` with
         *     a code of the authenticator to POST /api/auth/mfa/sign-in for the token pair.
         * @example {
         *       "expires_in": 300,
         *       "methods": [
         *         "totp"
         *       ],
         *       "mfa_required": true,
         *       "mfa_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.…",
         *       "token_type": "mfa_challenge"
         *     }
         */
        MFAChallenge: {
            /**
             * Mfa Required
             * @default true
             * @constant
             */
            mfa_required?: true;
            /**
             * Mfa Token
             * @description A short-lived, single-use challenge for the second step.
             */
            mfa_token: string;
            /**
             * Token Type
             * @default mfa_challenge
             * @constant
             */
            token_type?: "mfa_challenge";
            /**
             * Expires In
             * @description Seconds left to complete the sign-in.
             */
            expires_in: number;
            /**
             * Methods
             * @description The second factors accepted (a TOTP code).
             * @default [
             *       "totp"
             *     ]
             */
            methods?: "totp"[];
        };
        /**
         * MFACode
         * @example {
         *       "code": "492039"
         *     }
         */
        MFACode: {
            /**
             * Code
             * @description The 6-digit code of the authenticator app.
             * @example 492039
             */
            code: string;
        };
        /**
         * MFAEnrollment
         * @description The new TOTP secret, shown once: scan the URI as a QR code, then confirm with a code.
         * @example {
         *       "account_name": "admin@acme.test",
         *       "issuer": "Campaign Creation CRM",
         *       "otpauth_uri": "otpauth://totp/Campaign%20Creation%20CRM:admin%40acme.test?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Campaign%20Creation%20CRM",
         *       "secret": "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
         *     }
         */
        MFAEnrollment: {
            /** Secret */
            secret: string;
            /** Otpauth Uri */
            otpauth_uri: string;
            /** Issuer */
            issuer: string;
            /** Account Name */
            account_name: string;
        };
        /**
         * MFASignIn
         * @description The second step of signing in with MFA: the challenge and a current code.
         * @example {
         *       "code": "492039",
         *       "mfa_token": "eyJhbGci…"
         *     }
         */
        MFASignIn: {
            /**
             * Mfa Token
             * @description The `mfa_token` of the challenge.
             */
            mfa_token: string;
            /**
             * Code
             * @description The 6-digit code of the authenticator app.
             * @example 492039
             */
            code: string;
        };
        /**
         * MFAStatus
         * @example {
         *       "mfa_enabled": true
         *     }
         */
        MFAStatus: {
            /** Mfa Enabled */
            mfa_enabled: boolean;
        };
        /**
         * Me
         * @description The signed-in user, their company, roles and the permissions those grant.
         * @example {
         *       "company": {
         *         "id": "5d2b7c1e-0b59-4c4e-8e0f-7d1f2f0c9a01",
         *         "name": "Acme",
         *         "slug": "acme"
         *       },
         *       "email": "admin@acme.test",
         *       "full_name": "Ada Admin",
         *       "id": "0b8f8c61-7f7e-4a55-9a8e-5b0d0c0f6a11",
         *       "last_login_at": "2026-03-02T09:15:00+00:00",
         *       "mfa_enabled": false,
         *       "permissions": [
         *         "approve_campaign",
         *         "create_campaign",
         *         "read_campaign"
         *       ],
         *       "roles": [
         *         "admin"
         *       ],
         *       "session_expires_at": "2026-03-02T09:30:00+00:00"
         *     }
         */
        Me: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Email */
            email: string;
            /** Full Name */
            full_name: string;
            company: components["schemas"]["CompanyRef"];
            /** Roles */
            roles: string[];
            /** Permissions */
            permissions: string[];
            /** Mfa Enabled */
            mfa_enabled: boolean;
            /** Last Login At */
            last_login_at: string | null;
            /**
             * Session Expires At
             * @description When the current access token expires.
             */
            session_expires_at?: string | null;
        };
        /**
         * MessagePreview
         * @description A campaign's message as a recipient would get it, sent to nobody.
         * @example {
         *       "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "channel": "email",
         *       "contact_id": "7d4c1e0a-2b3c-4d5e-8f90-a1b2c3d4e5f6",
         *       "message": {
         *         "headers": {
         *           "List-Unsubscribe": "<https://crm.example.com/t/u/AX…>",
         *           "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"
         *         },
         *         "html": "<p>Hi Ann …</p>",
         *         "links": [
         *           "https://shop.example.com/spring"
         *         ],
         *         "subject": "Spring sale starts today, Ann",
         *         "text": "Hi Ann …"
         *       }
         *     }
         */
        MessagePreview: {
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /** Channel */
            channel: string;
            /** Variant Id */
            variant_id: string | null;
            /**
             * Contact Id
             * @description The contact whose data filled the message (masked without view_pii); null: placeholder data, the company having no contact to show it with.
             */
            contact_id: string | null;
            message: components["schemas"]["RenderedMessageRead"];
        };
        /** Page[dict[str, Any]] */
        Page_dict_str__Any__: {
            /** Items */
            items: {
                [key: string]: unknown;
            }[];
            /** Total */
            total: number;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /**
             * Filters
             * @default {}
             */
            filters?: {
                [key: string]: unknown;
            };
        };
        /**
         * ParentSet
         * @description The campaign's new parent, or null to make it a top-level campaign.
         * @example {
         *       "parent_campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b"
         *     }
         */
        ParentSet: {
            /** Parent Campaign Id */
            parent_campaign_id: string | null;
        };
        /**
         * PasswordChange
         * @example {
         *       "current_password": "the-current-password",
         *       "new_password": "correct-horse-battery"
         *     }
         */
        PasswordChange: {
            /** Current Password */
            current_password: string;
            /**
             * New Password
             * @description 12 to 128 characters, not a commonly used or breached password (nor one with digits or symbols added), a repeated block or a keyboard sequence.
             * @example correct-horse-battery
             */
            new_password: string;
        };
        /**
         * PasswordReset
         * @example {
         *       "new_password": "a-new-long-pass"
         *     }
         */
        PasswordReset: {
            /**
             * New Password
             * @description 12 to 128 characters, not a commonly used or breached password (nor one with digits or symbols added), a repeated block or a keyboard sequence.
             * @example correct-horse-battery
             */
            new_password: string;
        };
        /**
         * Performance
         * @description Totals of the campaign's daily metrics, with rates and a per-channel breakdown.
         */
        Performance: {
            /** @description Every channel together; its conversions and revenue are those attributed to the campaign by last touch (conversions recorded through /api/conversions/ and conversion events), revenue in the campaign's currency. */
            totals: components["schemas"]["ChannelPerformance"];
            /**
             * Delivery Rate
             * @description delivered / sent; null until a provider reports a delivery (an SMTP relay, the default email sender, reports none).
             */
            delivery_rate: number | null;
            /**
             * Open Rate
             * @description unique opens per message reached: delivered where the provider reports deliveries, else sent (the base of every engagement rate here and in the live `campaign.performance_update` event); null before anything was sent.
             */
            open_rate: number | null;
            /**
             * Click Rate
             * @description unique clicks per message reached.
             */
            click_rate: number | null;
            /**
             * Conversion Rate
             * @description conversions per message reached.
             */
            conversion_rate: number | null;
            /**
             * Unsubscribe Rate
             * @description unsubscribes per message reached.
             */
            unsubscribe_rate: number | null;
            /**
             * Roi
             * @description (revenue - spend) / spend; hidden without budget view
             */
            roi: number | null;
            /** By Channel */
            by_channel: components["schemas"]["ChannelPerformance"][];
            /** First Day */
            first_day: string | null;
            /** Last Day */
            last_day: string | null;
            /** Updated At */
            updated_at: string | null;
        };
        /** PostalAddress */
        PostalAddress: {
            /** Line1 */
            line1: string;
            /** Line2 */
            line2?: string | null;
            /** City */
            city: string;
            /** Region */
            region?: string | null;
            /** Postal Code */
            postal_code?: string | null;
            /** Country */
            country: string;
        };
        /**
         * PrivacySettings
         * @example {
         *       "double_opt_in_email": true,
         *       "residency_allowed_hosts": [
         *         "hooks.partner.example.com"
         *       ],
         *       "residency_region": "eu"
         *     }
         */
        PrivacySettings: {
            /**
             * Double Opt In Email
             * @description An email grant stays pending until the contact confirms it through the signed link of a confirmation message; pending contacts are never sent marketing.
             */
            double_opt_in_email: boolean;
            /**
             * Residency Region
             * @description Where the company's data may go: exports and webhook destinations outside it are refused.
             */
            residency_region: ("eu" | "us" | "ca" | "uk" | "apac") | null;
            /**
             * Residency Allowed Hosts
             * @description Hosts vouched for as inside the region although their name shows none.
             */
            residency_allowed_hosts: string[];
        };
        /**
         * PrivacySettingsUpdate
         * @description The company's privacy settings (all three are replaced).
         * @example {
         *       "double_opt_in_email": true,
         *       "residency_allowed_hosts": [
         *         "hooks.partner.example.com"
         *       ],
         *       "residency_region": "eu"
         *     }
         */
        PrivacySettingsUpdate: {
            /**
             * Double Opt In Email
             * @default false
             */
            double_opt_in_email?: boolean;
            /** Residency Region */
            residency_region?: ("eu" | "us" | "ca" | "uk" | "apac") | null;
            /** Residency Allowed Hosts */
            residency_allowed_hosts?: string[];
        };
        /**
         * QuietHoursSettings
         * @description No message goes out between `start` and `end` in the contact's time zone (the period
         *     may wrap midnight): it is held until the end, never dropped.
         */
        QuietHoursSettings: {
            /**
             * Start
             * @description A time of day, HH:MM (24 hours).
             * @example 21:00
             */
            start: string;
            /**
             * End
             * @description A time of day, HH:MM (24 hours).
             * @example 21:00
             */
            end: string;
            /**
             * Channels
             * @description The channels it applies to (all when left out).
             */
            channels?: components["schemas"]["DeliveryChannel"][] | null;
            /**
             * Default Timezone
             * @description For contacts without a valid time zone (else UTC).
             */
            default_timezone?: string | null;
        };
        /**
         * RefreshRequest
         * @example {
         *       "refresh_token": "eyJhbGci…"
         *     }
         */
        RefreshRequest: {
            /** Refresh Token */
            refresh_token: string;
        };
        /**
         * RejectionComment
         * @description Why the campaign is rejected (required).
         * @example {
         *       "comment": "Budget too high for Q2; halve it."
         *     }
         */
        RejectionComment: {
            /** Comment */
            comment: string;
        };
        /**
         * RenderedMessageRead
         * @description The message exactly as the recipient gets it.
         * @example {
         *       "headers": {
         *         "List-Unsubscribe": "<https://crm.example.com/t/u/AX…>",
         *         "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"
         *       },
         *       "html": "<p>Hi Ann …</p>",
         *       "links": [
         *         "https://shop.example.com/spring"
         *       ],
         *       "subject": "Spring sale starts today, Ann",
         *       "text": "Hi Ann …"
         *     }
         */
        RenderedMessageRead: {
            /** Subject */
            subject: string | null;
            /** Html */
            html: string | null;
            /** Text */
            text: string;
            /** Headers */
            headers: {
                [key: string]: string;
            };
            /**
             * Links
             * @description The original URLs of the tracked links, in order.
             */
            links: string[];
        };
        /**
         * RetentionPolicies
         * @description Days kept per data class; null keeps that class indefinitely.
         */
        RetentionPolicies: {
            /** Events */
            events?: number | null;
            /** Deliveries */
            deliveries?: number | null;
            /** Rendered Messages */
            rendered_messages?: number | null;
            /** Audit */
            audit?: number | null;
        };
        /** RetentionReportRead */
        RetentionReportRead: {
            /**
             * As Of
             * Format: date-time
             */
            as_of: string;
            /** Dry Run */
            dry_run: boolean;
            /** Cutoffs */
            cutoffs: {
                [key: string]: string | null;
            };
            /**
             * Removed
             * @description Rows per data class and table the run removes (dry run: would remove).
             */
            removed: {
                [key: string]: {
                    [key: string]: number;
                };
            };
            /** Totals */
            totals: {
                [key: string]: number;
            };
        };
        /**
         * RoiRead
         * @description A campaign's return under one attribution model, in the company's default currency.
         * @example {
         *       "actual_spend": "200.00",
         *       "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "clicks": 50,
         *       "conversion_rate": "0.12",
         *       "conversion_rate_vs_expected": "-2.38",
         *       "conversions": "1.1667",
         *       "cost_per_click": "4.00",
         *       "cost_per_conversion": "171.42",
         *       "currency_code": "USD",
         *       "delivered": 1000,
         *       "expected_conversion_rate": "2.50",
         *       "meets_expected_conversion_rate": false,
         *       "meets_target_roi": false,
         *       "model": "linear",
         *       "revenue": "295.00",
         *       "roi": "0.4750",
         *       "roi_percent": "47.50",
         *       "roi_vs_target": "-102.50",
         *       "target_roi": "150.00",
         *       "window_days": 30
         *     }
         */
        RoiRead: {
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            model: components["schemas"]["AttributionModel"];
            /** Currency Code */
            currency_code: string;
            /** Window Days */
            window_days: number;
            /**
             * Revenue
             * @description Attributed revenue.
             */
            revenue: string;
            /**
             * Actual Spend
             * @description The campaign's actual spend (its cost).
             */
            actual_spend: string;
            /**
             * Conversions
             * @description Attributed conversions (fractional under the linear model).
             */
            conversions: string;
            /** Clicks */
            clicks: number;
            /** Delivered */
            delivered: number;
            /**
             * Roi
             * @description (revenue - spend) / spend; null without spend.
             */
            roi: string | null;
            /** Roi Percent */
            roi_percent: string | null;
            /**
             * Target Roi
             * @description The campaign's target, in percent.
             */
            target_roi: string;
            /**
             * Roi Vs Target
             * @description roi_percent - target_roi (points).
             */
            roi_vs_target: string | null;
            /** Meets Target Roi */
            meets_target_roi: boolean | null;
            /** Cost Per Click */
            cost_per_click: string | null;
            /** Cost Per Conversion */
            cost_per_conversion: string | null;
            /**
             * Conversion Rate
             * @description conversions / delivered, in percent.
             */
            conversion_rate: string | null;
            /** Expected Conversion Rate */
            expected_conversion_rate: string;
            /** Conversion Rate Vs Expected */
            conversion_rate_vs_expected: string | null;
            /** Meets Expected Conversion Rate */
            meets_expected_conversion_rate: boolean | null;
        };
        /**
         * RoleList
         * @description Every role and what it grants, in the list contract's shape.
         */
        RoleList: {
            /** Total */
            total: number;
            /**
             * Page
             * @default 1
             */
            page?: number;
            /**
             * Page Size
             * @description The page holds the whole list.
             * @default 0
             */
            page_size?: number;
            /** Filters */
            filters?: {
                [key: string]: unknown;
            };
            /** Items */
            items: components["schemas"]["RoleRead"][];
        };
        /**
         * RoleName
         * @enum {string}
         */
        RoleName: "admin" | "marketing_manager" | "campaign_specialist" | "marketing_analyst" | "finance" | "executive" | "sales";
        /**
         * RoleRead
         * @example {
         *       "description": "Approves campaigns and manages budgets.",
         *       "name": "finance",
         *       "permissions": [
         *         "approve_campaign",
         *         "manage_budget",
         *         "read_campaign"
         *       ]
         *     }
         */
        RoleRead: {
            /** Name */
            name: string;
            /** Description */
            description: string;
            /** Permissions */
            permissions: string[];
        };
        /**
         * RolesUpdate
         * @example {
         *       "roles": [
         *         "marketing_manager",
         *         "finance"
         *       ]
         *     }
         */
        RolesUpdate: {
            /**
             * Roles
             * @example [
             *       "campaign_specialist"
             *     ]
             */
            roles: components["schemas"]["RoleName"][];
        };
        /**
         * Rollup
         * @description Totals of a campaign and every live campaign below it (like Salesforce's Hierarchy*
         *     fields). Money is in the company's default currency; conversions and revenue are
         *     last-touch attributed.
         * @example {
         *       "actual_spend": "12000.00",
         *       "audience": 45000,
         *       "campaigns": 3,
         *       "clicks": 3100,
         *       "conversions": 210,
         *       "currency_code": "USD",
         *       "depth": 2,
         *       "missing_rates": [],
         *       "opens": 12000,
         *       "revenue": "52000.00",
         *       "sent": 40000,
         *       "total_budget": "30000.00"
         *     }
         */
        Rollup: {
            /**
             * Campaigns
             * @description The campaign itself and its live descendants.
             */
            campaigns: number;
            /**
             * Depth
             * @description Levels below the campaign (0: no sub-campaigns).
             */
            depth: number;
            /** Currency Code */
            currency_code: string;
            /**
             * Total Budget
             * @description Only for callers with budget visibility.
             */
            total_budget?: string | null;
            /**
             * Actual Spend
             * @description Only for callers with budget visibility.
             */
            actual_spend?: string | null;
            /**
             * Audience
             * @description Sum of the target audience sizes.
             */
            audience: number;
            /** Sent */
            sent: number;
            /** Opens */
            opens: number;
            /** Clicks */
            clicks: number;
            /** Conversions */
            conversions: number;
            /**
             * Revenue
             * @description Only for callers with budget visibility.
             */
            revenue?: string | null;
            /**
             * Missing Rates
             * @description Currencies of campaigns in the tree with no exchange rate: their budget and spend are left out of the totals.
             */
            missing_rates: string[];
        };
        /** RowError */
        RowError: {
            /**
             * Row
             * @description Row number in the file; the header is row 1.
             */
            row: number;
            /**
             * Line
             * @description Physical line where the record ends (quoted fields span).
             */
            line: number;
            /** Column */
            column: string | null;
            /** Message */
            message: string;
        };
        /**
         * SegmentCreate
         * @description A new segment of a campaign; every criteria tree follows the segment rule language.
         * @example {
         *       "behavioral_criteria": {
         *         "count": {
         *           "op": "gte",
         *           "value": 3
         *         },
         *         "event": "email_open",
         *         "within_days": 30
         *       },
         *       "campaign_id": "5f0c2a8e-1111-4a4a-9c9c-2b2b2b2b2b2b",
         *       "demographic_criteria": {
         *         "all": [
         *           {
         *             "field": "age",
         *             "op": "between",
         *             "value": [
         *               25,
         *               45
         *             ]
         *           }
         *         ]
         *       },
         *       "geographic_criteria": {
         *         "field": "city",
         *         "op": "in",
         *         "value": [
         *           "Berlin"
         *         ]
         *       },
         *       "psychographic_criteria": {
         *         "field": "interests",
         *         "op": "contains_any",
         *         "value": [
         *           "running"
         *         ]
         *       },
         *       "segment_name": "Engaged Berliners",
         *       "segment_type": "mixed"
         *     }
         */
        SegmentCreate: {
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /** Segment Name */
            segment_name: string;
            segment_type: components["schemas"]["SegmentType"];
            /** Demographic Criteria */
            demographic_criteria?: {
                [key: string]: unknown;
            };
            /** Behavioral Criteria */
            behavioral_criteria?: {
                [key: string]: unknown;
            };
            /** Geographic Criteria */
            geographic_criteria?: {
                [key: string]: unknown;
            };
            /** Psychographic Criteria */
            psychographic_criteria?: {
                [key: string]: unknown;
            };
        };
        /** SegmentDrift */
        SegmentDrift: {
            /**
             * Segment Id
             * Format: uuid
             */
            segment_id: string;
            /** Segment Name */
            segment_name: string;
            /** Approved Count */
            approved_count: number;
            /** Current Count */
            current_count: number;
            /** Added */
            added: number;
            /** Removed */
            removed: number;
        };
        /**
         * SegmentPage
         * @description One page of segments.
         * @example {
         *       "filters": {
         *         "segment_type": "mixed"
         *       },
         *       "items": [
         *         {
         *           "actual_count": 1187,
         *           "behavioral_criteria": {
         *             "count": {
         *               "op": "gte",
         *               "value": 3
         *             },
         *             "event": "email_open",
         *             "within_days": 30
         *           },
         *           "campaign_id": "5f0c2a8e-1111-4a4a-9c9c-2b2b2b2b2b2b",
         *           "created_at": "2026-03-01T09:30:00Z",
         *           "demographic_criteria": {
         *             "all": [
         *               {
         *                 "field": "age",
         *                 "op": "between",
         *                 "value": [
         *                   25,
         *                   45
         *                 ]
         *               }
         *             ]
         *           },
         *           "engagement_rate": "12.40",
         *           "geographic_criteria": {
         *             "field": "city",
         *             "op": "in",
         *             "value": [
         *               "Berlin"
         *             ]
         *           },
         *           "id": "0ad7193d-ac70-4d15-a378-652923ea3fa1",
         *           "last_evaluated_at": "2026-03-01T10:00:00Z",
         *           "matched_count": 1250,
         *           "psychographic_criteria": {
         *             "field": "interests",
         *             "op": "contains_any",
         *             "value": [
         *               "running"
         *             ]
         *           },
         *           "segment_name": "Engaged Berliners",
         *           "segment_type": "mixed",
         *           "sendable_count": 1187,
         *           "target_count": 1250,
         *           "updated_at": "2026-03-01T10:00:00Z"
         *         }
         *       ],
         *       "page": 1,
         *       "page_size": 50,
         *       "total": 1
         *     }
         */
        SegmentPage: {
            /** Items */
            items: components["schemas"]["SegmentRead"][];
            /** Total */
            total: number;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /** Filters */
            filters: {
                [key: string]: unknown;
            };
        };
        /**
         * SegmentRead
         * @description A segment as stored (counts are written by the segment engine when it evaluates).
         * @example {
         *       "actual_count": 1187,
         *       "behavioral_criteria": {
         *         "count": {
         *           "op": "gte",
         *           "value": 3
         *         },
         *         "event": "email_open",
         *         "within_days": 30
         *       },
         *       "campaign_id": "5f0c2a8e-1111-4a4a-9c9c-2b2b2b2b2b2b",
         *       "created_at": "2026-03-01T09:30:00Z",
         *       "demographic_criteria": {
         *         "all": [
         *           {
         *             "field": "age",
         *             "op": "between",
         *             "value": [
         *               25,
         *               45
         *             ]
         *           }
         *         ]
         *       },
         *       "engagement_rate": "12.40",
         *       "geographic_criteria": {
         *         "field": "city",
         *         "op": "in",
         *         "value": [
         *           "Berlin"
         *         ]
         *       },
         *       "id": "0ad7193d-ac70-4d15-a378-652923ea3fa1",
         *       "last_evaluated_at": "2026-03-01T10:00:00Z",
         *       "matched_count": 1250,
         *       "psychographic_criteria": {
         *         "field": "interests",
         *         "op": "contains_any",
         *         "value": [
         *           "running"
         *         ]
         *       },
         *       "segment_name": "Engaged Berliners",
         *       "segment_type": "mixed",
         *       "sendable_count": 1187,
         *       "target_count": 1250,
         *       "updated_at": "2026-03-01T10:00:00Z"
         *     }
         */
        SegmentRead: {
            /**
             * Target Count
             * @description The stored name of `matched_count`.
             */
            target_count: number;
            /**
             * Actual Count
             * @description The stored name of `sendable_count`.
             */
            actual_count: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /** Segment Name */
            segment_name: string;
            segment_type: components["schemas"]["SegmentType"];
            /** Demographic Criteria */
            demographic_criteria: {
                [key: string]: unknown;
            };
            /** Behavioral Criteria */
            behavioral_criteria: {
                [key: string]: unknown;
            };
            /** Geographic Criteria */
            geographic_criteria: {
                [key: string]: unknown;
            };
            /** Psychographic Criteria */
            psychographic_criteria: {
                [key: string]: unknown;
            };
            /** Engagement Rate */
            engagement_rate: string;
            /** Last Evaluated At */
            last_evaluated_at: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * Matched Count
             * @description Contacts the segment's criteria match, before consent and suppression.
             */
            readonly matched_count: number;
            /**
             * Sendable Count
             * @description Matched contacts reachable on the campaign's channel (consented, not suppressed): the audience a launch sends to.
             */
            readonly sendable_count: number;
        };
        /**
         * SegmentReplace
         * @description Every writable field of a segment (PUT); the campaign cannot change.
         * @example {
         *       "behavioral_criteria": {
         *         "count": {
         *           "op": "gte",
         *           "value": 3
         *         },
         *         "event": "email_open",
         *         "within_days": 30
         *       },
         *       "demographic_criteria": {
         *         "all": [
         *           {
         *             "field": "age",
         *             "op": "between",
         *             "value": [
         *               25,
         *               45
         *             ]
         *           }
         *         ]
         *       },
         *       "geographic_criteria": {
         *         "field": "city",
         *         "op": "in",
         *         "value": [
         *           "Berlin"
         *         ]
         *       },
         *       "psychographic_criteria": {
         *         "field": "interests",
         *         "op": "contains_any",
         *         "value": [
         *           "running"
         *         ]
         *       },
         *       "segment_name": "Engaged Berliners",
         *       "segment_type": "mixed"
         *     }
         */
        SegmentReplace: {
            /** Segment Name */
            segment_name: string;
            segment_type: components["schemas"]["SegmentType"];
            /** Demographic Criteria */
            demographic_criteria?: {
                [key: string]: unknown;
            };
            /** Behavioral Criteria */
            behavioral_criteria?: {
                [key: string]: unknown;
            };
            /** Geographic Criteria */
            geographic_criteria?: {
                [key: string]: unknown;
            };
            /** Psychographic Criteria */
            psychographic_criteria?: {
                [key: string]: unknown;
            };
        };
        /** SegmentSummary */
        SegmentSummary: {
            /**
             * Target Count
             * @description The stored name of `matched_count`.
             */
            target_count: number;
            /**
             * Actual Count
             * @description The stored name of `sendable_count`.
             */
            actual_count: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Segment Name */
            segment_name: string;
            segment_type: components["schemas"]["SegmentType"];
            /** Demographic Criteria */
            demographic_criteria: {
                [key: string]: unknown;
            };
            /** Behavioral Criteria */
            behavioral_criteria: {
                [key: string]: unknown;
            };
            /** Geographic Criteria */
            geographic_criteria: {
                [key: string]: unknown;
            };
            /** Psychographic Criteria */
            psychographic_criteria: {
                [key: string]: unknown;
            };
            /** Engagement Rate */
            engagement_rate: string;
            /** Last Evaluated At */
            last_evaluated_at: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * Matched Count
             * @description Contacts the segment's criteria match, before consent and suppression.
             */
            readonly matched_count: number;
            /**
             * Sendable Count
             * @description Matched contacts reachable on the campaign's channel (consented, not suppressed): the audience a launch sends to.
             */
            readonly sendable_count: number;
        };
        /**
         * SegmentType
         * @enum {string}
         */
        SegmentType: "demographic" | "behavioral" | "geographic" | "psychographic" | "mixed";
        /**
         * SegmentUpdate
         * @description Some writable fields of a segment (PATCH).
         * @example {
         *       "segment_name": "Engaged Berliners 25 to 45"
         *     }
         */
        SegmentUpdate: {
            /** Segment Name */
            segment_name?: string;
            segment_type?: components["schemas"]["SegmentType"];
            /** Demographic Criteria */
            demographic_criteria?: {
                [key: string]: unknown;
            };
            /** Behavioral Criteria */
            behavioral_criteria?: {
                [key: string]: unknown;
            };
            /** Geographic Criteria */
            geographic_criteria?: {
                [key: string]: unknown;
            };
            /** Psychographic Criteria */
            psychographic_criteria?: {
                [key: string]: unknown;
            };
        };
        /**
         * SegmentValidation
         * @description The criteria passed the rule language; what still deserves attention.
         */
        SegmentValidation: {
            /** Valid */
            valid: boolean;
            /** Warnings */
            warnings: components["schemas"]["SegmentWarning"][];
        };
        /** SegmentWarning */
        SegmentWarning: {
            /** Code */
            code: string;
            /** Field */
            field?: string | null;
            /** Message */
            message: string;
        };
        /**
         * SegmentWritten
         * @description A created or updated segment with its validation results and audience analysis.
         * @example {
         *       "actual_count": 1187,
         *       "audience_analysis": {
         *         "actual_count": 1187,
         *         "behavioural_events": [
         *           "email_open"
         *         ],
         *         "condition_count": 2,
         *         "criteria_used": [
         *           "demographic_criteria",
         *           "behavioral_criteria"
         *         ],
         *         "estimate_path": "/api/segments/estimate/",
         *         "evaluate_path": "/api/segments/0ad7193d-ac70-4d15-a378-652923ea3fa1/evaluate/",
         *         "evaluated": true,
         *         "matched_count": 1250,
         *         "sendable_count": 1187,
         *         "target_count": 1250
         *       },
         *       "behavioral_criteria": {
         *         "count": {
         *           "op": "gte",
         *           "value": 3
         *         },
         *         "event": "email_open",
         *         "within_days": 30
         *       },
         *       "campaign_id": "5f0c2a8e-1111-4a4a-9c9c-2b2b2b2b2b2b",
         *       "created_at": "2026-03-01T09:30:00Z",
         *       "demographic_criteria": {
         *         "all": [
         *           {
         *             "field": "age",
         *             "op": "between",
         *             "value": [
         *               25,
         *               45
         *             ]
         *           }
         *         ]
         *       },
         *       "engagement_rate": "12.40",
         *       "geographic_criteria": {
         *         "field": "city",
         *         "op": "in",
         *         "value": [
         *           "Berlin"
         *         ]
         *       },
         *       "id": "0ad7193d-ac70-4d15-a378-652923ea3fa1",
         *       "last_evaluated_at": "2026-03-01T10:00:00Z",
         *       "matched_count": 1250,
         *       "psychographic_criteria": {
         *         "field": "interests",
         *         "op": "contains_any",
         *         "value": [
         *           "running"
         *         ]
         *       },
         *       "segment_name": "Engaged Berliners",
         *       "segment_type": "mixed",
         *       "sendable_count": 1187,
         *       "target_count": 1250,
         *       "updated_at": "2026-03-01T10:00:00Z",
         *       "validation": {
         *         "valid": true,
         *         "warnings": []
         *       }
         *     }
         */
        SegmentWritten: {
            /**
             * Target Count
             * @description The stored name of `matched_count`.
             */
            target_count: number;
            /**
             * Actual Count
             * @description The stored name of `sendable_count`.
             */
            actual_count: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /** Segment Name */
            segment_name: string;
            segment_type: components["schemas"]["SegmentType"];
            /** Demographic Criteria */
            demographic_criteria: {
                [key: string]: unknown;
            };
            /** Behavioral Criteria */
            behavioral_criteria: {
                [key: string]: unknown;
            };
            /** Geographic Criteria */
            geographic_criteria: {
                [key: string]: unknown;
            };
            /** Psychographic Criteria */
            psychographic_criteria: {
                [key: string]: unknown;
            };
            /** Engagement Rate */
            engagement_rate: string;
            /** Last Evaluated At */
            last_evaluated_at: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            validation: components["schemas"]["SegmentValidation"];
            audience_analysis: components["schemas"]["AudienceAnalysis"];
            /**
             * Matched Count
             * @description Contacts the segment's criteria match, before consent and suppression.
             */
            readonly matched_count: number;
            /**
             * Sendable Count
             * @description Matched contacts reachable on the campaign's channel (consented, not suppressed): the audience a launch sends to.
             */
            readonly sendable_count: number;
        };
        /**
         * SenderSettings
         * @description Who the company's messages come from; what is left out falls back to the defaults
         *     (the company's name, `campaigns@example.com`, the demo's postal address).
         */
        SenderSettings: {
            /** From Name */
            from_name?: string | null;
            /** From Address */
            from_address?: string | null;
            /** Reply To */
            reply_to?: string | null;
            /** @description Printed in every commercial email (CAN-SPAM, CASL): set it before sending for real. */
            postal_address?: components["schemas"]["PostalAddress"] | null;
            /**
             * Unsubscribe Mailto
             * @description The mailto: of the List-Unsubscribe header, besides the link.
             */
            unsubscribe_mailto?: string | null;
            /**
             * Sms Sender
             * @description An E.164 number or an alphanumeric id (≤ 11).
             */
            sms_sender?: string | null;
        };
        /**
         * SendingSettings
         * @example {
         *       "quiet_hours": {
         *         "channels": [
         *           "sms"
         *         ],
         *         "end": "08:00",
         *         "start": "21:00"
         *       },
         *       "sender": {
         *         "from_address": "news@acme.example",
         *         "from_name": "Acme News",
         *         "postal_address": {
         *           "city": "Ottawa",
         *           "country": "CA",
         *           "line1": "1 Main St",
         *           "postal_code": "K1A 0B1",
         *           "region": "ON"
         *         },
         *         "reply_to": "help@acme.example",
         *         "sms_sender": "ACME"
         *       }
         *     }
         */
        SendingSettings: {
            sender: components["schemas"]["SenderSettings"];
            quiet_hours: components["schemas"]["QuietHoursSettings"] | null;
            effective_sender: components["schemas"]["EffectiveSender"];
            /**
             * Postal Address Set
             * @description False while email carries the demo's postal address: set yours first.
             */
            postal_address_set: boolean;
        };
        /**
         * SendingSettingsUpdate
         * @description The whole of the sending settings (both parts are replaced; `quiet_hours: null` turns
         *     them off).
         * @example {
         *       "quiet_hours": {
         *         "channels": [
         *           "sms"
         *         ],
         *         "end": "08:00",
         *         "start": "21:00"
         *       },
         *       "sender": {
         *         "from_address": "news@acme.example",
         *         "from_name": "Acme News",
         *         "postal_address": {
         *           "city": "Ottawa",
         *           "country": "CA",
         *           "line1": "1 Main St",
         *           "postal_code": "K1A 0B1",
         *           "region": "ON"
         *         },
         *         "reply_to": "help@acme.example",
         *         "sms_sender": "ACME"
         *       }
         *     }
         */
        SendingSettingsUpdate: {
            sender: components["schemas"]["SenderSettings"];
            quiet_hours?: components["schemas"]["QuietHoursSettings"] | null;
        };
        /**
         * Severity
         * @enum {string}
         */
        Severity: "info" | "warning" | "critical";
        /**
         * SortField
         * @enum {string}
         */
        SortField: "created_at" | "updated_at" | "start_date" | "end_date" | "campaign_name" | "campaign_code" | "campaign_status";
        /**
         * SortOrder
         * @enum {string}
         */
        SortOrder: "asc" | "desc";
        /**
         * StepUpToken
         * @description Proof of a fresh TOTP check, sent as `X-MFA-Token` on actions that need it.
         * @example {
         *       "expires_in": 300,
         *       "mfa_token": "eyJhbGci…",
         *       "token_type": "mfa"
         *     }
         */
        StepUpToken: {
            /** Mfa Token */
            mfa_token: string;
            /**
             * Token Type
             * @default mfa
             * @constant
             */
            token_type?: "mfa";
            /** Expires In */
            expires_in: number;
        };
        /**
         * SuppressionCreate
         * @description Block an address on one channel, or on every channel when `channel` is null.
         */
        SuppressionCreate: {
            channel?: components["schemas"]["DeliveryChannel"] | null;
            /** Address */
            address: string;
            /** @default manual */
            reason?: components["schemas"]["SuppressionReason"];
            /**
             * Source
             * @default api
             */
            source?: string;
            /** Contact Id */
            contact_id?: string | null;
            /** Campaign Id */
            campaign_id?: string | null;
        };
        /** SuppressionPage */
        SuppressionPage: {
            /** Items */
            items: components["schemas"]["SuppressionRead"][];
            /** Total */
            total: number;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /**
             * Filters
             * @default {}
             */
            filters?: {
                [key: string]: unknown;
            };
        };
        /** SuppressionRead */
        SuppressionRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Channel
             * @description null: every channel
             */
            channel: string | null;
            /** Address */
            address: string;
            /** Reason */
            reason: string;
            /** Source */
            source: string;
            /** Contact Id */
            contact_id: string | null;
            /** Campaign Id */
            campaign_id: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
        };
        /**
         * SuppressionReason
         * @enum {string}
         */
        SuppressionReason: "unsubscribe" | "hard_bounce" | "complaint" | "manual" | "legal";
        /**
         * TemplateCreate
         * @description A new template.
         * @example {
         *       "asset_references": [
         *         "assets/logo.png"
         *       ],
         *       "campaign_structure": {
         *         "sections": [
         *           "hero",
         *           "stories",
         *           "cta"
         *         ]
         *       },
         *       "content_template": "<h1>{{ headline }}</h1><p>Hi {{ first_name }},</p>{{ body }}",
         *       "default_settings": {
         *         "campaign_type": "newsletter",
         *         "primary_channel": "email"
         *       },
         *       "description": "Editorial newsletter with three stories and a call to action.",
         *       "is_active": true,
         *       "is_default": false,
         *       "template_code": "NEWSLETTER",
         *       "template_name": "Monthly newsletter",
         *       "template_type": "email"
         *     }
         */
        TemplateCreate: {
            /** Template Name */
            template_name: string;
            /**
             * Template Code
             * @description Letters, digits and hyphens.
             * @example FY2026-MKT
             */
            template_code: string;
            /** Description */
            description?: string | null;
            template_type: components["schemas"]["TemplateType"];
            /** Campaign Structure */
            campaign_structure?: {
                [key: string]: unknown;
            };
            /** Default Settings */
            default_settings?: {
                [key: string]: unknown;
            };
            /** Content Template */
            content_template?: string | null;
            /** Asset References */
            asset_references?: unknown[];
            /**
             * Is Active
             * @default true
             */
            is_active?: boolean;
            /**
             * Is Default
             * @default false
             */
            is_default?: boolean;
        };
        /**
         * TemplateLinkCreate
         * @description Link a template to a campaign.
         * @example {
         *       "is_primary": true,
         *       "template_id": "8a6e0804-2bd0-4672-b79d-d97027f9071a"
         *     }
         */
        TemplateLinkCreate: {
            /**
             * Template Id
             * Format: uuid
             */
            template_id: string;
            /**
             * Is Primary
             * @default false
             */
            is_primary?: boolean;
        };
        /**
         * TemplateLinkList
         * @description The templates a campaign uses.
         * @example {
         *       "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "items": [
         *         {
         *           "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *           "created_at": "2026-03-01T09:30:00Z",
         *           "is_active": true,
         *           "is_primary": true,
         *           "template_code": "NEWSLETTER",
         *           "template_id": "8a6e0804-2bd0-4672-b79d-d97027f9071a",
         *           "template_name": "Monthly newsletter",
         *           "template_type": "email"
         *         }
         *       ],
         *       "total": 1
         *     }
         */
        TemplateLinkList: {
            /** Total */
            total: number;
            /**
             * Page
             * @default 1
             */
            page?: number;
            /**
             * Page Size
             * @description The page holds the whole list.
             * @default 0
             */
            page_size?: number;
            /** Filters */
            filters?: {
                [key: string]: unknown;
            };
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /** Items */
            items: components["schemas"]["TemplateLinkRead"][];
        };
        /**
         * TemplateLinkRead
         * @description A template used by a campaign.
         * @example {
         *       "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "created_at": "2026-03-01T09:30:00Z",
         *       "is_active": true,
         *       "is_primary": true,
         *       "template_code": "NEWSLETTER",
         *       "template_id": "8a6e0804-2bd0-4672-b79d-d97027f9071a",
         *       "template_name": "Monthly newsletter",
         *       "template_type": "email"
         *     }
         */
        TemplateLinkRead: {
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /**
             * Template Id
             * Format: uuid
             */
            template_id: string;
            /** Template Code */
            template_code: string;
            /** Template Name */
            template_name: string;
            template_type: components["schemas"]["TemplateType"];
            /** Is Active */
            is_active: boolean;
            /** Is Primary */
            is_primary: boolean;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
        };
        /**
         * TemplatePage
         * @description One page of templates.
         * @example {
         *       "filters": {
         *         "template_type": "email"
         *       },
         *       "items": [
         *         {
         *           "asset_references": [
         *             "assets/logo.png"
         *           ],
         *           "campaign_structure": {
         *             "sections": [
         *               "hero",
         *               "stories",
         *               "cta"
         *             ]
         *           },
         *           "content_template": "<h1>{{ headline }}</h1><p>Hi {{ first_name }},</p>{{ body }}",
         *           "created_at": "2026-01-10T08:00:00Z",
         *           "default_settings": {
         *             "campaign_type": "newsletter",
         *             "primary_channel": "email"
         *           },
         *           "description": "Editorial newsletter with three stories and a call to action.",
         *           "id": "8a6e0804-2bd0-4672-b79d-d97027f9071a",
         *           "is_active": true,
         *           "is_default": false,
         *           "template_code": "NEWSLETTER",
         *           "template_name": "Monthly newsletter",
         *           "template_type": "email",
         *           "updated_at": "2026-02-01T08:00:00Z",
         *           "usage_count": 4,
         *           "version": 1
         *         }
         *       ],
         *       "page": 1,
         *       "page_size": 50,
         *       "total": 1
         *     }
         */
        TemplatePage: {
            /** Items */
            items: components["schemas"]["TemplateRead"][];
            /** Total */
            total: number;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /** Filters */
            filters: {
                [key: string]: unknown;
            };
        };
        /**
         * TemplateRead
         * @description A template as stored.
         * @example {
         *       "asset_references": [
         *         "assets/logo.png"
         *       ],
         *       "campaign_structure": {
         *         "sections": [
         *           "hero",
         *           "stories",
         *           "cta"
         *         ]
         *       },
         *       "content_template": "<h1>{{ headline }}</h1><p>Hi {{ first_name }},</p>{{ body }}",
         *       "created_at": "2026-01-10T08:00:00Z",
         *       "default_settings": {
         *         "campaign_type": "newsletter",
         *         "primary_channel": "email"
         *       },
         *       "description": "Editorial newsletter with three stories and a call to action.",
         *       "id": "8a6e0804-2bd0-4672-b79d-d97027f9071a",
         *       "is_active": true,
         *       "is_default": false,
         *       "template_code": "NEWSLETTER",
         *       "template_name": "Monthly newsletter",
         *       "template_type": "email",
         *       "updated_at": "2026-02-01T08:00:00Z",
         *       "usage_count": 4,
         *       "version": 1
         *     }
         */
        TemplateRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Template Name */
            template_name: string;
            /** Template Code */
            template_code: string;
            /** Description */
            description: string | null;
            template_type: components["schemas"]["TemplateType"];
            /** Campaign Structure */
            campaign_structure: {
                [key: string]: unknown;
            };
            /** Default Settings */
            default_settings: {
                [key: string]: unknown;
            };
            /** Content Template */
            content_template: string | null;
            /** Asset References */
            asset_references: unknown[];
            /** Is Active */
            is_active: boolean;
            /** Is Default */
            is_default: boolean;
            /** Usage Count */
            usage_count: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * Version
             * @description Bumped by every change; its ETag. Send it back in If-Match.
             */
            version: number;
        };
        /**
         * TemplateType
         * @enum {string}
         */
        TemplateType: "email" | "sms" | "social" | "direct_mail" | "multi_channel" | "landing_page";
        /**
         * TemplateUpdate
         * @description Some fields of a template (PATCH); PUT takes every field of TemplateCreate.
         * @example {
         *       "is_default": true
         *     }
         */
        TemplateUpdate: {
            /** Template Name */
            template_name?: string;
            /**
             * Template Code
             * @description Letters, digits and hyphens.
             * @example FY2026-MKT
             */
            template_code?: string;
            /** Description */
            description?: string | null;
            template_type?: components["schemas"]["TemplateType"];
            /** Campaign Structure */
            campaign_structure?: {
                [key: string]: unknown;
            };
            /** Default Settings */
            default_settings?: {
                [key: string]: unknown;
            };
            /** Content Template */
            content_template?: string | null;
            /** Asset References */
            asset_references?: unknown[];
            /** Is Active */
            is_active?: boolean;
            /** Is Default */
            is_default?: boolean;
        };
        /**
         * TestSendRead
         * @description A test send: the rendered message and where it is.
         * @example {
         *       "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "channel": "email",
         *       "created_at": "2026-03-20T12:00:00Z",
         *       "id": "0b6a4f8e-3f55-4c43-9d0e-8c1b2d3e4f50",
         *       "message": {
         *         "headers": {
         *           "List-Unsubscribe": "<https://crm.example.com/t/u/AX…>",
         *           "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"
         *         },
         *         "html": "<p>Hi Ann …</p>",
         *         "links": [
         *           "https://shop.example.com/spring"
         *         ],
         *         "subject": "Spring sale starts today, Ann",
         *         "text": "Hi Ann …"
         *       },
         *       "send_status": "pending",
         *       "to": "ann.marketer@example.com"
         *     }
         */
        TestSendRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /** Channel */
            channel: string;
            /**
             * To
             * @description The address it went to (masked without view_pii).
             */
            to: string;
            /**
             * Contact Id
             * @description The contact whose data filled the message (the one asked for, else a sample contact of the company); null when placeholder data did.
             */
            contact_id: string | null;
            /** Variant Id */
            variant_id: string | null;
            send_status: components["schemas"]["TestSendStatus"];
            /** Provider */
            provider: string | null;
            /** Provider Message Id */
            provider_message_id: string | null;
            /** Last Error */
            last_error: string | null;
            /** Sent At */
            sent_at: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** @description The rendered message; null for a reader without view_pii when a contact's personal data filled it. */
            message: components["schemas"]["RenderedMessageRead"] | null;
        };
        /**
         * TestSendRequest
         * @description Where to send the test, and whose data and which variant to render it with.
         * @example {
         *       "to": "ann.marketer@example.com"
         *     }
         */
        TestSendRequest: {
            /**
             * To
             * @description An email address (sent by email) or an E.164 phone number (sent by SMS).
             */
            to: string;
            /**
             * Contact Id
             * @description Render with this contact's data; omitted: a sample contact of the company, or placeholder data when it has none.
             */
            contact_id?: string | null;
            /**
             * Variant Id
             * @description Render this A/B variant; omitted: the campaign's template.
             */
            variant_id?: string | null;
        };
        /**
         * TestSendStatus
         * @description Where a test send is: waiting for the launch worker, handed to the provider, or not.
         * @enum {string}
         */
        TestSendStatus: "pending" | "sent" | "failed";
        /**
         * TokenPair
         * @description A signed-in session: a short-lived access token and its rotating refresh token.
         * @example {
         *       "access_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.…",
         *       "expires_in": 900,
         *       "refresh_expires_in": 28800,
         *       "refresh_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.…",
         *       "token_type": "bearer"
         *     }
         */
        TokenPair: {
            /** Access Token */
            access_token: string;
            /** Refresh Token */
            refresh_token: string;
            /**
             * Token Type
             * @default bearer
             * @constant
             */
            token_type?: "bearer";
            /**
             * Expires In
             * @description Seconds the access token stays valid.
             */
            expires_in: number;
            /**
             * Refresh Expires In
             * @description Seconds the refresh token stays valid.
             */
            refresh_expires_in: number;
        };
        /**
         * UserCreate
         * @example {
         *       "email": "jane.doe@acme.test",
         *       "full_name": "Jane Doe",
         *       "password": "correct-horse-battery",
         *       "roles": [
         *         "campaign_specialist"
         *       ]
         *     }
         */
        UserCreate: {
            /**
             * Email
             * @example jane.doe@acme.test
             */
            email: string;
            /** Full Name */
            full_name: string;
            /**
             * Password
             * @description 12 to 128 characters, not a commonly used or breached password (nor one with digits or symbols added), a repeated block or a keyboard sequence.
             * @example correct-horse-battery
             */
            password: string;
            /**
             * Roles
             * @example [
             *       "campaign_specialist"
             *     ]
             */
            roles: components["schemas"]["RoleName"][];
        };
        /**
         * UserPage
         * @description One page of users.
         */
        UserPage: {
            /** Items */
            items: components["schemas"]["UserRead"][];
            /** Total */
            total: number;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /**
             * Filters
             * @default {}
             */
            filters?: {
                [key: string]: unknown;
            };
        };
        /**
         * UserRead
         * @example {
         *       "created_at": "2026-01-10T08:00:00+00:00",
         *       "email": "jane.doe@acme.test",
         *       "full_name": "Jane Doe",
         *       "id": "0b8f8c61-7f7e-4a55-9a8e-5b0d0c0f6a11",
         *       "is_active": true,
         *       "last_login_at": "2026-03-02T09:15:00+00:00",
         *       "mfa_enabled": false,
         *       "roles": [
         *         "campaign_specialist"
         *       ],
         *       "updated_at": "2026-03-02T09:15:00+00:00"
         *     }
         */
        UserRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Email */
            email: string;
            /** Full Name */
            full_name: string;
            /** Is Active */
            is_active: boolean;
            /** Roles */
            roles: string[];
            /** Mfa Enabled */
            mfa_enabled: boolean;
            /** Last Login At */
            last_login_at: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * UserUpdate
         * @description The profile fields an admin may change (roles and status have their own actions).
         * @example {
         *       "full_name": "Jane Smith"
         *     }
         */
        UserUpdate: {
            /** Email */
            email?: string | null;
            /** Full Name */
            full_name?: string | null;
        };
        /** ValidationError */
        ValidationError: {
            /** Location */
            loc: (string | number)[];
            /** Message */
            msg: string;
            /** Error Type */
            type: string;
            /** Input */
            input?: unknown;
            /** Context */
            ctx?: Record<string, never>;
        };
        /** ValidationResult */
        ValidationResult: {
            /** Valid */
            valid: boolean;
        };
        /**
         * ValidationWarning
         * @description A rule that did not block the write but deserves attention.
         */
        ValidationWarning: {
            /** Code */
            code: string;
            /** Field */
            field?: string | null;
            /** Message */
            message: string;
        };
        /**
         * VariantCreate
         * @description A new A/B variant: its own subject and/or content (or template), and its weight.
         * @example {
         *       "content": "<p>Hello {{ first_name | default('there') }}, the sale ends tonight.</p>",
         *       "is_control": false,
         *       "subject": "{{ first_name | default('Hi') }}, 20 % off today",
         *       "variant_name": "B: shorter subject",
         *       "weight": 50
         *     }
         */
        VariantCreate: {
            /** Variant Name */
            variant_name: string;
            /** Subject */
            subject?: string | null;
            /** Content */
            content?: string | null;
            /** Template Id */
            template_id?: string | null;
            /**
             * Weight
             * @default 50
             */
            weight?: number;
            /**
             * Is Control
             * @default false
             */
            is_control?: boolean;
        };
        /**
         * VariantPage
         * @description A campaign's variants, control first.
         * @example {
         *       "filters": {},
         *       "items": [
         *         {
         *           "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *           "content": "<p>Hello {{ first_name | default('there') }}, the sale ends tonight.</p>",
         *           "created_at": "2026-03-01T09:30:00Z",
         *           "id": "3f1d2a4e-8c55-4d7b-9a8e-6f0e1c2b3a4d",
         *           "is_control": false,
         *           "subject": "{{ first_name | default('Hi') }}, 20 % off today",
         *           "updated_at": "2026-03-01T09:30:00Z",
         *           "variant_name": "B: shorter subject",
         *           "weight": 50
         *         }
         *       ],
         *       "page": 1,
         *       "page_size": 50,
         *       "total": 1
         *     }
         */
        VariantPage: {
            /** Items */
            items: components["schemas"]["VariantRead"][];
            /** Total */
            total: number;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /** Filters */
            filters?: {
                [key: string]: unknown;
            };
        };
        /**
         * VariantRead
         * @description An A/B variant of a campaign.
         * @example {
         *       "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "content": "<p>Hello {{ first_name | default('there') }}, the sale ends tonight.</p>",
         *       "created_at": "2026-03-01T09:30:00Z",
         *       "id": "3f1d2a4e-8c55-4d7b-9a8e-6f0e1c2b3a4d",
         *       "is_control": false,
         *       "subject": "{{ first_name | default('Hi') }}, 20 % off today",
         *       "updated_at": "2026-03-01T09:30:00Z",
         *       "variant_name": "B: shorter subject",
         *       "weight": 50
         *     }
         */
        VariantRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /** Variant Name */
            variant_name: string;
            /** Subject */
            subject: string | null;
            /** Content */
            content: string | null;
            /** Template Id */
            template_id: string | null;
            /** Weight */
            weight: number;
            /** Is Control */
            is_control: boolean;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * VariantResult
         * @description What one variant's messages achieved: sent, unique opens and clicks, and their rates.
         */
        VariantResult: {
            /**
             * Variant Id
             * Format: uuid
             */
            variant_id: string;
            /** Variant Name */
            variant_name: string;
            /** Is Control */
            is_control: boolean;
            /** Weight */
            weight: number;
            /** Sent */
            sent: number;
            /** Opens */
            opens: number;
            /** Clicks */
            clicks: number;
            /** Open Rate */
            open_rate: number;
            /** Click Rate */
            click_rate: number;
        };
        /**
         * VariantResults
         * @description Results per variant over every launch of the campaign, and the A/B test's winner.
         * @example {
         *       "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "decided_at": "2026-03-01T10:30:00Z",
         *       "items": [
         *         {
         *           "click_rate": 0.042,
         *           "clicks": 42,
         *           "is_control": false,
         *           "open_rate": 0.31,
         *           "opens": 310,
         *           "sent": 1000,
         *           "variant_id": "3f1d2a4e-8c55-4d7b-9a8e-6f0e1c2b3a4d",
         *           "variant_name": "B: shorter subject",
         *           "weight": 50
         *         }
         *       ],
         *       "metric": "open_rate",
         *       "winner_variant_id": "3f1d2a4e-8c55-4d7b-9a8e-6f0e1c2b3a4d"
         *     }
         */
        VariantResults: {
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /** Metric */
            metric: string | null;
            /** Winner Variant Id */
            winner_variant_id: string | null;
            /** Decided At */
            decided_at: string | null;
            /** Items */
            items: components["schemas"]["VariantResult"][];
        };
        /**
         * VariantUpdate
         * @description Some fields of an A/B variant.
         * @example {
         *       "weight": 30
         *     }
         */
        VariantUpdate: {
            /** Variant Name */
            variant_name?: string;
            /** Subject */
            subject?: string | null;
            /** Content */
            content?: string | null;
            /** Template Id */
            template_id?: string | null;
            /** Weight */
            weight?: number;
            /** Is Control */
            is_control?: boolean;
        };
        /**
         * WebhookAttemptOutcome
         * @enum {string}
         */
        WebhookAttemptOutcome: "succeeded" | "failed" | "refused";
        /**
         * WebhookAttemptRead
         * @description One try of a delivery.
         * @example {
         *       "attempt": 1,
         *       "error": "HTTP 503",
         *       "latency_ms": 182,
         *       "outcome": "failed",
         *       "response_body": "upstream unavailable",
         *       "started_at": "2026-03-01T09:31:00Z",
         *       "status_code": 503,
         *       "url": "https://hooks.example.com/crm"
         *     }
         */
        WebhookAttemptRead: {
            /** Attempt */
            attempt: number;
            /**
             * Url
             * @description The URL last requested (after redirects).
             */
            url: string;
            outcome: components["schemas"]["WebhookAttemptOutcome"];
            /** Status Code */
            status_code: number | null;
            /**
             * Response Body
             * @description The start of the receiver's answer.
             */
            response_body: string | null;
            /** Error */
            error: string | null;
            /** Latency Ms */
            latency_ms: number | null;
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
        };
        /**
         * WebhookCreate
         * @description A new subscription: where to send which events.
         * @example {
         *       "description": "Campaign changes for the reporting pipeline",
         *       "event_types": [
         *         "campaign.created",
         *         "campaign.launched"
         *       ],
         *       "name": "Data warehouse",
         *       "url": "https://hooks.example.com/crm"
         *     }
         */
        WebhookCreate: {
            /** Name */
            name: string;
            /** Description */
            description?: string | null;
            /**
             * Url
             * @description An http(s) URL of a public address (or an allowed one).
             */
            url: string;
            /**
             * Event Types
             * @description The event types to deliver (GET /api/webhooks/event-types/).
             */
            event_types: string[];
        };
        /**
         * WebhookDeliveryPage
         * @example {
         *       "filters": {
         *         "status": "succeeded"
         *       },
         *       "items": [
         *         {
         *           "attempt_log": [],
         *           "attempts": 2,
         *           "created_at": "2026-03-01T09:31:00Z",
         *           "delivered_at": "2026-03-01T09:31:32Z",
         *           "event_id": "9f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *           "event_type": "campaign.launched",
         *           "id": "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
         *           "is_test": false,
         *           "last_status_code": 200,
         *           "status": "succeeded",
         *           "webhook_id": "7c9e6679-7425-40de-944b-e07fc1f90ae7"
         *         }
         *       ],
         *       "page": 1,
         *       "page_size": 50,
         *       "total": 1
         *     }
         */
        WebhookDeliveryPage: {
            /** Items */
            items: components["schemas"]["WebhookDeliveryRead"][];
            /** Total */
            total: number;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /**
             * Filters
             * @default {}
             */
            filters?: {
                [key: string]: unknown;
            };
        };
        /**
         * WebhookDeliveryRead
         * @description One event sent (or being sent) to a subscription, with every attempt.
         * @example {
         *       "attempt_log": [],
         *       "attempts": 2,
         *       "created_at": "2026-03-01T09:31:00Z",
         *       "delivered_at": "2026-03-01T09:31:32Z",
         *       "event_id": "9f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
         *       "event_type": "campaign.launched",
         *       "id": "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
         *       "is_test": false,
         *       "last_status_code": 200,
         *       "status": "succeeded",
         *       "webhook_id": "7c9e6679-7425-40de-944b-e07fc1f90ae7"
         *     }
         */
        WebhookDeliveryRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Webhook Id
             * Format: uuid
             */
            webhook_id: string;
            /**
             * Event Id
             * Format: uuid
             * @description Also in X-CRM-Event-Id: the same on every retry.
             */
            event_id: string;
            /** Event Type */
            event_type: string;
            /** Is Test */
            is_test: boolean;
            status: components["schemas"]["WebhookDeliveryStatus"];
            /** Attempts */
            attempts: number;
            /**
             * Next Attempt At
             * @description When a pending delivery is next tried.
             */
            next_attempt_at: string | null;
            /** Last Status Code */
            last_status_code: number | null;
            /** Last Error */
            last_error: string | null;
            /** Delivered At */
            delivered_at: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Attempt Log */
            attempt_log: components["schemas"]["WebhookAttemptRead"][];
        };
        /**
         * WebhookDeliveryStatus
         * @enum {string}
         */
        WebhookDeliveryStatus: "pending" | "succeeded" | "failed";
        /**
         * WebhookPage
         * @example {
         *       "filters": {},
         *       "items": [
         *         {
         *           "consecutive_failures": 0,
         *           "created_at": "2026-03-01T09:30:00Z",
         *           "description": "Campaign changes for the reporting pipeline",
         *           "event_types": [
         *             "campaign.created",
         *             "campaign.launched"
         *           ],
         *           "id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
         *           "last_success_at": "2026-03-01T09:31:02Z",
         *           "name": "Data warehouse",
         *           "status": "active",
         *           "updated_at": "2026-03-01T09:30:00Z",
         *           "url": "https://hooks.example.com/crm",
         *           "version": 1
         *         }
         *       ],
         *       "page": 1,
         *       "page_size": 50,
         *       "total": 1
         *     }
         */
        WebhookPage: {
            /** Items */
            items: components["schemas"]["WebhookRead"][];
            /** Total */
            total: number;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /**
             * Filters
             * @default {}
             */
            filters?: {
                [key: string]: unknown;
            };
        };
        /**
         * WebhookRead
         * @description A subscription and its health (the secret is never read back).
         * @example {
         *       "consecutive_failures": 0,
         *       "created_at": "2026-03-01T09:30:00Z",
         *       "description": "Campaign changes for the reporting pipeline",
         *       "event_types": [
         *         "campaign.created",
         *         "campaign.launched"
         *       ],
         *       "id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
         *       "last_success_at": "2026-03-01T09:31:02Z",
         *       "name": "Data warehouse",
         *       "status": "active",
         *       "updated_at": "2026-03-01T09:30:00Z",
         *       "url": "https://hooks.example.com/crm",
         *       "version": 1
         *     }
         */
        WebhookRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /** Description */
            description: string | null;
            /** Url */
            url: string;
            /** Event Types */
            event_types: string[];
            status: components["schemas"]["WebhookStatus"];
            /**
             * Consecutive Failures
             * @description Failed attempts since the last success.
             */
            consecutive_failures: number;
            /** Disabled At */
            disabled_at: string | null;
            /**
             * Disabled Reason
             * @description Why deliveries stopped after repeated failures; null while active.
             */
            disabled_reason: string | null;
            /** Last Success At */
            last_success_at: string | null;
            /** Last Failure At */
            last_failure_at: string | null;
            /**
             * Previous Secret Expires At
             * @description After a rotation, deliveries are also signed with the old secret until then.
             */
            previous_secret_expires_at: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * Version
             * @description Bumped by every change; its ETag. Send it back in If-Match.
             */
            version: number;
        };
        /**
         * WebhookSecretRead
         * @description A subscription with its signing secret: shown only when created or rotated.
         * @example {
         *       "consecutive_failures": 0,
         *       "created_at": "2026-03-01T09:30:00Z",
         *       "description": "Campaign changes for the reporting pipeline",
         *       "event_types": [
         *         "campaign.created",
         *         "campaign.launched"
         *       ],
         *       "id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
         *       "last_success_at": "2026-03-01T09:31:02Z",
         *       "name": "Data warehouse",
         *       "secret": "whsec_hV3q0cJ1o5p6X9bq1s2U4w6y8A0C2E4G6I8K0M2O4Q6",
         *       "status": "active",
         *       "updated_at": "2026-03-01T09:30:00Z",
         *       "url": "https://hooks.example.com/crm",
         *       "version": 1
         *     }
         */
        WebhookSecretRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /** Description */
            description: string | null;
            /** Url */
            url: string;
            /** Event Types */
            event_types: string[];
            status: components["schemas"]["WebhookStatus"];
            /**
             * Consecutive Failures
             * @description Failed attempts since the last success.
             */
            consecutive_failures: number;
            /** Disabled At */
            disabled_at: string | null;
            /**
             * Disabled Reason
             * @description Why deliveries stopped after repeated failures; null while active.
             */
            disabled_reason: string | null;
            /** Last Success At */
            last_success_at: string | null;
            /** Last Failure At */
            last_failure_at: string | null;
            /**
             * Previous Secret Expires At
             * @description After a rotation, deliveries are also signed with the old secret until then.
             */
            previous_secret_expires_at: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * Version
             * @description Bumped by every change; its ETag. Send it back in If-Match.
             */
            version: number;
            /**
             * Secret
             * @description The signing secret (docs/webhooks.md); store it now, it is not shown again.
             */
            secret: string;
        };
        /**
         * WebhookStatus
         * @enum {string}
         */
        WebhookStatus: "active" | "paused" | "disabled";
        /**
         * WebhookUpdate
         * @description Some fields of a subscription; `status` pauses it or sets it active again.
         * @example {
         *       "event_types": [
         *         "campaign.launched"
         *       ],
         *       "status": "paused"
         *     }
         */
        WebhookUpdate: {
            /** Name */
            name?: string;
            /** Description */
            description?: string | null;
            /** Url */
            url?: string;
            /** Event Types */
            event_types?: string[];
            /**
             * Status
             * @description `paused` stops deliveries; `active` resumes (or re-enables).
             * @enum {string}
             */
            status?: "active" | "paused";
        };
        /**
         * WsTicket
         * @description A short-lived, single-use credential for the first message on `/ws`.
         */
        WsTicket: {
            /**
             * Ticket
             * @description Send as `{"type": "auth", "token": <ticket>}` on `/ws`.
             */
            ticket: string;
            /**
             * Token Type
             * @default ws_ticket
             * @constant
             */
            token_type?: "ws_ticket";
            /**
             * Expires In
             * @description Seconds left to open the connection with it.
             */
            expires_in: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    read_policy_api_approval_policy__get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovalPolicyRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    replace_policy_api_approval_policy__put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApprovalPolicyWrite"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovalPolicyRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_settings_api_attribution_settings__get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttributionSettingsRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    put_settings_api_attribution_settings__put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttributionSettingsWrite"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttributionSettingsRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_audit_log_api_audit__get: {
        parameters: {
            query?: {
                /** @description Only this action, e.g. campaign.updated. */
                action?: string | null;
                /** @description Rows chained at or after this time (with offset). */
                from?: string | null;
                /** @description Rows chained before this time (with offset). */
                to?: string | null;
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page, at most 200. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditLogPage"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The period's start must be before its end. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    export_audit_log_api_audit_export__get: {
        parameters: {
            query?: {
                /** @description Rows chained at or after this time (with offset). */
                from?: string | null;
                /** @description Rows chained before this time (with offset). */
                to?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON lines: a `header` with the `anchor` (the hash just before the first row), one `row` per audit row in chain order with its chain fields, an `attestation` per later `audit.redacted` row covering a row of the period, and an `end` line. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The destination is outside the company's data residency region. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The period's start must be before its end. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    verify_audit_log_api_audit_verify__get: {
        parameters: {
            query?: {
                /** @description Rows chained at or after this time (with offset). */
                from?: string | null;
                /** @description Rows chained before this time (with offset). */
                to?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerification"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The period's start must be before its end. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    jwks_api_auth__well_known_jwks_json_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JWKS"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    logout_api_auth_logout_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["LogoutRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication is required.; The session has ended (signed out, revoked or the account changed); sign in again.; The refresh token is invalid, expired or revoked; sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    me_api_auth_me_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Authentication is required.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    mfa_disable_api_auth_mfa_disable_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MFACode"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MFAStatus"];
                };
            };
            /** @description Authentication is required. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description MFA is not set up for this account; enrol first.; MFA is already enabled; disable it before enrolling again. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The authentication code is wrong, expired or already used.; The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    mfa_enroll_api_auth_mfa_enroll_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MFAEnrollment"];
                };
            };
            /** @description Authentication is required. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description MFA is already enabled; disable it before enrolling again. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    mfa_sign_in_api_auth_mfa_sign_in_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MFASignIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            /** @description The MFA challenge is invalid, expired or already used; sign in with the password again.; This account is disabled. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The authentication code is wrong, expired or already used.; The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    mfa_step_up_api_auth_mfa_step_up_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MFACode"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepUpToken"];
                };
            };
            /** @description Authentication is required. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description MFA is not set up for this account; enrol first.; MFA is already enabled; disable it before enrolling again. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The authentication code is wrong, expired or already used.; The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    mfa_verify_api_auth_mfa_verify_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MFACode"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MFAStatus"];
                };
            };
            /** @description Authentication is required. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description MFA is not set up for this account; enrol first.; MFA is already enabled; disable it before enrolling again. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The authentication code is wrong, expired or already used.; The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    change_password_api_auth_password_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication is required.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid.; The current password is wrong. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    refresh_api_auth_refresh_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            /** @description The refresh token is invalid, expired or revoked; sign in again.; The refresh token was already used; every session of its family is revoked.; The session has expired; sign in again.; This account is disabled. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    sign_in_api_auth_token_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["Body_sign_in_api_auth_token_post"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"] | components["schemas"]["MFAChallenge"];
                };
            };
            /** @description The email or password is wrong.; This account is disabled. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_budgets_api_campaign_budgets__get: {
        parameters: {
            query?: {
                is_active?: boolean | null;
                fiscal_year?: number | null;
                budget_type?: components["schemas"]["BudgetType"] | null;
                currency_code?: string | null;
                search?: string | null;
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page, at most 200. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetPage"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_budget_api_campaign_budgets__post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BudgetCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The budget was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Another budget of the company already uses this code. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    fiscal_year_availability_api_campaign_budgets_availability__get: {
        parameters: {
            query?: {
                /** @description Default: the current fiscal year. */
                fiscal_year?: number | null;
                /** @description Default: the company's currency. */
                currency_code?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FiscalYearAvailability"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_budget_api_campaign_budgets__budget_id___get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The budget's id. */
                budget_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The budget was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    replace_budget_api_campaign_budgets__budget_id___put: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The budget's id. */
                budget_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BudgetCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The budget was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Another budget of the company already uses this code.; Live campaigns hold money from this budget. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The budget cannot be reduced below what campaigns hold from it and spent of it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    patch_budget_api_campaign_budgets__budget_id___patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The budget's id. */
                budget_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BudgetUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The budget was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Another budget of the company already uses this code.; Live campaigns hold money from this budget. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The budget cannot be reduced below what campaigns hold from it and spent of it. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    budget_availability_api_campaign_budgets__budget_id__availability__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The budget's id. */
                budget_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetAvailability"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The budget was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_segments_api_campaign_segments__get: {
        parameters: {
            query?: {
                campaign_id?: string | null;
                segment_type?: components["schemas"]["SegmentType"] | null;
                target_count_min?: number | null;
                target_count_max?: number | null;
                /** @description `min-max` (either end may be left out), a shorthand for target_count_min and target_count_max. */
                target_count_range?: string | null;
                search?: string | null;
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page, at most 200. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentPage"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_segment_api_campaign_segments__post: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SegmentCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentWritten"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rules on personal data (email, names, birth date …) need the view_pii permission. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A completed or cancelled campaign cannot be changed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The segment rules are not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_segment_api_campaign_segments__segment_id___get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The segment's id. */
                segment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentWritten"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The segment was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    replace_segment_api_campaign_segments__segment_id___put: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The segment's id. */
                segment_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SegmentReplace"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentWritten"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rules on personal data (email, names, birth date …) need the view_pii permission. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The segment was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A completed or cancelled campaign cannot be changed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The segment rules are not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_segment_api_campaign_segments__segment_id___delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The segment's id. */
                segment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The segment was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A completed or cancelled campaign cannot be changed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    patch_segment_api_campaign_segments__segment_id___patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The segment's id. */
                segment_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SegmentUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentWritten"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rules on personal data (email, names, birth date …) need the view_pii permission. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The segment was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A completed or cancelled campaign cannot be changed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The segment rules are not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_templates_api_campaign_templates__get: {
        parameters: {
            query?: {
                is_active?: boolean | null;
                template_type?: components["schemas"]["TemplateType"] | null;
                search?: string | null;
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page, at most 200. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplatePage"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_template_api_campaign_templates__post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Another template of the company already uses this code. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The message template is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_template_api_campaign_templates__template_id___get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The template's id. */
                template_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The template was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    replace_template_api_campaign_templates__template_id___put: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The template's id. */
                template_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The template was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Another template of the company already uses this code.; Live campaigns use this template. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The message template is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    patch_template_api_campaign_templates__template_id___patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The template's id. */
                template_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The template was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Another template of the company already uses this code.; Live campaigns use this template. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The message template is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_campaigns_api_campaigns__get: {
        parameters: {
            query?: {
                /** @description Add each campaign's roll-up of its sub-campaigns. */
                include_rollup?: boolean;
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page, at most 200. */
                page_size?: number;
                /** @description Statuses. Repeat the parameter or separate values with commas. */
                campaign_status?: string[] | null;
                /** @description Types. Repeat the parameter or separate values with commas. */
                campaign_type?: string[] | null;
                /** @description Channels. Repeat the parameter or separate values with commas. */
                primary_channel?: string[] | null;
                /** @description Approval states. Repeat the parameter or separate values with commas. */
                approval_status?: string[] | null;
                /** @description Categories. Repeat the parameter or separate values with commas. */
                campaign_category?: string[] | null;
                /** @description Text in the name, code or description. */
                search?: string | null;
                /** @description Start date on or after. */
                start_from?: string | null;
                /** @description Start date on or before (a bare date: through that day). */
                start_to?: string | null;
                /** @description End date on or after. */
                end_from?: string | null;
                /** @description End date on or before (a bare date: through that day). */
                end_to?: string | null;
                sort_by?: components["schemas"]["SortField"];
                sort_order?: components["schemas"]["SortOrder"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignPage"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_campaign_api_campaigns__post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional: retries with the same key replay the first response. */
                "Idempotency-Key"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignCreated"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The template was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Another campaign of the company already uses this code.; The campaign's dates overlap a planned or active campaign on a channel they share. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign budget exceeds the budget available for its fiscal year.; The template's type does not fit the campaign's channel.; This Idempotency-Key was used for a different request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_campaign_api_campaigns__campaign_id___get: {
        parameters: {
            query?: {
                /** @description Add the campaign's segments. */
                include_segments?: boolean;
                /** @description Add totals and rates from the campaign's metrics. */
                include_performance?: boolean;
                /** @description Add the roll-up of the campaign and its sub-campaigns. */
                include_rollup?: boolean;
            };
            header?: {
                "If-None-Match"?: string | null;
            };
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignDetail"];
                };
            };
            /** @description Not modified (If-None-Match). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    replace_campaign_api_campaigns__campaign_id___put: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignReplace"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignUpdated"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A completed or cancelled campaign cannot be changed.; Another campaign of the company already uses this code.; The campaign's dates overlap a planned or active campaign on a channel they share.; This change is not allowed while the campaign is live; pause it first. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign budget exceeds the budget available for its fiscal year.; The template's type does not fit the campaign's channel. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_campaign_api_campaigns__campaign_id___delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteResult"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign is referenced by a launch or deliveries in progress. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    patch_campaign_api_campaigns__campaign_id___patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignUpdated"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A completed or cancelled campaign cannot be changed.; Another campaign of the company already uses this code.; The campaign's dates overlap a planned or active campaign on a channel they share.; This change is not allowed while the campaign is live; pause it first. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign budget exceeds the budget available for its fiscal year.; The template's type does not fit the campaign's channel. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    read_thresholds_api_campaigns__campaign_id__alert_thresholds__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertThresholdsRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_thresholds_api_campaigns__campaign_id__alert_thresholds__put: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlertThresholdsWrite"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertThresholdsRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_alerts_api_campaigns__campaign_id__alerts__get: {
        parameters: {
            query?: {
                alert_kind?: ("budget" | "performance") | null;
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page, at most 200. */
                page_size?: number;
            };
            header?: never;
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertPage"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    campaign_approval_api_campaigns__campaign_id__approval__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignApprovalState"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    approve_campaign_api_campaigns__campaign_id__approve__post: {
        parameters: {
            query?: never;
            header?: {
                /** @description A step-up token from POST /api/auth/mfa/step-up; required when the amount is above the company's MFA approval threshold. */
                "X-MFA-Token"?: string | null;
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ApprovalComment"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignTransitioned"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description This action needs a recent MFA step-up: send the token from POST /api/auth/mfa/step-up in the X-MFA-Token header.; You created or last edited this campaign; someone else must approve it. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign is not waiting for approval.; A completed or cancelled campaign cannot be changed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    audience_drift_api_campaigns__campaign_id__audience_drift__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AudienceDrift"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    campaign_history_api_campaigns__campaign_id__audit__get: {
        parameters: {
            query?: {
                /** @description Only this action, e.g. campaign.updated. */
                action?: string | null;
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page, at most 200. */
                page_size?: number;
            };
            header?: never;
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    budget_forecast_api_campaigns__campaign_id__budget_forecast__get: {
        parameters: {
            query?: {
                /** @description Default: the campaign's channels. */
                channels?: components["schemas"]["DeliveryChannel"][] | null;
            };
            header?: never;
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetForecast"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The launch parameters are not valid for this campaign. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_allocations_api_campaigns__campaign_id__budgets__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllocationList"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_allocation_api_campaigns__campaign_id__budgets__budget_id___put: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The budget's id. */
                budget_id: string;
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AllocationWrite"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllocationRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found.; The budget was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A completed or cancelled campaign cannot be changed.; This change is not allowed while the campaign is live; pause it first. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The allocation does not fit the budget or the campaign. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    release_allocation_api_campaigns__campaign_id__budgets__budget_id___delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The budget's id. */
                budget_id: string;
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found.; The campaign has no allocation from this budget. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign's sending has drawn on this budget: the allocation stays, at least at what was drawn.; A completed or cancelled campaign cannot be changed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    cancel_campaign_api_campaigns__campaign_id__cancel__post: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ActionComment"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignTransitioned"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign cannot move to that status from its current one. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_collaborators_api_campaigns__campaign_id__collaborators__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollaboratorList"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    add_collaborator_api_campaigns__campaign_id__collaborators__post: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CollaboratorCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollaboratorRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found.; The user was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The user already collaborates on the campaign.; The user is not active.; A completed or cancelled campaign cannot be changed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    remove_collaborator_api_campaigns__campaign_id__collaborators__user_id___delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The collaborator's user id. */
                user_id: string;
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found.; The user is not a collaborator of the campaign. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A campaign keeps at least one owner.; A completed or cancelled campaign cannot be changed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    change_collaborator_api_campaigns__campaign_id__collaborators__user_id___patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The collaborator's user id. */
                user_id: string;
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CollaboratorUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollaboratorRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found.; The user is not a collaborator of the campaign. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A campaign keeps at least one owner.; A completed or cancelled campaign cannot be changed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    complete_campaign_api_campaigns__campaign_id__complete__post: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ActionComment"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignTransitioned"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign cannot move to that status from its current one. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    consent_summary_api_campaigns__campaign_id__consent_summary__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentSummary"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "campaign_not_found",
                     *       "message": "The campaign was not found.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The segment's saved rules are not valid any more; edit the segment to fix them. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "segment_rules_invalid",
                     *       "message": "The segment's saved rules are not valid any more; edit the segment to fix them.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_hierarchy_api_campaigns__campaign_id__hierarchy__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HierarchyRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    launch_campaign_api_campaigns__campaign_id__launch__post: {
        parameters: {
            query?: never;
            header: {
                /** @description A unique key per intended action (e.g. a UUID); retries with the same key replay the first response. */
                "Idempotency-Key": string;
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["LaunchRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LaunchAccepted"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Only a user who may approve campaigns can override the budget guard. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign cannot move to that status from its current one.; The campaign needs an approved budget before it can become active.; The campaign's end date has passed.; The campaign has no segment to send to.; The campaign has no message to send: link a template, or give its variants content.; A launch of this campaign is already requested or running.; The campaign's sendable audience is smaller than the company's minimum.; The launch's forecast cost exceeds the campaign's remaining budget.; The campaign's dates overlap a planned or active campaign on a channel they share.; A request with this Idempotency-Key is still being processed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The launch parameters are not valid for this campaign.; The campaign's message cannot be rendered for any of the sampled recipients: every delivery would fail. Fix the template (a default for a missing field) and launch again.; This Idempotency-Key was used for a different request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    campaign_launches_api_campaigns__campaign_id__launches__get: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page, at most 200. */
                page_size?: number;
            };
            header?: never;
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LaunchPage"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_parent_api_campaigns__campaign_id__parent__put: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ParentSet"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found.; The parent campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A completed or cancelled campaign cannot be changed.; The parent campaign is deleted.; A campaign cannot be placed under itself or under one of its sub-campaigns.; A hierarchy has at most three levels: programme, campaign, sub-campaign. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    pause_campaign_api_campaigns__campaign_id__pause__post: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ActionComment"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignTransitioned"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign cannot move to that status from its current one. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    plan_campaign_api_campaigns__campaign_id__plan__post: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ActionComment"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignTransitioned"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign cannot move to that status from its current one.; The campaign's dates overlap a planned or active campaign on a channel they share.; The campaign's end date has passed.; The campaign needs an approved budget before it can become active. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    preview_message_api_campaigns__campaign_id__preview__get: {
        parameters: {
            query?: {
                /** @description The channel; omitted: the campaign's (email for multi-channel). */
                channel?: components["schemas"]["DeliveryChannel"] | null;
                /** @description This A/B variant's message; omitted: the template's. */
                variant_id?: string | null;
                /** @description Render with this contact's data; omitted: a sample contact's. */
                contact_id?: string | null;
            };
            header?: never;
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePreview"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found.; The contact was not found.; The campaign has no such A/B variant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign does not send on the channel of this address.; The campaign has no message for this channel: link a template or add a variant.; The message template is not valid.; The message cannot be rendered for this contact. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reject_campaign_api_campaigns__campaign_id__reject__post: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectionComment"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignTransitioned"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign is not waiting for approval.; A completed or cancelled campaign cannot be changed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    resume_campaign_api_campaigns__campaign_id__resume__post: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ActionComment"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignTransitioned"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign cannot move to that status from its current one.; The campaign needs an approved budget before it can become active.; The campaign's dates overlap a planned or active campaign on a channel they share.; The campaign's end date has passed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_roi_api_campaigns__campaign_id__roi__get: {
        parameters: {
            query?: {
                /** @description first_touch, last_touch or linear. */
                model?: components["schemas"]["AttributionModel"];
            };
            header?: never;
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoiRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The company has no exchange rate for this currency; add one or convert first. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    submit_for_approval_api_campaigns__campaign_id__submit_for_approval__post: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ApprovalComment"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignTransitioned"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign is already waiting for approval.; The campaign is already approved.; A completed or cancelled campaign cannot be changed.; A launch of this campaign is already requested or running. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_links_api_campaigns__campaign_id__templates__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateLinkList"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    link_template_api_campaigns__campaign_id__templates__post: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateLinkCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateLinkRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found.; The template was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The template is already linked to the campaign.; A completed or cancelled campaign cannot be changed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The template's type does not fit the campaign's channel.; The template is not active. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    unlink_template_api_campaigns__campaign_id__templates__template_id___delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The template's id. */
                template_id: string;
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found.; The template is not linked to the campaign. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A completed or cancelled campaign cannot be changed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    request_test_send_api_campaigns__campaign_id__test_send__post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TestSendRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestSendRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found.; The contact was not found.; The campaign has no such A/B variant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign does not send on the channel of this address.; The campaign has no message for this channel: link a template or add a variant.; The message template is not valid.; The message cannot be rendered for this contact. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_test_send_api_campaigns__campaign_id__test_sends__test_send_id___get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
                /** @description The test send's id. */
                test_send_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestSendRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The test send was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_variants_api_campaigns__campaign_id__variants__get: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page, at most 200. */
                page_size?: number;
            };
            header?: never;
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VariantPage"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_variant_api_campaigns__campaign_id__variants__post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional: retries with the same key replay the first response. */
                "Idempotency-Key"?: string | null;
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VariantCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VariantRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found.; The template was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A completed or cancelled campaign cannot be changed.; The campaign was launched: its variants can no longer change.; The campaign already has a variant of that name.; The campaign already has a control variant. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The weights of a campaign's variants add up to at most 100.; The template is not active.; The template's type does not fit the campaign's channel.; This Idempotency-Key was used for a different request. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    variant_results_api_campaigns__campaign_id__variants_results__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VariantResults"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_variant_api_campaigns__campaign_id__variants__variant_id___get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The variant's id. */
                variant_id: string;
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VariantRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found.; The A/B variant was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_variant_api_campaigns__campaign_id__variants__variant_id___delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The variant's id. */
                variant_id: string;
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found.; The A/B variant was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A completed or cancelled campaign cannot be changed.; The campaign was launched: its variants can no longer change. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_variant_api_campaigns__campaign_id__variants__variant_id___patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The variant's id. */
                variant_id: string;
                /** @description The campaign's id. */
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VariantUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VariantRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found.; The template was not found.; The A/B variant was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A completed or cancelled campaign cannot be changed.; The campaign was launched: its variants can no longer change.; The campaign already has a variant of that name.; The campaign already has a control variant. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The weights of a campaign's variants add up to at most 100.; The template is not active.; The template's type does not fit the campaign's channel. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    read_channel_costs_api_channel_costs__get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelCostsRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_channel_costs_api_channel_costs__put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChannelCostsWrite"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelCostsRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The unit costs are not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_events_api_contact_events__get: {
        parameters: {
            query?: {
                contact_id?: string | null;
                external_id?: string | null;
                event_type?: string | null;
                campaign_id?: string | null;
                /** @description At or after. */
                occurred_from?: string | null;
                /** @description At or before; a date for the whole day. */
                occurred_to?: string | null;
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page, at most 200. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPage"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ingest_event_api_contact_events__post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventIn"];
            };
        };
        responses: {
            /** @description A duplicate event id. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventAccepted"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventAccepted"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ingest_batch_api_contact_events_batch__post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventBatch"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventBatchResult"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_contacts_api_contacts__get: {
        parameters: {
            query?: {
                sort?: "external_id" | "-external_id" | "created_at" | "-created_at" | "updated_at" | "-updated_at";
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page, at most 200. */
                page_size?: number;
                external_id?: string | null;
                /** @description Needs view_pii. */
                email?: string | null;
                /** @description Needs view_pii. */
                phone?: string | null;
                country?: string | null;
                region?: string | null;
                city?: string | null;
                language?: string | null;
                gender?: string | null;
                /** @description Only contacts consenting to this channel. */
                consent?: components["schemas"]["DeliveryChannel"] | null;
                interest?: string | null;
                /** @description Created at or after. */
                created_from?: string | null;
                /** @description Created at or before; a date for the whole day. */
                created_to?: string | null;
                /** @description Updated at or after. */
                updated_since?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactPage"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Filtering by email or phone needs the view_pii permission. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "pii_filter_denied",
                     *       "message": "Filtering by email or phone needs the view_pii permission.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_contact_api_contacts__post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A contact with this external_id already exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "contact_exists",
                     *       "message": "A contact with this external_id already exists.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    bulk_upsert_api_contacts_bulk__post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkContacts"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkResult"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    import_contacts_api_contacts_import__post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["Body_import_contacts_api_contacts_import__post"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The file cannot be imported. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "import_file_invalid",
                     *       "message": "The file cannot be imported.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_legal_holds_api_contacts_privacy_legal_holds__get: {
        parameters: {
            query?: {
                /** @description Only active (or released) holds. */
                active?: boolean | null;
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page, at most 200. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalHoldPage"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    place_legal_hold_api_contacts_privacy_legal_holds__post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LegalHoldCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalHoldRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such campaign. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "campaign_not_found",
                     *       "message": "No such campaign.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An active legal hold already covers this contact or campaign. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "legal_hold_exists",
                     *       "message": "An active legal hold already covers this contact or campaign.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    release_legal_hold_api_contacts_privacy_legal_holds__hold_id__release__post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hold_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LegalHoldRelease"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalHoldRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such legal hold. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "legal_hold_not_found",
                     *       "message": "No such legal hold.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description This legal hold was already released. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "legal_hold_released",
                     *       "message": "This legal hold was already released.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_requests_api_contacts_privacy_requests__get: {
        parameters: {
            query?: {
                contact_id?: string | null;
                kind?: components["schemas"]["DataSubjectRequestKind"] | null;
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page, at most 200. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataSubjectRequestPage"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_retention_api_contacts_privacy_retention__get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionPolicies"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_retention_api_contacts_privacy_retention__put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetentionPolicies"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionPolicies"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    retention_dry_run_api_contacts_privacy_retention_dry_run__get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionReportRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_contact_api_contacts__contact_id___get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contact_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The contact was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "contact_not_found",
                     *       "message": "The contact was not found.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_contact_api_contacts__contact_id___delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                contact_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The contact was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "contact_not_found",
                     *       "message": "The contact was not found.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_contact_api_contacts__contact_id___patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                contact_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The contact was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "contact_not_found",
                     *       "message": "The contact was not found.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A contact with this external_id already exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "contact_exists",
                     *       "message": "A contact with this external_id already exists.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_consent_api_contacts__contact_id__consent__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contact_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentState"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The contact was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "contact_not_found",
                     *       "message": "The contact was not found.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    change_consent_api_contacts__contact_id__consent__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contact_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsentChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentState"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The contact was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "contact_not_found",
                     *       "message": "The contact was not found.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    consent_history_api_contacts__contact_id__consents_history__get: {
        parameters: {
            query?: {
                /** @description Only this channel. */
                channel?: components["schemas"]["DeliveryChannel"] | null;
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page, at most 200. */
                page_size?: number;
            };
            header?: never;
            path: {
                contact_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentHistoryPage"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The contact was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "contact_not_found",
                     *       "message": "The contact was not found.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_do_not_sell_api_contacts__contact_id__do_not_sell__put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contact_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DoNotSellChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DoNotSellState"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The contact was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "contact_not_found",
                     *       "message": "The contact was not found.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    erase_contact_api_contacts__contact_id__erase__post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contact_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureReport"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The contact was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "contact_not_found",
                     *       "message": "The contact was not found.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The contact is under a legal hold; release the hold before erasing it. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "contact_under_legal_hold",
                     *       "message": "The contact is under a legal hold; release the hold before erasing it.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    export_contact_api_contacts__contact_id__export__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contact_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactExport"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The contact was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "contact_not_found",
                     *       "message": "The contact was not found.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The destination is outside the company's data residency region. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "residency_violation",
                     *       "message": "The destination is outside the company's data residency region.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_conversions_api_conversions__get: {
        parameters: {
            query?: {
                /** @description Only conversions attributed to this campaign. */
                campaign_id?: string | null;
                /** @description Only this contact's. */
                contact_id?: string | null;
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page, at most 200. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversionPage"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    record_conversion_api_conversions__post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConversionCreate"];
            };
        };
        responses: {
            /** @description The same conversion again (replayed). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversionRead"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversionRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The conversion names a contact or campaign the company does not have. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A conversion with this source and external id was recorded with other values. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The company has no exchange rate for this currency; add one or convert first. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_conversion_api_conversions__conversion_id___get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversion_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversionRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The conversion was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    read_launch_api_launches__launch_id___get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The launch's id. */
                launch_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LaunchDetail"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The launch was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    read_settings_api_privacy_settings__get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacySettings"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    change_settings_api_privacy_settings__put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PrivacySettingsUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacySettings"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    estimate_audience_api_segments_estimate__post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EstimateRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Estimate"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rules on personal data (email, names, birth date …) need the view_pii permission. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "pii_filter_denied",
                     *       "message": "Rules on personal data (email, names, birth date …) need the view_pii permission.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "campaign_not_found",
                     *       "message": "The campaign was not found.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The rules are not valid; `details.fields` maps each offending path to its messages. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "validation_error",
                     *       "message": "The request is not valid.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    rules_schema_api_segments_schema__get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    validate_rules_api_segments_validate__post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CriteriaBody"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationResult"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rules on personal data (email, names, birth date …) need the view_pii permission. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "pii_filter_denied",
                     *       "message": "Rules on personal data (email, names, birth date …) need the view_pii permission.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The rules are not valid; `details.fields` maps each offending path to its messages. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "validation_error",
                     *       "message": "The request is not valid.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    evaluate_segment_api_segments__segment_id__evaluate__post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                segment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvaluationRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rules on personal data (email, names, birth date …) need the view_pii permission. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "pii_filter_denied",
                     *       "message": "Rules on personal data (email, names, birth date …) need the view_pii permission.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The campaign was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "campaign_not_found",
                     *       "message": "The campaign was not found.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The segment's saved rules are not valid any more; edit the segment to fix them. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "segment_rules_invalid",
                     *       "message": "The segment's saved rules are not valid any more; edit the segment to fix them.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    explain_contact_api_segments__segment_id__explain__contact_id___get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                segment_id: string;
                contact_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Explanation"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Rules on personal data (email, names, birth date …) need the view_pii permission. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "pii_filter_denied",
                     *       "message": "Rules on personal data (email, names, birth date …) need the view_pii permission.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The contact was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "contact_not_found",
                     *       "message": "The contact was not found.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The segment's saved rules are not valid any more; edit the segment to fix them. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "segment_rules_invalid",
                     *       "message": "The segment's saved rules are not valid any more; edit the segment to fix them.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    segment_members_api_segments__segment_id__members__get: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page, at most 200. */
                page_size?: number;
            };
            header?: never;
            path: {
                segment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_dict_str__Any__"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The segment was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "segment_not_found",
                     *       "message": "The segment was not found.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    read_settings_api_sending_settings__get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SendingSettings"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    change_settings_api_sending_settings__put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendingSettingsUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SendingSettings"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_suppressions_api_suppressions__get: {
        parameters: {
            query?: {
                /** @description A channel, or `all` for the entries that block every channel. */
                channel?: components["schemas"]["DeliveryChannel"] | "all" | null;
                reason?: components["schemas"]["SuppressionReason"] | null;
                /** @description Needs view_pii. */
                address?: string | null;
                contact_id?: string | null;
                campaign_id?: string | null;
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page, at most 200. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuppressionPage"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Filtering by email or phone needs the view_pii permission. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "pii_filter_denied",
                     *       "message": "Filtering by email or phone needs the view_pii permission.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    add_suppression_api_suppressions__post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SuppressionCreate"];
            };
        };
        responses: {
            /** @description Already suppressed: the existing entry. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuppressionRead"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuppressionRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A referenced contact or campaign does not exist. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "unknown_reference",
                     *       "message": "A referenced contact or campaign does not exist.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_suppression_api_suppressions__suppression_id___get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                suppression_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuppressionRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The suppression was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "suppression_not_found",
                     *       "message": "The suppression was not found.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    remove_suppression_api_suppressions__suppression_id___delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                suppression_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The suppression was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "suppression_not_found",
                     *       "message": "The suppression was not found.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_users_api_users__get: {
        parameters: {
            query?: {
                /** @description Search in email and full name. */
                q?: string | null;
                /** @description Only holders of this role. */
                role?: components["schemas"]["RoleName"] | null;
                /** @description Only active or inactive users. */
                is_active?: boolean | null;
                /** @description Sort field; `-` for descending. */
                sort?: "email" | "-email" | "full_name" | "-full_name" | "created_at" | "-created_at";
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page, at most 200. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_user_api_users__post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A user with this email address already exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_roles_api_users_roles__get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleList"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_user_api_users__user_id___get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The user was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_user_api_users__user_id___patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The user was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A user with this email address already exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    activate_user_api_users__user_id__activate__post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The user was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    deactivate_user_api_users__user_id__deactivate__post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The user was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The company must keep at least one active admin.; You cannot deactivate your own account. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reset_mfa_api_users__user_id__reset_mfa__post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The user was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    reset_password_api_users__user_id__reset_password__post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordReset"];
            };
        };
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The user was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_roles_api_users__user_id__roles__put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RolesUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The user was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The company must keep at least one active admin. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_webhooks_api_webhooks__get: {
        parameters: {
            query?: {
                /** @description Only this status. */
                status?: components["schemas"]["WebhookStatus"] | null;
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page, at most 200. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookPage"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_webhook_api_webhooks__post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecretRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Webhooks can only be sent to http(s) URLs of public addresses. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_allow_list_api_webhooks_allow_list__get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllowListRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    set_allow_list_api_webhooks_allow_list__put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AllowListUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllowListRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_event_types_api_webhooks_event_types__get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventTypesRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_webhook_api_webhooks__webhook_id___get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook subscription's id. */
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The webhook subscription was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    delete_webhook_api_webhooks__webhook_id___delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The webhook subscription's id. */
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The webhook subscription was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    update_webhook_api_webhooks__webhook_id___patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version this write is based on; a stale one is a 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The webhook subscription's id. */
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The webhook subscription was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The resource was changed by someone else; reload and try again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than the service takes (CRM_MAX_BODY_BYTES). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is compressed, or not in the media type the operation takes. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Webhooks can only be sent to http(s) URLs of public addresses. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_deliveries_api_webhooks__webhook_id__deliveries__get: {
        parameters: {
            query?: {
                /** @description Only deliveries in this state. */
                status?: components["schemas"]["WebhookDeliveryStatus"] | null;
                /** @description Only this event type. */
                event_type?: string | null;
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page, at most 200. */
                page_size?: number;
            };
            header?: never;
            path: {
                /** @description The webhook subscription's id. */
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPage"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The webhook subscription was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    enable_webhook_api_webhooks__webhook_id__enable__post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook subscription's id. */
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The webhook subscription was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    rotate_secret_api_webhooks__webhook_id__rotate_secret__post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook subscription's id. */
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecretRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The webhook subscription was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    send_ping_api_webhooks__webhook_id__test__post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook subscription's id. */
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryRead"];
                };
            };
            /** @description Authentication is required.; The token is invalid or expired.; The session has ended (signed out, revoked or the account changed); sign in again. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The webhook subscription was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The request is not valid. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    create_ws_ticket_api_ws_ticket__post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WsTicket"];
                };
            };
            /** @description Authentication is required. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "not_authenticated",
                     *       "message": "Authentication is required.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description You do not have permission to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "permission_denied",
                     *       "message": "You do not have permission to do this.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    healthz_healthz_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: string;
                    };
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    sendgrid_events_hooks_sendgrid_events_post: {
        parameters: {
            query?: never;
            header?: {
                "X-Twilio-Email-Event-Webhook-Signature"?: string | null;
                "X-Twilio-Email-Event-Webhook-Timestamp"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackResult"];
                };
            };
            /** @description The callback body is not what the provider sends. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The callback's signature is missing, invalid or too old.; This provider's callbacks cannot be verified: its key is not configured. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    twilio_status_hooks_twilio_status_post: {
        parameters: {
            query?: never;
            header?: {
                "X-Twilio-Signature"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The callback's signature is missing, invalid or too old.; This provider's callbacks cannot be verified: its key is not configured. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    readyz_readyz_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    click_t_c__token__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the recorded link. */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description This link is not valid. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "tracking_link_not_found",
                     *       "message": "This link is not valid.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    open_pixel_t_o__token__gif_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A 1x1 transparent GIF. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/gif": unknown;
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    opt_in_page_t_opt_in__token__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description This confirmation link is not valid. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "opt_in_link_not_found",
                     *       "message": "This confirmation link is not valid.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": unknown;
                    "text/html": components["schemas"]["ErrorBody"];
                };
            };
            /** @description This confirmation link was replaced by a newer one or the consent was withdrawn. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "opt_in_superseded",
                     *       "message": "This confirmation link was replaced by a newer one or the consent was withdrawn.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": unknown;
                    "text/html": components["schemas"]["ErrorBody"];
                };
            };
            /** @description This confirmation link has expired; sign up again to get a new one. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "opt_in_link_expired",
                     *       "message": "This confirmation link has expired; sign up again to get a new one.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": unknown;
                    "text/html": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    confirm_opt_in_t_opt_in__token__post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description This confirmation link is not valid. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "opt_in_link_not_found",
                     *       "message": "This confirmation link is not valid.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": unknown;
                    "text/html": components["schemas"]["ErrorBody"];
                };
            };
            /** @description This confirmation link was replaced by a newer one or the consent was withdrawn. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "opt_in_superseded",
                     *       "message": "This confirmation link was replaced by a newer one or the consent was withdrawn.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": unknown;
                    "text/html": components["schemas"]["ErrorBody"];
                };
            };
            /** @description This confirmation link has expired; sign up again to get a new one. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "opt_in_link_expired",
                     *       "message": "This confirmation link has expired; sign up again to get a new one.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": unknown;
                    "text/html": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    unsubscribe_page_t_u__token__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description This link is not valid. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "tracking_link_not_found",
                     *       "message": "This link is not valid.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": unknown;
                    "text/html": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    one_click_unsubscribe_t_u__token__post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description A one-click unsubscribe posts List-Unsubscribe=One-Click (RFC 8058). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "unsubscribe_body_invalid",
                     *       "message": "A one-click unsubscribe posts List-Unsubscribe=One-Click (RFC 8058).",
                     *       "details": {}
                     *     }
                     */
                    "application/json": unknown;
                    "text/html": components["schemas"]["ErrorBody"];
                };
            };
            /** @description This link is not valid. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "tracking_link_not_found",
                     *       "message": "This link is not valid.",
                     *       "details": {}
                     *     }
                     */
                    "application/json": unknown;
                    "text/html": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
            /** @description Too many requests; slow down. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "rate_limited",
                     *       "message": "Too many requests; slow down.",
                     *       "details": {
                     *         "retry_after": 12,
                     *         "scope": "user",
                     *         "limit": 1200,
                     *         "window_s": 60
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected error; `details.request_id` names it in the log. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
