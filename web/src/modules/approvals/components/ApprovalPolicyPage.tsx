import { useEffect, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { useAuth } from "../../auth/useAuth";
import { saveApprovalPolicy, useApprovalPolicy, type ApprovalPolicyWrite } from "../api";

const ROLES = ["", "admin", "marketing_manager", "campaign_specialist", "marketing_analyst", "finance", "executive", "sales"] as const;
type StepDraft = { name: string; role: string; min_total_budget: string };

/** The company's approval chain and audience drift threshold (admins edit, everyone reads). */
export function ApprovalPolicyPage() {
  const queryClient = useQueryClient();
  const { can } = useAuth();
  // The API takes a new policy from user administrators only.
  const editable = can("manage_users");
  const { data, error } = useApprovalPolicy();
  const [steps, setSteps] = useState<StepDraft[]>([]);
  const [threshold, setThreshold] = useState("");
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!data) return;
    setSteps(data.steps.map((s) => ({ name: s.name, role: s.role ?? "", min_total_budget: s.min_total_budget ?? "" })));
    setThreshold(data.drift_threshold_percent ?? "");
  }, [data]);

  const update = (index: number, field: keyof StepDraft, value: string) =>
    setSteps((current) => current.map((step, i) => (i === index ? { ...step, [field]: value } : step)));

  const handleSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setSaveError(null);
    const body = {
      steps: steps.map((s) => ({
        name: s.name,
        role: s.role || null,
        min_total_budget: s.min_total_budget || null,
      })),
      drift_threshold_percent: threshold || null,
    } as ApprovalPolicyWrite;
    try {
      await saveApprovalPolicy(body);
      toast.success("Approval policy saved.");
      await queryClient.invalidateQueries({ queryKey: ["approval-policy"] });
    } catch (caught) {
      setSaveError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="policy-title">
      <h1 id="policy-title">Approval policy</h1>
      <ErrorNotice error={error ?? saveError} />
      {!data ? (
        <p role="status">Loading…</p>
      ) : (
        <form onSubmit={(e) => void handleSubmit(e)}>
          <p className="muted">
            Steps are approved in order, each by a different person; a step with an amount applies only to budgets above it.
          </p>
          {!editable && <p className="notice">You do not have permission to change the approval policy: it is shown for reading.</p>}
          <fieldset className="plain" disabled={!editable}>
            <ol className="chain">
              {steps.map((step, index) => (
                <li key={index}>
                  <fieldset>
                    <legend>Step {index + 1}</legend>
                    <label>
                      Step {index + 1} name
                      <input required maxLength={100} value={step.name} onChange={(e) => update(index, "name", e.target.value)} />
                    </label>
                    <label>
                      Step {index + 1} role
                      <select value={step.role} onChange={(e) => update(index, "role", e.target.value)}>
                        {ROLES.map((role) => (
                          <option key={role} value={role}>
                            {role ? role.replace(/_/g, " ") : "any approver"}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label>
                      Step {index + 1} applies above budget
                      <input inputMode="decimal" value={step.min_total_budget} onChange={(e) => update(index, "min_total_budget", e.target.value)} />
                    </label>
                    {editable && (
                      <button type="button" className="danger" disabled={steps.length === 1} onClick={() => setSteps((s) => s.filter((_, i) => i !== index))}>
                        Remove step {index + 1}
                      </button>
                    )}
                  </fieldset>
                </li>
              ))}
            </ol>
            {editable && (
              <div className="actions">
                <button type="button" disabled={steps.length >= 10} onClick={() => setSteps((s) => [...s, { name: "", role: "", min_total_budget: "" }])}>
                  Add a step
                </button>
              </div>
            )}
            <label>
              Audience drift limit (%)
              <input inputMode="decimal" value={threshold} onChange={(e) => setThreshold(e.target.value)} />
            </label>
          </fieldset>
          {editable && (
            <div className="actions">
              <button type="submit" disabled={saving}>
                Save policy
              </button>
            </div>
          )}
        </form>
      )}
    </section>
  );
}
