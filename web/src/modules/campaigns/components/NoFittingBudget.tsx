export type NoFittingBudgetProps = { fiscalYear: number; currency: string };

/** Why no budget is offered: the API takes allocations only from budgets of the campaign's
 * fiscal year and currency. */
export function NoFittingBudget({ fiscalYear, currency }: NoFittingBudgetProps) {
  return (
    <p className="notice" data-testid="no-fitting-budget">
      No active {currency} budget for fiscal year {fiscalYear}: a campaign draws only from budgets of the fiscal year its start
      falls in, in its own currency.
    </p>
  );
}
