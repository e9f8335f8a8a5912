import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/http";

export function useBudgets() {
  return useQuery({
    queryKey: ["budgets"],
    queryFn: async () => unwrap(await api.GET("/api/campaign-budgets/", { params: { query: { is_active: true, page_size: 100 } } })),
  });
}

export function useFiscalYear(year: number, currency: string) {
  return useQuery({
    queryKey: ["fiscal-year", year, currency],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/campaign-budgets/availability/", {
          params: { query: { fiscal_year: year, currency_code: currency } },
        }),
      ),
  });
}

export function useAllocations(campaignId: string) {
  return useQuery({
    queryKey: ["campaign", campaignId, "budgets"],
    queryFn: async () =>
      unwrap(await api.GET("/api/campaigns/{campaign_id}/budgets/", { params: { path: { campaign_id: campaignId } } })),
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: ["templates"],
    queryFn: async () =>
      unwrap(await api.GET("/api/campaign-templates/", { params: { query: { is_active: true, page_size: 100 } } })),
  });
}
