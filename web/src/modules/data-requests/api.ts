import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/http";
import type { components } from "../../client/schema";

export type ContactRead = components["schemas"]["ContactRead"];
export type DataSubjectRequest = components["schemas"]["DataSubjectRequestRead"];
export type LegalHold = components["schemas"]["LegalHoldRead"];
export type RetentionPolicies = components["schemas"]["RetentionPolicies"];
export type RetentionReport = components["schemas"]["RetentionReportRead"];
export type ErasureReport = components["schemas"]["ErasureReport"];

export const DATA_CLASSES: { key: keyof RetentionPolicies; label: string }[] = [
  { key: "events", label: "Behavioural events" },
  { key: "deliveries", label: "Deliveries" },
  { key: "rendered_messages", label: "Rendered messages" },
  { key: "audit", label: "Audit log" },
];

/** Contacts matching an address (email with "@") or an external id. */
export function useContactSearch(term: string) {
  const query = term.includes("@") ? { email: term } : { external_id: term };
  return useQuery({
    queryKey: ["data-requests", "contacts", term],
    enabled: term.length > 0,
    queryFn: async () => unwrap(await api.GET("/api/contacts/", { params: { query } })),
  });
}

export function useRequestLog() {
  return useQuery({
    queryKey: ["data-requests", "log"],
    queryFn: async () =>
      unwrap(await api.GET("/api/contacts/privacy/requests/", { params: { query: { page_size: 50 } } })),
  });
}

export function useLegalHolds() {
  return useQuery({
    queryKey: ["data-requests", "holds"],
    queryFn: async () =>
      unwrap(await api.GET("/api/contacts/privacy/legal-holds/", { params: { query: { active: true } } })),
  });
}

export function useRetention() {
  return useQuery({
    queryKey: ["data-requests", "retention"],
    queryFn: async () => unwrap(await api.GET("/api/contacts/privacy/retention/")),
  });
}

function useRefreshAll() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ["data-requests"] });
}

/** Everything held about a contact, fetched as JSON for a download. */
export async function exportContact(contactId: string) {
  return unwrap(
    await api.GET("/api/contacts/{contact_id}/export/", { params: { path: { contact_id: contactId } } }),
  );
}

export function useErase() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: async (contactId: string) =>
      unwrap(await api.POST("/api/contacts/{contact_id}/erase/", { params: { path: { contact_id: contactId } } })),
    onSettled: refresh,
  });
}

export function usePlaceHold() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: async (body: { contact_id: string; reason: string }) =>
      unwrap(await api.POST("/api/contacts/privacy/legal-holds/", { body })),
    onSettled: refresh,
  });
}

export function useReleaseHold() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: async ({ holdId, reason }: { holdId: string; reason: string }) =>
      unwrap(
        await api.POST("/api/contacts/privacy/legal-holds/{hold_id}/release/", {
          params: { path: { hold_id: holdId } },
          body: { reason },
        }),
      ),
    onSettled: refresh,
  });
}

export function useSaveRetention() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: async (body: RetentionPolicies) =>
      unwrap(await api.PUT("/api/contacts/privacy/retention/", { body })),
    onSettled: refresh,
  });
}

export async function retentionDryRun() {
  return unwrap(await api.GET("/api/contacts/privacy/retention/dry-run/"));
}
