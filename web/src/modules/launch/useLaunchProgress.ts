import { useEffect, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/http";
import type { components } from "../../client/schema";
import { useLiveEvent } from "../live/LiveEvents";

export type Progress = {
  launch_id: string;
  launch_status: string;
  queued: number;
  sent: number;
  failed: number;
  skipped: number;
  remaining: number;
  rate_per_s: number | null;
  eta_s: number | null;
  /** Why the launch failed (`campaign.launched` says it as `error`). */
  error?: string | null;
  /** When the state was true: the launch's `updated_at`, or the event's `occurred_at`. */
  at?: string | null;
};

export type LaunchError = components["schemas"]["LaunchError"];

/** States a launch does not leave. */
export const ENDED_LAUNCH = new Set(["completed", "cancelled", "failed"]);

/** Events after which the launch as read over HTTP is out of date. */
const LAUNCH_CHANGING = new Set(["campaign.launched", "campaign.launch_requested", "campaign.status_changed"]);

const handled = (progress: Progress) => progress.sent + progress.failed + progress.skipped;

/** The fresher of two reports of one launch: an ended launch over one still running, then more
 * messages handled (the counts only grow), then the later moment; a tie goes to the event,
 * which carries the rate. */
export function fresherProgress(read: Progress | null, live: Progress | null): Progress | null {
  if (!read || !live) return read ?? live;
  const readEnded = ENDED_LAUNCH.has(read.launch_status);
  if (readEnded !== ENDED_LAUNCH.has(live.launch_status)) return readEnded ? read : live;
  if (handled(read) !== handled(live)) return handled(live) > handled(read) ? live : read;
  const readAt = read.at ? Date.parse(read.at) : NaN;
  const liveAt = live.at ? Date.parse(live.at) : NaN;
  if (Number.isFinite(readAt) && Number.isFinite(liveAt) && readAt > liveAt) return read;
  return live;
}

/** The campaign's latest launch: read over HTTP, kept current by the WebSocket, whichever is
 * fresher shown. */
export function useLaunchProgress(campaignId: string) {
  const queryClient = useQueryClient();
  const launches = useQuery({
    queryKey: ["campaign", campaignId, "launches"],
    queryFn: async () =>
      unwrap(await api.GET("/api/campaigns/{campaign_id}/launches/", { params: { path: { campaign_id: campaignId } } })),
  });
  const latest = launches.data?.items[0];
  const detail = useQuery({
    queryKey: ["launch", latest?.id],
    queryFn: async () => unwrap(await api.GET("/api/launches/{launch_id}/", { params: { path: { launch_id: latest!.id } } })),
    enabled: Boolean(latest),
  });
  const [live, setLive] = useState<Progress | null>(null);

  useEffect(() => setLive(null), [latest?.id]);

  useLiveEvent((event) => {
    if (event.data.campaign_id !== campaignId) return;
    if (event.type === "campaign.launch_progress" || event.type === "campaign.launched") {
      const reported = { ...(event.data as unknown as Progress), at: event.occurred_at };
      // An event replayed after a reconnect may be older than what is shown: it is dropped.
      setLive((previous) => {
        if (previous?.launch_id !== reported.launch_id) return reported;
        const merged = { ...previous, ...reported };
        return fresherProgress(previous, merged) === merged ? merged : previous;
      });
    }
    if (LAUNCH_CHANGING.has(event.type)) {
      void queryClient.invalidateQueries({ queryKey: ["campaign", campaignId] });
      void queryClient.invalidateQueries({ queryKey: ["launch"] });
    }
  });

  const fromHttp: Progress | null = detail.data
    ? {
        launch_id: detail.data.id,
        launch_status: detail.data.launch_status,
        ...detail.data.counts,
        rate_per_s: null,
        eta_s: null,
        at: detail.data.updated_at,
      }
    : null;
  const current = live && live.launch_id === latest?.id ? live : null;
  const progress = fresherProgress(fromHttp, current);
  // Why it failed, and its latest failed deliveries: the launch as read, or the event that ended it.
  const lastError = current?.error || detail.data?.last_error || latest?.last_error || null;
  const errors: LaunchError[] = detail.data?.errors ?? [];
  return { launch: latest, progress, lastError, errors, refetch: launches.refetch };
}
