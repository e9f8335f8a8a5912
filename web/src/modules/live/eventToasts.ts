import type { QueryClient } from "@tanstack/react-query";
import { toast } from "sonner";

type Named = { id?: unknown; campaign_name?: unknown; campaign_code?: unknown };
type CampaignEvent = { type: string; data: Record<string, unknown> };

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

/** The campaigns this client already holds with the id: the campaign as read, and its rows on
 * the lists (the campaign list, the approvals inbox, the parent choices). */
function cachedCampaigns(queryClient: QueryClient, id: string): Named[] {
  const found: Named[] = [];
  const detail = queryClient.getQueryData<Named>(["campaign", id]);
  if (detail) found.push(detail);
  for (const [, list] of queryClient.getQueriesData<{ items?: unknown }>({ queryKey: ["campaigns"] })) {
    if (!Array.isArray(list?.items)) continue;
    const row = (list.items as Named[]).find((item) => item?.id === id);
    if (row) found.push(row);
  }
  return found;
}

/** How a toast names an event's campaign: “its name”, else its code (the event's own first,
 * else the campaign as already loaded), or null when nothing here names it. */
export function campaignLabel(data: Record<string, unknown>, queryClient: QueryClient): string | null {
  const id = text(data.campaign_id);
  const known = [data as Named, ...(id ? cachedCampaigns(queryClient, id) : [])];
  const name = known.map((campaign) => text(campaign.campaign_name)).find(Boolean);
  if (name) return `“${name}”`;
  return known.map((campaign) => text(campaign.campaign_code)).find(Boolean) ?? null;
}

/** Toasts the approvals and launches of a live event, naming the campaign when it can
 * (progress is not toasted: the launch panel shows it). */
export function toastLiveEvent(event: CampaignEvent, queryClient: QueryClient) {
  if (!event.type.startsWith("campaign.")) return;
  const label = campaignLabel(event.data, queryClient);
  const campaign = label ? `Campaign ${label}` : "A campaign";
  switch (event.type) {
    case "campaign.approved":
      toast.success(`${campaign} was approved.`);
      break;
    case "campaign.rejected":
      toast.warning(`${campaign} was rejected.`);
      break;
    case "campaign.approval_requested":
      toast.info(`${campaign} awaits approval.`);
      break;
    case "campaign.launch_requested":
      toast.info(label ? `A launch of campaign ${label} was requested.` : "A launch was requested.");
      break;
    case "campaign.launched": {
      // The end of a launch that could not send is no success: it says why.
      const why = text(event.data.error) ? `: ${text(event.data.error)}` : ".";
      const launch = label ? `The launch of campaign ${label}` : "A launch";
      if (event.data.launch_status === "failed") toast.error(`${launch} failed${why}`);
      else toast.success(`${launch} finished sending.`);
      break;
    }
  }
}
