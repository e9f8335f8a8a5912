import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/http";
import type { components } from "../../client/schema";

export type Hierarchy = components["schemas"]["HierarchyRead"];
export type HierarchyNode = components["schemas"]["HierarchyNode"];
export type Rollup = components["schemas"]["Rollup"];
export type Roi = components["schemas"]["RoiRead"];
export type AttributionModel = components["schemas"]["AttributionModel"];

export const ATTRIBUTION_MODELS: { value: AttributionModel; label: string }[] = [
  { value: "last_touch", label: "Last touch" },
  { value: "first_touch", label: "First touch" },
  { value: "linear", label: "Linear" },
];

export function useHierarchy(campaignId: string) {
  return useQuery({
    queryKey: ["campaign", campaignId, "hierarchy"],
    queryFn: async () =>
      unwrap(await api.GET("/api/campaigns/{campaign_id}/hierarchy/", { params: { path: { campaign_id: campaignId } } })),
  });
}

export function useRoi(campaignId: string, model: AttributionModel, enabled: boolean) {
  return useQuery({
    queryKey: ["campaign", campaignId, "roi", model],
    enabled,
    queryFn: async () =>
      unwrap(
        await api.GET("/api/campaigns/{campaign_id}/roi/", {
          params: { path: { campaign_id: campaignId }, query: { model } },
        }),
      ),
  });
}

/** Campaigns that may become the parent: the company's 200 newest. */
export function useParentChoices() {
  return useQuery({
    queryKey: ["campaigns", "parent-choices"],
    queryFn: async () =>
      unwrap(await api.GET("/api/campaigns/", { params: { query: { page_size: 200 } } })),
  });
}

export function useSetParent(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (parentId: string | null) =>
      unwrap(
        await api.PUT("/api/campaigns/{campaign_id}/parent/", {
          params: { path: { campaign_id: campaignId } },
          body: { parent_campaign_id: parentId },
        }),
      ),
    onSuccess: async () => {
      // Every campaign's tree and roll-up may have changed.
      await queryClient.invalidateQueries({ queryKey: ["campaign"] });
      await queryClient.invalidateQueries({ queryKey: ["campaigns"] });
    },
  });
}
