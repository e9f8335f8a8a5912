import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/http";
import type { components } from "../../client/schema";

export type ConsentState = components["schemas"]["ConsentState"];
export type ConsentHistoryPage = components["schemas"]["ConsentHistoryPage"];
export type ConsentSummary = components["schemas"]["ConsentSummary"];
export type PrivacySettings = components["schemas"]["PrivacySettings"];
export type PrivacySettingsUpdate = components["schemas"]["PrivacySettingsUpdate"];

export const RESIDENCY_REGIONS = [
  { value: "eu", label: "European Union" },
  { value: "us", label: "United States" },
  { value: "ca", label: "Canada" },
  { value: "uk", label: "United Kingdom" },
  { value: "apac", label: "Asia-Pacific" },
] as const;

/** The contacts whose external id is `externalId` (exact match; at most one). */
export function useContactLookup(externalId: string) {
  return useQuery({
    queryKey: ["privacy", "contact", externalId],
    enabled: externalId.length > 0,
    queryFn: async () =>
      unwrap(await api.GET("/api/contacts/", { params: { query: { external_id: externalId, page_size: 1 } } })),
  });
}

export function useConsentState(contactId: string | undefined) {
  return useQuery({
    queryKey: ["privacy", "consent", contactId],
    enabled: Boolean(contactId),
    queryFn: async () =>
      unwrap(await api.GET("/api/contacts/{contact_id}/consent/", { params: { path: { contact_id: contactId ?? "" } } })),
  });
}

export function useConsentHistory(contactId: string | undefined, page: number) {
  return useQuery({
    queryKey: ["privacy", "history", contactId, page],
    enabled: Boolean(contactId),
    queryFn: async () =>
      unwrap(
        await api.GET("/api/contacts/{contact_id}/consents/history/", {
          params: { path: { contact_id: contactId ?? "" }, query: { page, page_size: 20 } },
        }),
      ),
  });
}

export function useConsentSummary(campaignId: string) {
  return useQuery({
    queryKey: ["campaign", campaignId, "consent-summary"],
    enabled: campaignId.length > 0,
    queryFn: async () =>
      unwrap(
        await api.GET("/api/campaigns/{campaign_id}/consent-summary/", { params: { path: { campaign_id: campaignId } } }),
      ),
  });
}

export function usePrivacySettings() {
  return useQuery({
    queryKey: ["privacy", "settings"],
    queryFn: async () => unwrap(await api.GET("/api/privacy/settings/")),
  });
}

export function useSavePrivacySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PrivacySettingsUpdate) => unwrap(await api.PUT("/api/privacy/settings/", { body })),
    onSuccess: (saved) => queryClient.setQueryData(["privacy", "settings"], saved),
  });
}
