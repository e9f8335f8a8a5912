import { useRef } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, formatNumber } from "../../../ui/format";
import { useAuth } from "../../auth/useAuth";
import type { CampaignDetail } from "../../campaigns/api";
import { useLiveEvent } from "../../live/LiveEvents";
import { VariantResultsChart } from "../../variants/components/VariantResultsChart";

export type PerformanceTabProps = { campaign: CampaignDetail };

const METRICS = ["sent", "delivered", "opens", "clicks", "unsubscribes"] as const;
const pct = (value: number | null | undefined) => (value == null ? "—" : `${(value * 100).toFixed(1)} %`);

/** Sends, deliveries, opens, clicks and unsubscribes per channel, and spend against budget; live. */
export function PerformanceTab({ campaign }: PerformanceTabProps) {
  const queryClient = useQueryClient();
  const { can } = useAuth();
  const lastRefresh = useRef(0);
  useLiveEvent((event) => {
    if (event.data.campaign_id !== campaign.id) return;
    if (!["campaign.launch_progress", "campaign.performance_update", "campaign.launched"].includes(event.type)) return;
    if (Date.now() - lastRefresh.current < 1500) return;
    lastRefresh.current = Date.now();
    void queryClient.invalidateQueries({ queryKey: ["campaign", campaign.id] });
  });

  const performance = campaign.performance;
  if (!performance)
    return (
      <>
        <p>No performance yet: it appears once the campaign sends.</p>
        <VariantResultsChart campaignId={campaign.id} />
      </>
    );
  const totals = performance.totals;
  const byChannel = performance.by_channel.length ? performance.by_channel : [totals];
  const budget = Number(campaign.total_budget ?? 0);
  const spend = Number(totals.spend ?? campaign.actual_spend ?? 0);

  return (
    <div className="performance">
      <dl className="stats" aria-label="Totals">
        {METRICS.map((metric) => (
          <div key={metric}>
            <dt>{metric}</dt>
            <dd data-testid={`metric-${metric}`}>{formatNumber(totals[metric])}</dd>
          </div>
        ))}
        <div>
          <dt>Delivery rate</dt>
          <dd>{pct(performance.delivery_rate)}</dd>
        </div>
        <div>
          <dt>Open rate</dt>
          <dd>{pct(performance.open_rate)}</dd>
        </div>
        <div>
          <dt>Click rate</dt>
          <dd>{pct(performance.click_rate)}</dd>
        </div>
      </dl>
      <figure>
        <figcaption>Messages by channel</figcaption>
        <div className="chart" role="img" aria-label={`Sent ${totals.sent}, delivered ${totals.delivered}, opens ${totals.opens}, clicks ${totals.clicks}, unsubscribes ${totals.unsubscribes}`}>
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={byChannel.map((row) => ({ ...row, name: row.channel }))}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Bar dataKey="sent" fill="#1d4ed8" isAnimationActive={false} />
              <Bar dataKey="delivered" fill="#047857" isAnimationActive={false} />
              <Bar dataKey="opens" fill="#7c3aed" isAnimationActive={false} />
              <Bar dataKey="clicks" fill="#b45309" isAnimationActive={false} />
              <Bar dataKey="unsubscribes" fill="#b91c1c" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure>
        <figcaption>Spend against budget</figcaption>
        {/* Without view_budget the API leaves the amounts out: no chart of zeros. */}
        {can("view_budget") ? (
          <div
            className="chart"
            role="img"
            aria-label={`Spend ${formatMoney(spend, campaign.currency_code)} of budget ${formatMoney(budget, campaign.currency_code)}`}
          >
            <ResponsiveContainer width="100%" height={120}>
              <BarChart layout="vertical" data={[{ name: "Money", spend, budget }]}>
                <XAxis type="number" />
                <YAxis type="category" dataKey="name" hide />
                <Tooltip formatter={(value: number) => formatMoney(value, campaign.currency_code)} />
                <Legend />
                <Bar dataKey="budget" fill="#94a3b8" isAnimationActive={false} />
                <Bar dataKey="spend" fill="#1d4ed8" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        ) : (
          <p className="muted" data-testid="spend-hidden">
            Budgets are not visible to your role: spend against budget is not shown.
          </p>
        )}
      </figure>
      <VariantResultsChart campaignId={campaign.id} />
    </div>
  );
}
