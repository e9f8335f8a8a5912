import { Suspense, lazy } from "react";
import * as Tabs from "@radix-ui/react-tabs";
import { Link, useNavigate, useParams } from "react-router-dom";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { StatusChip } from "../../../ui/StatusChip";
import { useAuth } from "../../auth/useAuth";
import { ApprovalActions } from "../../approvals/components/ApprovalActions";
import { ApprovalGovernance } from "../../approvals/components/ApprovalGovernance";
import { AudienceDriftSummary } from "../../approvals/components/AudienceDriftSummary";
import { LaunchPanel } from "../../launch/components/LaunchPanel";
import { AlertsTab } from "../../budget-guard/components/AlertsTab";
import { ContentTab } from "../../content/components/ContentTab";
import { SegmentsTab } from "../../segments/components/SegmentsTab";
import { VariantsTab } from "../../variants/components/VariantsTab";
import { HierarchyTab } from "../../roi/components/HierarchyTab";
import { useCampaign } from "../api";
import { AuditTab } from "./AuditTab";
import { BudgetTab } from "./BudgetTab";
import { DetailsTab } from "./DetailsTab";

// The charts library loads only when a campaign's performance is opened.
const PerformanceTab = lazy(() =>
  import("../../performance/components/PerformanceTab").then((module) => ({ default: module.PerformanceTab })),
);

const TABS = ["details", "segments", "content", "variants", "budget", "approvals", "performance", "hierarchy", "alerts", "audit"] as const;

export function CampaignEditor() {
  const { campaignId = "", tab = "details" } = useParams();
  const navigate = useNavigate();
  const { can } = useAuth();
  const { data: campaign, error, isLoading } = useCampaign(campaignId);

  if (isLoading) return <p role="status">Loading the campaign…</p>;
  if (error || !campaign)
    return (
      <section>
        <ErrorNotice error={error ?? new Error("Campaign not found.")} />
        <Link to="/campaigns">Back to campaigns</Link>
      </section>
    );

  return (
    <section aria-labelledby="campaign-title">
      <div className="page-head">
        <div>
          <h1 id="campaign-title">{campaign.campaign_name}</h1>
          <p className="muted">
            {campaign.campaign_code} · {campaign.campaign_type} · {campaign.primary_channel} · version {campaign.version}
          </p>
        </div>
        <div className="chips" aria-label="Status">
          <StatusChip status={campaign.campaign_status} /> <StatusChip status={campaign.approval_status} />
        </div>
      </div>
      <LaunchPanel campaign={campaign} />
      <AudienceDriftSummary campaignId={campaign.id} version={campaign.version} />
      <Tabs.Root value={TABS.includes(tab as never) ? tab : "details"} onValueChange={(value) => navigate(`/campaigns/${campaignId}/${value}`)}>
        <Tabs.List className="tabs" aria-label="Campaign sections">
          {TABS.map((name) => (
            <Tabs.Trigger key={name} value={name}>
              {name[0].toUpperCase() + name.slice(1)}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content value="details">
          <DetailsTab campaign={campaign} />
        </Tabs.Content>
        <Tabs.Content value="segments">
          <SegmentsTab campaignId={campaign.id} channel={campaign.primary_channel} version={campaign.version} />
        </Tabs.Content>
        <Tabs.Content value="content">
          <ContentTab campaign={campaign} />
        </Tabs.Content>
        <Tabs.Content value="variants">
          <VariantsTab campaign={campaign} />
        </Tabs.Content>
        <Tabs.Content value="budget">
          <BudgetTab campaign={campaign} />
        </Tabs.Content>
        <Tabs.Content value="approvals">
          <p>
            Approval: <StatusChip status={campaign.approval_status} />
            {campaign.approved_at && ` on ${new Date(campaign.approved_at).toLocaleString()}`}
          </p>
          {campaign.approval_comment && <blockquote>{campaign.approval_comment}</blockquote>}
          {can("approve_campaign") && campaign.approval_status === "pending_approval" ? (
            <ApprovalActions campaignId={campaign.id} campaignName={campaign.campaign_name} />
          ) : (
            campaign.approval_status === "pending_approval" && <p>Waiting for an approver.</p>
          )}
          <ApprovalGovernance campaignId={campaign.id} version={campaign.version} />
        </Tabs.Content>
        <Tabs.Content value="performance">
          <Suspense fallback={<p role="status">Loading charts…</p>}>
            <PerformanceTab campaign={campaign} />
          </Suspense>
        </Tabs.Content>
        <Tabs.Content value="hierarchy">
          <HierarchyTab campaign={campaign} />
        </Tabs.Content>
        <Tabs.Content value="alerts">
          <AlertsTab campaignId={campaign.id} />
        </Tabs.Content>
        <Tabs.Content value="audit">
          <AuditTab campaignId={campaign.id} version={campaign.version} />
        </Tabs.Content>
      </Tabs.Root>
    </section>
  );
}
