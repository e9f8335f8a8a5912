import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../../api/http";
import { ErrorNotice } from "../../../ui/ErrorNotice";

export type AuditTabProps = { campaignId: string; version: number };

export function AuditTab({ campaignId, version }: AuditTabProps) {
  const audit = useQuery({
    queryKey: ["campaign", campaignId, "audit", version],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/campaigns/{campaign_id}/audit/", {
          params: { path: { campaign_id: campaignId }, query: { page_size: 50 } as never },
        }),
      ),
  });
  return (
    <div>
      <ErrorNotice error={audit.error} />
      <ol className="audit">
        {audit.data?.items.map((entry) => (
          <li key={entry.id}>
            <time dateTime={entry.occurred_at}>{new Date(entry.occurred_at).toLocaleString()}</time> <strong>{entry.action}</strong>
            {entry.new_values && (
              <span className="muted"> — {Object.keys(entry.new_values).slice(0, 6).join(", ")}</span>
            )}
          </li>
        ))}
        {audit.data?.items.length === 0 && <li>No history yet.</li>}
      </ol>
    </div>
  );
}
