import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/http";
import type { components } from "../../client/schema";

export type ApprovalState = components["schemas"]["CampaignApprovalState"];
export type ContentChange = components["schemas"]["ContentChange"];
export type AudienceDrift = components["schemas"]["AudienceDrift"];
export type ApprovalPolicy = components["schemas"]["ApprovalPolicyRead"];
export type ApprovalPolicyWrite = components["schemas"]["ApprovalPolicyWrite"];

/** The approval chain, standing approvals and the diff since approval; refetched with each version. */
export function useApprovalState(campaignId: string, version: number) {
  return useQuery({
    queryKey: ["campaign", campaignId, "approval", version],
    queryFn: async () =>
      unwrap(await api.GET("/api/campaigns/{campaign_id}/approval/", { params: { path: { campaign_id: campaignId } } })),
  });
}

/** Contacts added to and removed from the audience since the campaign was approved. */
export function useAudienceDrift(campaignId: string, version: number) {
  return useQuery({
    queryKey: ["campaign", campaignId, "audience-drift", version],
    queryFn: async () =>
      unwrap(await api.GET("/api/campaigns/{campaign_id}/audience-drift/", { params: { path: { campaign_id: campaignId } } })),
  });
}

export function useApprovalPolicy() {
  return useQuery({
    queryKey: ["approval-policy"],
    queryFn: async () => unwrap(await api.GET("/api/approval-policy/")),
  });
}

export async function saveApprovalPolicy(body: ApprovalPolicyWrite): Promise<ApprovalPolicy> {
  return unwrap(await api.PUT("/api/approval-policy/", { body }));
}
