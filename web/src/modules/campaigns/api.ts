import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/http";
import type { components, operations } from "../../client/schema";

export type Campaign = components["schemas"]["CampaignRead"];
export type CampaignDetail = components["schemas"]["CampaignDetail"];
export type CampaignCreate = components["schemas"]["CampaignCreate"];
export type CampaignCreated = components["schemas"]["CampaignCreated"];
export type CampaignListQuery = NonNullable<operations["list_campaigns_api_campaigns__get"]["parameters"]["query"]>;

export const CAMPAIGN_STATUSES = ["draft", "planned", "active", "paused", "completed", "cancelled"] as const;
export const APPROVAL_STATUSES = ["not_required", "pending_approval", "approved", "rejected"] as const;
export const CHANNELS = ["email", "sms", "social", "direct_mail", "multi_channel"] as const;
export const CAMPAIGN_TYPES = [
  "promotional",
  "newsletter",
  "product_launch",
  "event",
  "nurture",
  "retention",
  "reengagement",
  "awareness",
] as const;
export const CAMPAIGN_CATEGORIES = ["acquisition", "engagement", "retention", "brand", "sales", "other"] as const;

export function useCampaignList(query: CampaignListQuery) {
  return useQuery({
    queryKey: ["campaigns", query],
    queryFn: async () => unwrap(await api.GET("/api/campaigns/", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** The campaign as the editor reads it (with its performance), for useQuery or fetchQuery. */
export function campaignQuery(campaignId: string) {
  return {
    queryKey: ["campaign", campaignId],
    queryFn: async () => {
      const result = await api.GET("/api/campaigns/{campaign_id}/", {
        params: { path: { campaign_id: campaignId }, query: { include_performance: true } },
      });
      return unwrap(result);
    },
  };
}

export function useCampaign(campaignId: string) {
  return useQuery(campaignQuery(campaignId));
}
