import { ErrorNotice } from "../../../ui/ErrorNotice";
import { useApprovalState, type ContentChange } from "../api";

export type ApprovalGovernanceProps = { campaignId: string; version: number };

function shown(value: unknown): string {
  if (value === null || value === undefined) return "—";
  return typeof value === "string" ? `"${value}"` : JSON.stringify(value);
}

function ChangeRow({ change }: { change: ContentChange }) {
  return (
    <tr>
      <th scope="row">
        <code>{change.path}</code>
      </th>
      <td>{change.change}</td>
      <td>{shown(change.before)}</td>
      <td>{shown(change.after)}</td>
    </tr>
  );
}

/** The approval chain with each step's approver, and what changed since the approved version. */
export function ApprovalGovernance({ campaignId, version }: ApprovalGovernanceProps) {
  const { data, error } = useApprovalState(campaignId, version);
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <p role="status">Loading the approval chain…</p>;
  const changes = data.changes_since_approval;
  return (
    <div className="governance">
      <h2 id="chain-title">Approval chain</h2>
      <ol aria-labelledby="chain-title" className="chain">
        {data.chain.map((step) => (
          <li key={step.step_index} aria-label={`Step ${step.step_index + 1}: ${step.name}`}>
            <strong>{step.name}</strong>
            {step.role && <span className="muted"> · {step.role.replace(/_/g, " ")}</span>}
            {step.min_total_budget && <span className="muted"> · above {step.min_total_budget}</span>}
            {" — "}
            {!step.required
              ? "not needed for this budget"
              : step.approval
                ? `approved ${new Date(step.approval.created_at).toLocaleString()}${step.approval.comment ? `: “${step.approval.comment}”` : ""}`
                : data.next_step?.step_index === step.step_index
                  ? "waiting for this step"
                  : "to do"}
          </li>
        ))}
      </ol>
      {data.approved_fingerprint && (
        <p className="muted">
          Approved content fingerprint <code title={data.approved_fingerprint}>{data.approved_fingerprint.slice(0, 12)}</code>
          {data.content_matches_approval ? " — the content still matches." : ` — now ${data.fingerprint.slice(0, 12)}.`}
        </p>
      )}
      {changes.length > 0 && (
        <section aria-labelledby="diff-title">
          <h2 id="diff-title">Changed since the approved version</h2>
          <table className="diff">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Change</th>
                <th scope="col">Approved</th>
                <th scope="col">Now</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <ChangeRow key={change.path} change={change} />
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
