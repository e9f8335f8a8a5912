import { useState } from "react";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { Field } from "../../../ui/Field";
import { useCampaignList } from "../../campaigns/api";
import { useConsentSummary } from "../api";

const STATUSES = ["granted", "pending", "withdrawn", "expired", "none"] as const;
const STATUS_LABELS: Record<(typeof STATUSES)[number], string> = {
  granted: "Granted",
  pending: "Pending confirmation",
  withdrawn: "Withdrawn",
  expired: "Expired",
  none: "Never recorded",
};

/** A campaign's audience by channel and consent status, and by legal basis. */
export function CampaignConsentSummary() {
  const [campaignId, setCampaignId] = useState("");
  const campaigns = useCampaignList({ page: 1, page_size: 200, sort_by: "campaign_name", sort_order: "asc" });
  const summary = useConsentSummary(campaignId);
  return (
    <div>
      <Field label="Campaign">
        {(props) => (
          <select {...props} value={campaignId} onChange={(e) => setCampaignId(e.target.value)}>
            <option value="">Choose a campaign…</option>
            {campaigns.data?.items.map((campaign) => (
              <option key={campaign.id} value={campaign.id}>
                {campaign.campaign_name} ({campaign.campaign_code})
              </option>
            ))}
          </select>
        )}
      </Field>
      <ErrorNotice error={campaigns.error ?? summary.error} />
      {summary.data && (
        <>
          <p role="status">{summary.data.matched} contacts in the campaign's audience.</p>
          <div className="table-wrap" role="region" aria-label="Consent totals by channel" tabIndex={0}>
            <table>
              <caption>Consent by channel</caption>
              <thead>
                <tr>
                  <th>Channel</th>
                  {STATUSES.map((status) => (
                    <th key={status}>{STATUS_LABELS[status]}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {summary.data.channels.map((channel) => (
                  <tr key={channel}>
                    <th scope="row">{channel}</th>
                    {STATUSES.map((status) => (
                      <td key={status}>{summary.data.totals[channel]?.[status] ?? 0}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-wrap" role="region" aria-label="Consent by status and legal basis" tabIndex={0}>
            <table>
              <caption>By legal basis</caption>
              <thead>
                <tr>
                  <th>Channel</th>
                  <th>Status</th>
                  <th>Legal basis</th>
                  <th>Contacts</th>
                </tr>
              </thead>
              <tbody>
                {summary.data.counts.map((row) => (
                  <tr key={`${row.channel}-${row.status}-${row.legal_basis ?? ""}`}>
                    <td>{row.channel}</td>
                    <td>{STATUS_LABELS[row.status]}</td>
                    <td>{row.legal_basis ?? "—"}</td>
                    <td>{row.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
