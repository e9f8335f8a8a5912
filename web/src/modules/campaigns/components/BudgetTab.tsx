import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { api, unwrap } from "../../../api/http";
import { placeFieldErrors } from "../../../api/errors";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { Field } from "../../../ui/Field";
import { StatusChip } from "../../../ui/StatusChip";
import { formatMoney } from "../../../ui/format";
import { useAuth } from "../../auth/useAuth";
import type { CampaignDetail } from "../api";
import { invalidateBudgets, useAllocations, useBudgets, useCampaignFiscalYear } from "../budgetApi";
import { FiscalYearSummary } from "./FiscalYearSummary";
import { NoFittingBudget } from "./NoFittingBudget";

export type BudgetTabProps = { campaign: CampaignDetail };

/** Allocations across budgets, spend against budget, the fiscal year and its approval threshold. */
export function BudgetTab({ campaign }: BudgetTabProps) {
  const queryClient = useQueryClient();
  const { can } = useAuth();
  const allocations = useAllocations(campaign.id);
  const canViewBudget = can("view_budget");
  const currency = campaign.currency_code;
  // Only budgets the campaign can draw from: of the fiscal year its start falls in, in its currency.
  const fiscalYear = useCampaignFiscalYear(campaign.start_date, currency);
  const budgets = useBudgets(fiscalYear !== null ? { fiscalYear, currency } : null);
  const [budgetId, setBudgetId] = useState("");
  const [amount, setAmount] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const spend = Number(campaign.actual_spend ?? 0);
  const total = Number(campaign.total_budget ?? 0);

  const handleAllocate = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    setFieldErrors({});
    try {
      unwrap(
        await api.PUT("/api/campaigns/{campaign_id}/budgets/{budget_id}/", {
          params: { path: { campaign_id: campaign.id, budget_id: budgetId } },
          body: { allocated_amount: amount },
        }),
      );
      setAmount("");
      toast.success("Allocation saved.");
      await queryClient.invalidateQueries({ queryKey: ["campaign", campaign.id] });
      await invalidateBudgets(queryClient);
    } catch (caught) {
      const { fields, rest } = placeFieldErrors(caught, ["budget_id", "allocated_amount"]);
      setFieldErrors(fields);
      if (rest) setError(caught);
    }
  };

  const handleRemove = async (id: string) => {
    setError(null);
    try {
      const result = await api.DELETE("/api/campaigns/{campaign_id}/budgets/{budget_id}/", {
        params: { path: { campaign_id: campaign.id, budget_id: id } },
      });
      unwrap(result);
      await queryClient.invalidateQueries({ queryKey: ["campaign", campaign.id] });
      await invalidateBudgets(queryClient);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <div>
      {fiscalYear === null ? (
        <p role="status">Working out the campaign's fiscal year…</p>
      ) : (
        <FiscalYearSummary year={fiscalYear} currency={currency} />
      )}
      <h3>Spend against budget</h3>
      {canViewBudget ? (
        <>
          <p>
            {formatMoney(spend, currency)} spent of {formatMoney(total || null, currency)}
          </p>
          <progress max={total || 1} value={spend} aria-label="Spend against budget" />
        </>
      ) : (
        <p className="muted">Budgets are not visible to your role: spend against budget is not shown.</p>
      )}
      <ErrorNotice error={allocations.error ?? budgets.error ?? error} />
      <h3>Allocations</h3>
      {allocations.data && (
        <p>
          Allocated {formatMoney(allocations.data.allocated_amount, campaign.currency_code)} · approval{" "}
          <StatusChip status={allocations.data.approval_status} />
          {allocations.data.approval_required && " (needed before launch)"}
        </p>
      )}
      <ul className="list">
        {allocations.data?.items.map((item) => (
          <li key={item.budget_id}>
            {item.budget_name} ({item.budget_code}, FY {item.fiscal_year}): {formatMoney(item.allocated_amount, item.currency_code)}
            {can("update_campaign") && (
              <button type="button" className="link" onClick={() => void handleRemove(item.budget_id)}>
                Remove allocation from {item.budget_name}
              </button>
            )}
          </li>
        ))}
      </ul>
      {can("update_campaign") && (
        <form className="inline-form" onSubmit={(e) => void handleAllocate(e)} aria-label="Allocate from a budget">
          <Field
            label="Budget"
            error={fieldErrors.budget_id}
            hint={fiscalYear !== null ? `Budgets of fiscal year ${fiscalYear} in ${currency}, the campaign's.` : undefined}
          >
            {(p) => (
              <select {...p} required value={budgetId} onChange={(e) => setBudgetId(e.target.value)}>
                <option value="">Choose…</option>
                {budgets.data?.items.map((budget) => (
                  <option key={budget.id} value={budget.id}>
                    {budget.budget_name} ({formatMoney(budget.total_amount, budget.currency_code)})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Amount" error={fieldErrors.allocated_amount}>
            {(p) => <input {...p} required inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />}
          </Field>
          <button type="submit">Allocate</button>
        </form>
      )}
      {can("update_campaign") && fiscalYear !== null && budgets.data?.items.length === 0 && (
        <NoFittingBudget fiscalYear={fiscalYear} currency={currency} />
      )}
    </div>
  );
}
