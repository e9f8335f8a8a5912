import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "../../../ui/format";
import { useVariantResults } from "../api";

export type VariantResultsChartProps = { campaignId: string };

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;

/** Per A/B variant: messages sent, and open and click rates, with the test's winner. */
export function VariantResultsChart({ campaignId }: VariantResultsChartProps) {
  const results = useVariantResults(campaignId);
  const data = results.data;
  if (!data || data.items.length === 0) return null;
  const winner = data.items.find((item) => item.variant_id === data.winner_variant_id);
  const rows = data.items.map((item) => ({
    name: item.variant_name + (item.is_control ? " (control)" : ""),
    sent: item.sent,
    open_rate: Number((item.open_rate * 100).toFixed(1)),
    click_rate: Number((item.click_rate * 100).toFixed(1)),
  }));
  const summary = data.items
    .map((item) => `${item.variant_name}: sent ${item.sent}, open rate ${pct(item.open_rate)}, click rate ${pct(item.click_rate)}`)
    .join("; ");

  return (
    <section aria-labelledby="variant-results-title" className="variant-results">
      <h3 id="variant-results-title">A/B variants</h3>
      {winner && (
        <p data-testid="variant-winner">
          {data.decided_at ? "Winner" : "Leading"}
          {data.metric ? ` by ${data.metric.replace(/_/g, " ")}` : ""}: <strong>{winner.variant_name}</strong>
        </p>
      )}
      {/* Scrolls sideways on a phone; focusable so the keyboard can scroll it too. */}
      <div className="table-wrap" role="region" aria-label="Results per variant" tabIndex={0}>
        <table>
          <caption className="sr-only">Results per variant</caption>
          <thead>
            <tr>
              <th>Variant</th>
              <th>Weight</th>
              <th>Sent</th>
              <th>Opens</th>
              <th>Clicks</th>
              <th>Open rate</th>
              <th>Click rate</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((item) => (
              <tr key={item.variant_id}>
                <td>{item.variant_name + (item.is_control ? " (control)" : "")}</td>
                <td>{item.weight} %</td>
                <td>{formatNumber(item.sent)}</td>
                <td>{formatNumber(item.opens)}</td>
                <td>{formatNumber(item.clicks)}</td>
                <td>{pct(item.open_rate)}</td>
                <td>{pct(item.click_rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <figure>
        <figcaption>Open and click rates by variant (%)</figcaption>
        <div className="chart" role="img" aria-label={summary}>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={rows}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" />
              <YAxis unit=" %" />
              <Tooltip />
              <Legend />
              <Bar dataKey="open_rate" name="open rate" fill="#7c3aed" isAnimationActive={false} />
              <Bar dataKey="click_rate" name="click rate" fill="#b45309" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure>
        <figcaption>Messages sent by variant</figcaption>
        <div className="chart" role="img" aria-label={data.items.map((item) => `${item.variant_name}: ${item.sent} sent`).join("; ")}>
          <ResponsiveContainer width="100%" height={180}>
            <BarChart data={rows}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="sent" fill="#1d4ed8" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </section>
  );
}
