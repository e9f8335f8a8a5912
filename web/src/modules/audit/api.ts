import { useQuery } from "@tanstack/react-query";
import { api, authFetch, unwrap } from "../../api/http";
import { toApiError } from "../../api/errors";
import type { components } from "../../client/schema";

export type AuditLogEntry = components["schemas"]["AuditLogEntry"];
export type AuditVerification = components["schemas"]["AuditVerification"];

/** A period of chaining time, as ISO 8601 instants; either side may be open. */
export type AuditPeriod = { from?: string; to?: string };

function periodQuery(period: AuditPeriod) {
  return {
    ...(period.from ? { from: period.from } : {}),
    ...(period.to ? { to: period.to } : {}),
  };
}

export function useAuditLog(period: AuditPeriod, page: number) {
  return useQuery({
    queryKey: ["audit", "log", period, page],
    queryFn: async () =>
      unwrap(await api.GET("/api/audit/", { params: { query: { ...periodQuery(period), page, page_size: 50 } } })),
  });
}

export async function verifyAuditLog(period: AuditPeriod): Promise<AuditVerification> {
  return unwrap(await api.GET("/api/audit/verify/", { params: { query: periodQuery(period) } }));
}

/** The period's export (JSON lines) as a file name and its contents. */
export async function exportAuditLog(period: AuditPeriod): Promise<{ name: string; blob: Blob }> {
  const query = new URLSearchParams(periodQuery(period)).toString();
  const response = await authFetch(new Request(`${window.location.origin}/api/audit/export/${query ? `?${query}` : ""}`));
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => undefined));
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "audit.jsonl";
  return { name, blob: await response.blob() };
}
