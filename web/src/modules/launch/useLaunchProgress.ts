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
};

export type LaunchError = components["schemas"]["LaunchError"];

/** The campaign's latest launch: read once over HTTP, then kept current by the WebSocket. */
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
      setLive((previous) => ({ ...(previous ?? {}), ...(event.data as unknown as Progress) }));
    }
    if (event.type === "campaign.launched" || event.type === "campaign.launch_requested") {
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
      }
    : null;
  const current = live && live.launch_id === latest?.id ? live : null;
  const progress = current ? { ...fromHttp, ...current } : fromHttp;
  // Why it failed, and its latest failed deliveries: the launch as read, or the event that ended it.
  const lastError = current?.error || detail.data?.last_error || latest?.last_error || null;
  const errors: LaunchError[] = detail.data?.errors ?? [];
  return { launch: latest, progress: progress as Progress | null, lastError, errors, refetch: launches.refetch };
}
