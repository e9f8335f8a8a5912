import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/http";
import type { components } from "../../client/schema";

export type Variant = components["schemas"]["VariantRead"];
export type VariantResults = components["schemas"]["VariantResults"];

/** The most the weights of a campaign's variants may add up to. */
export const MAX_TOTAL_WEIGHT = 100;

export function useVariants(campaignId: string) {
  return useQuery({
    queryKey: ["campaign", campaignId, "variants"],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/campaigns/{campaign_id}/variants/", {
          params: { path: { campaign_id: campaignId }, query: { page_size: 100 } },
        }),
      ),
  });
}

export function useVariantResults(campaignId: string) {
  return useQuery({
    queryKey: ["campaign", campaignId, "variant-results"],
    queryFn: async () =>
      unwrap(await api.GET("/api/campaigns/{campaign_id}/variants/results/", { params: { path: { campaign_id: campaignId } } })),
  });
}
