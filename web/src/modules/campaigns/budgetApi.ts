import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/http";
import type { components } from "../../client/schema";

type TemplateType = components["schemas"]["TemplateType"];

export function useBudgets() {
  return useQuery({
    queryKey: ["budgets"],
    queryFn: async () => unwrap(await api.GET("/api/campaign-budgets/", { params: { query: { is_active: true, page_size: 100 } } })),
  });
}

/** A fiscal year's budget position; `enabled` false for a user who may not see budgets. */
export function useFiscalYear(year: number, currency: string, enabled = true) {
  return useQuery({
    queryKey: ["fiscal-year", year, currency],
    enabled,
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

/** The template types a campaign on each channel can use, as the API checks them (a landing
 * page backs any digital message); a multi-channel campaign can use every type. */
export const CHANNEL_TEMPLATE_TYPES: Record<string, readonly TemplateType[]> = {
  email: ["email", "landing_page"],
  sms: ["sms", "landing_page"],
  social: ["social", "landing_page"],
  direct_mail: ["direct_mail"],
};

/** The active templates; with a channel, only those of a type that channel can use. */
export function useTemplates(channel?: string) {
  const types = channel ? CHANNEL_TEMPLATE_TYPES[channel] : undefined;
  return useQuery({
    queryKey: ["templates", ...(types ?? [])],
    queryFn: async () => {
      const read = async (template_type?: TemplateType) =>
        unwrap(
          await api.GET("/api/campaign-templates/", {
            params: { query: { is_active: true, page_size: 100, ...(template_type ? { template_type } : {}) } },
          }),
        );
      if (!types) return read();
      const pages = await Promise.all(types.map((type) => read(type)));
      return { ...pages[0], items: pages.flatMap((page) => page.items), total: pages.reduce((sum, page) => sum + page.total, 0) };
    },
  });
}
