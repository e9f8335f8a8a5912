import type { QueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { formatNumber } from "../../ui/format";
import { campaignQuery } from "../campaigns/api";

type Named = { id?: unknown; campaign_name?: unknown; campaign_code?: unknown };
type CampaignEvent = { type: string; data: Record<string, unknown> };

const TOASTED = new Set([
  "campaign.approved",
  "campaign.rejected",
  "campaign.approval_requested",
  "campaign.launch_requested",
  "campaign.launched",
]);

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);
const count = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : null);

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

/** The label of an event's campaign, reading the campaign when nothing here names it (most
 * events carry only its id); null when it cannot be read either. */
async function resolveCampaignLabel(data: Record<string, unknown>, queryClient: QueryClient): Promise<string | null> {
  const known = campaignLabel(data, queryClient);
  const id = text(data.campaign_id);
  if (known || !id) return known;
  try {
    await queryClient.fetchQuery({ ...campaignQuery(id), staleTime: 30_000 });
  } catch {
    return null;
  }
  return campaignLabel(data, queryClient);
}

/** What a cancelled launch did before it stopped: "350 sent, 1,259 skipped". */
function cancelledCounts(data: Record<string, unknown>): string {
  const sent = count(data.sent);
  const skipped = count(data.skipped);
  if (sent === null) return "";
  return ` (${formatNumber(sent)} sent${skipped ? `, ${formatNumber(skipped)} skipped` : ""})`;
}

function showToast(event: CampaignEvent, label: string | null) {
  const campaign = label ? `Campaign ${label}` : "A campaign";
  const launch = label ? `The launch of campaign ${label}` : "The launch of a campaign";
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
      toast.info(label ? `A launch of campaign ${label} was requested.` : "A launch of a campaign was requested.");
      break;
    case "campaign.launched": {
      // Only a launch that completed went out in full: a failed or cancelled one says so.
      const why = text(event.data.error) ? `: ${text(event.data.error)}` : ".";
      if (event.data.launch_status === "failed") toast.error(`${launch} failed${why}`);
      else if (event.data.launch_status === "cancelled") toast.warning(`${launch} was cancelled${cancelledCounts(event.data)}.`);
      else toast.success(`${launch} finished sending.`);
      break;
    }
  }
}

/** Toasts the approvals and launches of a live event, naming the campaign — read when nothing
 * here names it (progress is not toasted: the launch panel shows it). */
export function toastLiveEvent(event: CampaignEvent, queryClient: QueryClient) {
  if (!TOASTED.has(event.type)) return;
  const known = campaignLabel(event.data, queryClient);
  if (known || !text(event.data.campaign_id)) showToast(event, known);
  else void resolveCampaignLabel(event.data, queryClient).then((label) => showToast(event, label));
}
