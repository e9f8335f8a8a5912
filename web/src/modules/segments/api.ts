import { useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/http";
import type { components } from "../../client/schema";

export type Estimate = components["schemas"]["Estimate"];
export type EstimateRequest = components["schemas"]["EstimateRequest"];

/** The value, once it stopped changing for `delay` ms. */
export function useDebounced<T>(value: T, delay = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

export function useEstimate(request: EstimateRequest, enabled = true) {
  const settled = useDebounced(JSON.stringify(request));
  return useQuery({
    queryKey: ["estimate", settled],
    queryFn: async () =>
      unwrap(await api.POST("/api/segments/estimate/", { body: JSON.parse(settled) as EstimateRequest })),
    enabled,
    staleTime: 30_000,
  });
}

export function useExplain(segmentId: string | undefined, contactId: string | null) {
  return useQuery({
    queryKey: ["explain", segmentId, contactId],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/segments/{segment_id}/explain/{contact_id}/", {
          params: { path: { segment_id: segmentId!, contact_id: contactId! } },
        }),
      ),
    enabled: Boolean(segmentId && contactId),
  });
}
