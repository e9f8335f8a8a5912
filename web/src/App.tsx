import { Navigate, Route, Routes, useLocation } from "react-router-dom";
import { useAuth } from "./modules/auth/useAuth";
import { SignInPage } from "./modules/auth/components/SignInPage";
import { RequirePermission } from "./modules/auth/components/RequirePermission";
import { returnPath } from "./modules/auth/returnPath";
import { Layout } from "./routes/Layout";
import { CampaignListPage } from "./modules/campaigns/components/CampaignListPage";
import { CreateWizard } from "./modules/campaigns/components/CreateWizard";
import { CampaignEditor } from "./modules/campaigns/components/CampaignEditor";
import { ApprovalsInbox } from "./modules/approvals/components/ApprovalsInbox";
import { PrivacyPage } from "./modules/privacy/components/PrivacyPage";
import { DataRequestsPage } from "./modules/data-requests/components/DataRequestsPage";
import { ApprovalPolicyPage } from "./modules/approvals/components/ApprovalPolicyPage";
import { ChannelCostsPage } from "./modules/budget-guard/components/ChannelCostsPage";
import { WebhooksPage } from "./modules/webhooks/components/WebhooksPage";
import { AuditPage } from "./modules/audit/components/AuditPage";

export function App() {
  const { signedIn, isLoading } = useAuth();
  const location = useLocation();
  if (isLoading) return <p className="loading" role="status">Loading…</p>;
  if (!signedIn) {
    return (
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="*" element={<Navigate to="/sign-in" replace state={{ from: location }} />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Navigate to="/campaigns" replace />} />
        {/* Just signed in: back to the page that asked for it. */}
        <Route path="/sign-in" element={<Navigate to={returnPath(location.state)} replace />} />
        <Route path="/campaigns" element={<CampaignListPage />} />
        <Route
          path="/campaigns/new"
          element={
            <RequirePermission permissions={["create_campaign"]} title="New campaign" action="create campaigns">
              <CreateWizard />
            </RequirePermission>
          }
        />
        <Route path="/campaigns/:campaignId/:tab?" element={<CampaignEditor />} />
        <Route path="/approvals" element={<ApprovalsInbox />} />
        <Route path="/privacy/*" element={<PrivacyPage />} />
        <Route path="/settings/approval-policy" element={<ApprovalPolicyPage />} />
        <Route
          path="/settings/unit-costs"
          element={
            <RequirePermission permissions={["read_reference_data", "view_budget"]} title="Unit costs" action="see unit costs">
              <ChannelCostsPage />
            </RequirePermission>
          }
        />
        <Route path="/settings/webhooks" element={<WebhooksPage />} />
        <Route path="/audit" element={<AuditPage />} />
        <Route
          path="/data-requests"
          element={
            <RequirePermission permissions={["manage_privacy"]} title="Data requests" action="handle data requests">
              <DataRequestsPage />
            </RequirePermission>
          }
        />
        <Route path="*" element={<p>Page not found.</p>} />
      </Route>
    </Routes>
  );
}
