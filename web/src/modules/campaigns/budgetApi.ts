import { useQuery, type QueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/http";
import type { components } from "../../client/schema";
import { useAuth } from "../auth/useAuth";

type TemplateType = components["schemas"]["TemplateType"];

/** Which budgets a campaign can draw from: those of its fiscal year and currency. */
export type BudgetFit = { fiscalYear: number; currency: string };

/** The active budgets a campaign can draw from (the API refuses an allocation from a budget of
 * another fiscal year or currency); `fit` null while the campaign's year is not known. */
export function useBudgets(fit: BudgetFit | null) {
  return useQuery({
    queryKey: ["budgets", fit?.fiscalYear, fit?.currency],
    enabled: fit !== null,
    queryFn: async () =>
      unwrap(
        await api.GET("/api/campaign-budgets/", {
          params: {
            query: { is_active: true, page_size: 100, fiscal_year: fit!.fiscalYear, currency_code: fit!.currency },
          },
        }),
      ),
  });
}

/** The fiscal year `moment` falls in, as the API decides it (in UTC, named after the calendar
 * year it starts in). `yearStart`: the start of the fiscal year named after the moment's
 * calendar year (its availability's `period_start`), which gives the company's first month;
 * without it, fiscal years are calendar years (the API's default). */
export function fiscalYearOf(moment: Date, yearStart?: string | null): number {
  const year = moment.getUTCFullYear();
  const startMonth = yearStart ? new Date(yearStart).getUTCMonth() : 0;
  return Number.isFinite(startMonth) && moment.getUTCMonth() < startMonth ? year - 1 : year;
}

/** The fiscal year of a campaign starting at `start` (an instant, or a datetime-local value),
 * null while it is not a date or is being worked out. The company's first month comes from the
 * availability of the fiscal year named after the start's calendar year; a user who may not
 * see budgets gets calendar years. */
export function useCampaignFiscalYear(start: string, currency: string): number | null {
  const { can, isLoading } = useAuth();
  const moment = new Date(start);
  const valid = Boolean(start) && Number.isFinite(moment.getTime());
  const calendarYear = valid ? moment.getUTCFullYear() : 0;
  const asked = valid && can("view_budget") && /^[A-Z]{3}$/.test(currency);
  const position = useFiscalYear(calendarYear, currency, asked);
  if (!valid || isLoading || (asked && position.data === undefined && !position.isError)) return null;
  return fiscalYearOf(moment, position.data?.period_start);
}

/** Live events that change a fiscal year's position: its budgets, what campaigns draw from
 * them or hold (a budget, dates or currency changed, a campaign that ended or went away). */
export const FISCAL_YEAR_EVENTS = new Set([
  "campaign_budget.created",
  "campaign_budget.updated",
  "campaign.budget_allocated",
  "campaign.budget_released",
  "campaign.created",
  "campaign.updated",
  "campaign.deleted",
  "campaign.status_changed",
  "campaign.launched",
]);

/** After a change to budgets or a campaign's money: every fiscal year's position is read again,
 * and the budgets on offer. */
export async function invalidateBudgets(queryClient: QueryClient) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ["fiscal-year"] }),
    queryClient.invalidateQueries({ queryKey: ["budgets"] }),
  ]);
}

/** A fiscal year's budget position; `enabled` false for a user who may not see budgets. Kept
 * current by invalidation (invalidateBudgets after a change here, FISCAL_YEAR_EVENTS from
 * others), so a summary shown again within a minute is not read twice. */
export function useFiscalYear(year: number, currency: string, enabled = true) {
  return useQuery({
    queryKey: ["fiscal-year", year, currency],
    enabled,
    staleTime: 60_000,
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
