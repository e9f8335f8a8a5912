import { useState } from "react";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { formatNumber } from "../../../ui/format";
import { useAuth } from "../../auth/useAuth";
import { useEstimate, useExplain } from "../api";
import { CRITERIA_TYPES, rulesToCriteria, type SegmentRules } from "../rules";
import { RuleGroupEditor } from "./RuleGroupEditor";

export type SegmentBuilderProps = {
  rules: SegmentRules;
  onChange: (rules: SegmentRules) => void;
  channel?: string;
  campaignId?: string;
  /** A saved segment's id: enables "why is this contact in or out". */
  segmentId?: string;
  /** Marks the conditions still lacking a value (once a save or Next found them). */
  markIncomplete?: boolean;
};

/** Rule groups for the four criteria types and a live (debounced) audience estimate. */
export function SegmentBuilder({ rules, onChange, channel, campaignId, segmentId, markIncomplete = false }: SegmentBuilderProps) {
  const { can } = useAuth();
  const [exact, setExact] = useState(false);
  const [explainId, setExplainId] = useState<string | null>(null);
  const estimate = useEstimate({
    ...rulesToCriteria(rules),
    channel: (channel as never) ?? null,
    campaign_id: campaignId ?? null,
    sample_size: 5,
    exact,
  });
  const explain = useExplain(segmentId, explainId);
  const data = estimate.data;

  return (
    <div className="segment-builder">
      <div className="groups">
        {CRITERIA_TYPES.map((type) => (
          <RuleGroupEditor
            key={type}
            type={type}
            group={rules[type]}
            markIncomplete={markIncomplete}
            onChange={(group) => onChange({ ...rules, [type]: group })}
          />
        ))}
      </div>
      <aside className="estimate" aria-labelledby="estimate-title">
        <h3 id="estimate-title">Audience estimate</h3>
        <ErrorNotice error={estimate.error} />
        <div aria-live="polite" aria-busy={estimate.isFetching}>
          {data ? (
            <>
              <p className="big" data-testid="estimate-count">
                {formatNumber(data.count)} <span className="muted">sendable</span>
              </p>
              <p>
                {formatNumber(data.matched)} match the rules; excluded: {formatNumber(data.excluded.no_consent)} without
                consent{channel ? ` for ${channel}` : ""}, {formatNumber(data.excluded.suppressed)} suppressed,{" "}
                {formatNumber(data.excluded.no_address)} without an address{channel ? ` for ${channel}` : ""}.
              </p>
              <p className="muted">
                {data.exact
                  ? "Exact count."
                  : `Estimated from a ${Math.round(data.sample_fraction * 100)} % sample: ${formatNumber(
                      data.count_range[0],
                    )}–${formatNumber(data.count_range[1])}.`}{" "}
                ({data.took_ms} ms)
              </p>
            </>
          ) : (
            <p>{estimate.isFetching ? "Estimating…" : "Add conditions to see the audience."}</p>
          )}
        </div>
        <label className="inline">
          <input type="checkbox" checked={exact} onChange={(e) => setExact(e.target.checked)} /> Exact count
        </label>
        {data && data.sample.length > 0 && (
          <>
            <h4>Sample of matching contacts</h4>
            {!can("view_pii") && <p className="muted">Contact details are masked without the PII permission.</p>}
            <ul className="sample">
              {data.sample.map((contact) => {
                const c = contact as { id: string; email?: string; first_name?: string; last_name?: string; city?: string; country?: string };
                return (
                  <li key={c.id}>
                    <span>
                      {c.first_name} {c.last_name} · {c.email} · {c.city ?? ""} {c.country ?? ""}
                    </span>
                    {segmentId && (
                      <button type="button" className="link" onClick={() => setExplainId(c.id)}>
                        Why?
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        )}
        {segmentId && (
          <form
            className="explain-form"
            onSubmit={(e) => {
              e.preventDefault();
              const value = new FormData(e.currentTarget).get("contact") as string;
              setExplainId(value.trim() || null);
            }}
          >
            <label>
              Why is this contact in or out? (contact id)
              <input name="contact" aria-describedby="explain-hint" />
            </label>
            <p id="explain-hint" className="hint">
              Explained against the segment as last saved; save to explain edited rules.
            </p>
            <button type="submit" className="secondary">
              Explain
            </button>
          </form>
        )}
        <ErrorNotice error={explain.error} />
        {explain.data && (
          <p role="status" className="notice">
            {explain.data.in_segment ? "In the segment: " : "Not in the segment: "}
            {explain.data.summary}
          </p>
        )}
      </aside>
    </div>
  );
}
