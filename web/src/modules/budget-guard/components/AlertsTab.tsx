import { useEffect, useState } from "react";
import { toast } from "sonner";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { formatDate } from "../../../ui/format";
import { useAuth } from "../../auth/useAuth";
import { type AlertRule, useAlertThresholds, useCampaignAlerts, useSaveAlertThresholds } from "../api";

export type AlertsTabProps = { campaignId: string };

const METRICS: { value: AlertRule["metric"]; label: string; hint: string }[] = [
  { value: "bounce_rate", label: "Bounce rate", hint: "fraction of sent, e.g. 0.05" },
  { value: "unsubscribe_rate", label: "Unsubscribe rate", hint: "fraction of sent, e.g. 0.01" },
  { value: "failure_rate", label: "Failure rate", hint: "fraction of attempts, e.g. 0.2" },
  { value: "spend_pace", label: "Spend pace", hint: "ratio to schedule, e.g. 1.5" },
];
const SEVERITIES = ["info", "warning", "critical"] as const;
type Severity = (typeof SEVERITIES)[number];

type Row = { enabled: boolean; threshold: string; severity: Severity; min_sent: string };

function rowsOf(rules: AlertRule[]): Record<string, Row> {
  return Object.fromEntries(
    METRICS.map(({ value }) => {
      const rule = rules.find((r) => r.metric === value);
      return [
        value,
        {
          enabled: Boolean(rule),
          threshold: rule ? String(rule.threshold) : "",
          severity: (rule?.severity ?? "warning") as Severity,
          min_sent: String(rule?.min_sent ?? 100),
        },
      ];
    }),
  );
}

/** A campaign's performance thresholds and the alerts raised on it (budget and performance). */
export function AlertsTab({ campaignId }: AlertsTabProps) {
  const { can } = useAuth();
  const thresholds = useAlertThresholds(campaignId);
  const alerts = useCampaignAlerts(campaignId);
  const save = useSaveAlertThresholds(campaignId);
  const [rows, setRows] = useState<Record<string, Row>>(() => rowsOf([]));
  const [pauseAt, setPauseAt] = useState<string>("");
  const editable = can("update_campaign");

  useEffect(() => {
    if (!thresholds.data) return;
    setRows(rowsOf(thresholds.data.rules));
    setPauseAt(thresholds.data.pause_at_severity ?? "");
  }, [thresholds.data]);

  const update = (metric: string, change: Partial<Row>) => setRows((current) => ({ ...current, [metric]: { ...current[metric], ...change } }));

  const handleSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    const rules = METRICS.filter(({ value }) => rows[value].enabled).map(({ value }) => ({
      metric: value,
      threshold: rows[value].threshold,
      severity: rows[value].severity,
      min_sent: Number(rows[value].min_sent || 0),
    }));
    try {
      await save.mutateAsync({ rules, pause_at_severity: (pauseAt || null) as Severity | null });
      toast.success("Alert thresholds saved.");
    } catch {
      // shown below
    }
  };

  return (
    <div className="tab-panel">
      <section aria-labelledby="thresholds-title" className="card">
        <h2 id="thresholds-title">Performance thresholds</h2>
        <ErrorNotice error={thresholds.error ?? save.error} />
        <form onSubmit={(event) => void handleSubmit(event)}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Threshold</th>
                <th scope="col">Severity</th>
                <th scope="col">After sent</th>
              </tr>
            </thead>
            <tbody>
              {METRICS.map(({ value, label, hint }) => (
                <tr key={value}>
                  <td>
                    <label>
                      <input
                        type="checkbox"
                        checked={rows[value].enabled}
                        disabled={!editable}
                        onChange={(event) => update(value, { enabled: event.target.checked })}
                      />{" "}
                      {label}
                    </label>
                  </td>
                  <td>
                    <input
                      aria-label={`${label} threshold`}
                      inputMode="decimal"
                      placeholder={hint}
                      value={rows[value].threshold}
                      disabled={!editable || !rows[value].enabled}
                      onChange={(event) => update(value, { threshold: event.target.value })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={`${label} severity`}
                      value={rows[value].severity}
                      disabled={!editable || !rows[value].enabled}
                      onChange={(event) => update(value, { severity: event.target.value as Severity })}
                    >
                      {SEVERITIES.map((severity) => (
                        <option key={severity} value={severity}>
                          {severity}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      aria-label={`${label} minimum sent`}
                      inputMode="numeric"
                      value={rows[value].min_sent}
                      disabled={!editable || !rows[value].enabled}
                      onChange={(event) => update(value, { min_sent: event.target.value })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="field">
            <label htmlFor="pause-at">Pause the campaign on</label>
            <select id="pause-at" value={pauseAt} disabled={!editable} onChange={(event) => setPauseAt(event.target.value)}>
              <option value="">never</option>
              {SEVERITIES.map((severity) => (
                <option key={severity} value={severity}>
                  {severity} or worse
                </option>
              ))}
            </select>
          </div>
          {editable && (
            <div className="actions">
              <button type="submit" disabled={save.isPending}>
                Save thresholds
              </button>
            </div>
          )}
        </form>
      </section>
      <section aria-labelledby="alerts-title" className="card">
        <h2 id="alerts-title">Raised alerts</h2>
        <ErrorNotice error={alerts.error} />
        {alerts.data && alerts.data.items.length === 0 && <p className="muted">No alert raised yet.</p>}
        {alerts.data && alerts.data.items.length > 0 && (
          <table className="table" aria-label="Raised alerts">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Kind</th>
                <th scope="col">Metric</th>
                <th scope="col">Severity</th>
                <th scope="col">Observed / threshold</th>
                <th scope="col">Paused</th>
              </tr>
            </thead>
            <tbody>
              {alerts.data.items.map((alert) => (
                <tr key={alert.id}>
                  <td>{formatDate(alert.raised_at)}</td>
                  <td>{alert.alert_kind}</td>
                  <td>{alert.metric}</td>
                  <td>{alert.severity}</td>
                  <td>
                    {Number(alert.observed).toLocaleString(undefined, { maximumFractionDigits: 4 })} /{" "}
                    {Number(alert.threshold).toLocaleString(undefined, { maximumFractionDigits: 4 })}
                  </td>
                  <td>{alert.paused ? "yes" : "no"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
