import { useId } from "react";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { formatNumber } from "../../../ui/format";
import { useAuth } from "../../auth/useAuth";
import { useBudgetForecast } from "../api";

export type LaunchBudgetCheckProps = {
  campaignId: string;
  overrideReason: string;
  onOverrideReasonChange: (reason: string) => void;
};

function money(amount: string, currency: string): string {
  return `${Number(amount).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
}

/** The launch's forecast cost against the campaign's remaining budget; when it does not fit,
 * an approver may give a reason to launch anyway. */
export function LaunchBudgetCheck({ campaignId, overrideReason, onOverrideReasonChange }: LaunchBudgetCheckProps) {
  const { can } = useAuth();
  const reasonId = useId();
  const { data: forecast, error, isLoading } = useBudgetForecast(campaignId, can("view_budget"));
  if (!can("view_budget")) return null;
  if (isLoading) return <p role="status">Working out the launch's cost…</p>;
  if (error || !forecast) return <ErrorNotice error={error} />;
  const over = !forecast.within_budget;
  return (
    <div className={over ? "notice notice-error" : "notice"} data-testid="budget-check">
      <dl className="stats">
        <div>
          <dt>Audience</dt>
          <dd>{formatNumber(forecast.audience)}</dd>
        </div>
        <div>
          <dt>Forecast cost</dt>
          <dd data-testid="forecast-cost">{money(forecast.forecast_cost, forecast.currency_code)}</dd>
        </div>
        <div>
          <dt>Remaining budget</dt>
          <dd data-testid="remaining-budget">{money(forecast.remaining, forecast.currency_code)}</dd>
        </div>
      </dl>
      {over && (
        <p role="alert">
          The forecast exceeds the {forecast.limited_by === "shared_budget" ? "shared budgets' remaining money" : "campaign's remaining budget"}: the launch
          will be refused{can("approve_campaign") ? " unless you override it." : ". Ask an approver to override it."}
        </p>
      )}
      {over && can("approve_campaign") && (
        <div className="field">
          <label htmlFor={reasonId}>Override reason</label>
          <textarea
            id={reasonId}
            value={overrideReason}
            maxLength={500}
            onChange={(event) => onOverrideReasonChange(event.target.value)}
            placeholder="Why this launch may go over budget (recorded in the audit log)"
          />
        </div>
      )}
    </div>
  );
}
