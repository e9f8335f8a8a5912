import { formatNumber } from "../../../ui/format";
import { useAudienceDrift } from "../api";

export type AudienceDriftSummaryProps = { campaignId: string; version: number };

/** "+added / −removed since approval" for an approved campaign, flagged above the company threshold. */
export function AudienceDriftSummary({ campaignId, version }: AudienceDriftSummaryProps) {
  const { data } = useAudienceDrift(campaignId, version);
  if (!data?.approval_id) return null;
  const exceeded = data.exceeds_threshold;
  return (
    <p className={exceeded ? "notice" : "muted"} role="status" aria-label="Audience since approval">
      Audience since approval: +{formatNumber(data.added)} / −{formatNumber(data.removed)} ({data.drift_percent}% of{" "}
      {formatNumber(data.approved_count)})
      {data.threshold_percent !== null && data.threshold_percent !== undefined && ` · limit ${data.threshold_percent}%`}
      {exceeded && " — the launch needs a new approval: submit the campaign again."}
    </p>
  );
}
