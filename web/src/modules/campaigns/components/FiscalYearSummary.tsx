import { ApiError } from "../../../api/errors";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { formatMoney } from "../../../ui/format";
import { useAuth } from "../../auth/useAuth";
import { useFiscalYear } from "../budgetApi";

export type FiscalYearSummaryProps = { year: number; currency: string };

/** The fiscal year's budget, what live campaigns hold, what finished ones spent, what is left and
 * the approval threshold;
 * "no budget" only when the year has none in the currency, never for a read that failed. */
export function FiscalYearSummary({ year, currency }: FiscalYearSummaryProps) {
  const { can } = useAuth();
  const visible = can("view_budget");
  const { data, error } = useFiscalYear(year, currency, visible);
  if (!visible || (error instanceof ApiError && error.status === 403))
    return <p className="muted">Budgets are not visible to your role: the fiscal year's figures are not shown.</p>;
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <p role="status">Loading the fiscal year…</p>;
  const held = Number(data.held_by_live_campaigns);
  const spent = Number(data.spent_by_finished_campaigns);
  if (!(Number(data.total_amount) > 0) && !(held > 0) && !(spent > 0))
    return <p className="muted">No {currency} budget for fiscal year {year}.</p>;
  const used = held + spent;
  const total = Number(data.total_amount) || 1;
  return (
    <dl className="stats" aria-label={`Fiscal year ${year}`}>
      <div>
        <dt>Fiscal year {data.fiscal_year}</dt>
        <dd>{formatMoney(data.total_amount, currency)}</dd>
      </div>
      <div>
        <dt>Held by live campaigns</dt>
        <dd>{formatMoney(data.held_by_live_campaigns, currency)}</dd>
      </div>
      <div>
        <dt>Spent by finished campaigns</dt>
        <dd>{formatMoney(data.spent_by_finished_campaigns, currency)}</dd>
      </div>
      <div>
        <dt>Available</dt>
        <dd>{formatMoney(data.available_amount, currency)}</dd>
      </div>
      <div>
        <dt>Approval needed above</dt>
        <dd>{formatMoney(data.approval_threshold, currency)}</dd>
      </div>
      <div className="wide">
        <dt>Used</dt>
        <dd>
          <progress
            max={100}
            value={Math.min(100, (used / total) * 100)}
            aria-label="Share of the year's budget held or spent"
          >
            {Math.round((used / total) * 100)} %
          </progress>
        </dd>
      </div>
    </dl>
  );
}
