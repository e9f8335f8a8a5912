import { Link } from "react-router-dom";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { formatDate, formatMoney, formatNumber } from "../../../ui/format";
import { useAuth } from "../../auth/useAuth";
import { useCampaignList } from "../../campaigns/api";
import { ApprovalActions } from "./ApprovalActions";

/** "1 campaign waits", "2 campaigns wait". */
function waiting(total: number): string {
  return total === 1 ? "1 campaign waits for approval." : `${formatNumber(total)} campaigns wait for approval.`;
}

/** Campaigns waiting for approval, as cards that work on a phone; approvers decide on them here,
 * everyone else only reads them. */
export function ApprovalsInbox() {
  const { can } = useAuth();
  const approver = can("approve_campaign");
  const { data, error } = useCampaignList({
    approval_status: ["pending_approval"],
    page: 1,
    page_size: 50,
    sort_by: "start_date",
    sort_order: "asc",
  });
  return (
    <section aria-labelledby="approvals-title">
      <h1 id="approvals-title">Approvals</h1>
      <ErrorNotice error={error} />
      <p role="status">{data ? waiting(data.total) : "Loading…"}</p>
      {!approver && <p className="notice">You do not have permission to approve or reject campaigns: this list is for reading.</p>}
      <ul className="cards">
        {data?.items.map((campaign) => (
          <li key={campaign.id} className="card">
            <h2>
              <Link to={`/campaigns/${campaign.id}`}>{campaign.campaign_name}</Link>
            </h2>
            <p className="muted">
              {campaign.campaign_code} · {campaign.primary_channel} · {formatDate(campaign.start_date)} → {formatDate(campaign.end_date)}
            </p>
            <p>Budget {formatMoney(campaign.total_budget, campaign.currency_code)}</p>
            {approver && <ApprovalActions campaignId={campaign.id} campaignName={campaign.campaign_name} compact />}
          </li>
        ))}
      </ul>
    </section>
  );
}
