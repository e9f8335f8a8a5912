import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/http";
import type { components } from "../../client/schema";

export type BudgetForecast = components["schemas"]["BudgetForecast"];
export type AlertThresholds = components["schemas"]["AlertThresholdsRead"];
export type AlertThresholdsWrite = components["schemas"]["AlertThresholdsWrite"];
export type AlertRule = AlertThresholds["rules"][number];
export type CampaignAlert = components["schemas"]["AlertRead"];
export type ChannelCosts = components["schemas"]["ChannelCostsRead"];
export type ChannelCostsWrite = components["schemas"]["ChannelCostsWrite"];

export function useBudgetForecast(campaignId: string, enabled = true) {
  return useQuery({
    queryKey: ["campaign", campaignId, "budget-forecast"],
    enabled,
    queryFn: async () =>
      unwrap(await api.GET("/api/campaigns/{campaign_id}/budget-forecast/", { params: { path: { campaign_id: campaignId } } })),
  });
}

export function useAlertThresholds(campaignId: string) {
  return useQuery({
    queryKey: ["campaign", campaignId, "alert-thresholds"],
    queryFn: async () =>
      unwrap(await api.GET("/api/campaigns/{campaign_id}/alert-thresholds/", { params: { path: { campaign_id: campaignId } } })),
  });
}

export function useSaveAlertThresholds(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: AlertThresholdsWrite) =>
      unwrap(
        await api.PUT("/api/campaigns/{campaign_id}/alert-thresholds/", {
          params: { path: { campaign_id: campaignId } },
          body,
        }),
      ),
    onSuccess: (data) => queryClient.setQueryData(["campaign", campaignId, "alert-thresholds"], data),
  });
}

export function useCampaignAlerts(campaignId: string) {
  return useQuery({
    queryKey: ["campaign", campaignId, "alerts"],
    refetchInterval: 5000,
    queryFn: async () =>
      unwrap(
        await api.GET("/api/campaigns/{campaign_id}/alerts/", {
          params: { path: { campaign_id: campaignId }, query: { page_size: 100 } },
        }),
      ),
  });
}

export function useChannelCosts() {
  return useQuery({
    queryKey: ["channel-costs"],
    queryFn: async () => unwrap(await api.GET("/api/channel-costs/")),
  });
}

export function useSaveChannelCosts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ChannelCostsWrite) => unwrap(await api.PUT("/api/channel-costs/", { body })),
    onSuccess: (data) => queryClient.setQueryData(["channel-costs"], data),
  });
}
