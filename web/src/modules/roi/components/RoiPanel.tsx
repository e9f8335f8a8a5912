import { useState } from "react";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { formatCount, formatMoney, formatNumber } from "../../../ui/format";
import { useAuth } from "../../auth/useAuth";
import { ATTRIBUTION_MODELS, useRoi, type AttributionModel, type Roi } from "../api";

export type RoiPanelProps = { campaignId: string };

function percent(value: string | null | undefined): string {
  return value == null ? "—" : `${value} %`;
}

function verdict(meets: boolean | null | undefined): string {
  if (meets == null) return "";
  return meets ? " (met)" : " (not met)";
}

function RoiFigures({ roi }: { roi: Roi }) {
  const money = (value: string | null | undefined) => (value == null ? "—" : formatMoney(value, roi.currency_code));
  return (
    <dl className="figures" data-testid="roi-figures">
      <dt>Attributed revenue</dt>
      <dd data-testid="roi-revenue">{money(roi.revenue)}</dd>
      <dt>Cost (actual spend)</dt>
      <dd>{money(roi.actual_spend)}</dd>
      <dt>Conversions</dt>
      <dd data-testid="roi-conversions">{formatCount(roi.conversions)}</dd>
      <dt>ROI</dt>
      <dd data-testid="roi-percent">
        {percent(roi.roi_percent)} against a target of {percent(roi.target_roi)}
        {verdict(roi.meets_target_roi)}
      </dd>
      <dt>Cost per click</dt>
      <dd>
        {money(roi.cost_per_click)} ({formatNumber(roi.clicks)} clicks)
      </dd>
      <dt>Cost per conversion</dt>
      <dd data-testid="roi-cost-per-conversion">{money(roi.cost_per_conversion)}</dd>
      <dt>Conversion rate</dt>
      <dd>
        {percent(roi.conversion_rate)} against {percent(roi.expected_conversion_rate)} expected
        {verdict(roi.meets_expected_conversion_rate)}
      </dd>
    </dl>
  );
}

export function RoiPanel({ campaignId }: RoiPanelProps) {
  const { can } = useAuth();
  const [model, setModel] = useState<AttributionModel>("last_touch");
  const allowed = can("view_budget");
  const roi = useRoi(campaignId, model, allowed);
  return (
    <section aria-labelledby="roi-heading">
      <h2 id="roi-heading">Return on investment</h2>
      {!allowed ? (
        <p className="muted">Revenue and cost are shown to people who may see budgets.</p>
      ) : (
        <>
          <label htmlFor="attribution-model">Attribution model</label>{" "}
          <select
            id="attribution-model"
            value={model}
            onChange={(event) => setModel(event.target.value as AttributionModel)}
          >
            {ATTRIBUTION_MODELS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <p className="muted">
            Conversions within the attribution window after a tracked click or a visit tagged with the campaign's code.
          </p>
          {roi.isLoading && <p role="status">Loading the return…</p>}
          <ErrorNotice error={roi.error} />
          {roi.data && <RoiFigures roi={roi.data} />}
        </>
      )}
    </section>
  );
}
