import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useNavigate } from "react-router-dom";
import { useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { api, unwrap } from "../../../api/http";
import { placeFieldErrors } from "../../../api/errors";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { formatMoney } from "../../../ui/format";
import { useUnsavedChangesGuard } from "../useUnsavedChangesGuard";
import { useBudgets, useTemplates } from "../budgetApi";
import { DETAILS_FIELDS, detailsSchema, toInstant, type DetailsValues } from "../schema";
import { DetailsFields } from "./DetailsFields";
import { FiscalYearSummary } from "./FiscalYearSummary";
import { SegmentBuilder } from "../../segments/components/SegmentBuilder";
import { emptyRules, hasConditions, rulesToCriteria, segmentTypeOf, type SegmentRules } from "../../segments/rules";
import { toLocalInput } from "../schema";

const STEPS = ["Details", "Template", "Budget", "Segments", "Review"] as const;

function defaults(): DetailsValues {
  const start = new Date(Date.now() + 60 * 60 * 1000);
  const end = new Date(start.getTime() + 14 * 24 * 60 * 60 * 1000);
  return {
    campaign_name: "",
    campaign_code: "",
    description: "",
    campaign_type: "newsletter",
    campaign_category: "engagement",
    primary_channel: "email",
    start_date: toLocalInput(start.toISOString()),
    end_date: toLocalInput(end.toISOString()),
    total_budget: "",
    currency_code: "USD",
  };
}

export function CreateWizard() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  const [templateId, setTemplateId] = useState("");
  const [budgetId, setBudgetId] = useState("");
  const [allocation, setAllocation] = useState("");
  const [segmentName, setSegmentName] = useState("Main audience");
  const [rules, setRules] = useState<SegmentRules>(emptyRules);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState(false);
  const form = useForm<DetailsValues>({ resolver: zodResolver(detailsSchema), defaultValues: defaults() });
  const templates = useTemplates();
  const budgets = useBudgets();
  const values = form.watch();
  const hasRules = Object.values(rules).some(hasConditions);
  const releaseGuard = useUnsavedChangesGuard(!created && (form.formState.isDirty || hasRules));

  useEffect(() => {
    const subscription = form.watch(() => setServerErrors((current) => (Object.keys(current).length ? {} : current)));
    return () => subscription.unsubscribe();
  }, [form]);

  const handleNext = async () => {
    if (step === 0 && !(await form.trigger())) return;
    setStep((s) => Math.min(STEPS.length - 1, s + 1));
  };

  const handleCreate = async () => {
    setSaving(true);
    setError(null);
    setServerErrors({});
    try {
      const v = form.getValues();
      const campaign = unwrap(
        await api.POST("/api/campaigns/", {
          params: { header: { "Idempotency-Key": crypto.randomUUID() } },
          body: {
            campaign_name: v.campaign_name,
            campaign_code: v.campaign_code || null,
            description: v.description || null,
            campaign_type: v.campaign_type,
            campaign_category: v.campaign_category,
            primary_channel: v.primary_channel,
            start_date: toInstant(v.start_date),
            end_date: toInstant(v.end_date),
            ...(v.total_budget ? { total_budget: v.total_budget } : {}),
            currency_code: v.currency_code,
            template_id: templateId || null,
          },
        }),
      );
      if (budgetId && allocation) {
        unwrap(
          await api.PUT("/api/campaigns/{campaign_id}/budgets/{budget_id}/", {
            params: { path: { campaign_id: campaign.id, budget_id: budgetId } },
            body: { allocated_amount: allocation },
          }),
        );
      }
      if (hasRules) {
        unwrap(
          await api.POST("/api/campaign-segments/", {
            body: {
              campaign_id: campaign.id,
              segment_name: segmentName,
              segment_type: segmentTypeOf(rules) as never,
              ...rulesToCriteria(rules),
            },
          }),
        );
      }
      campaign.validation_warnings.forEach((w) => toast.warning(w.message));
      setCreated(true);
      releaseGuard();
      await queryClient.invalidateQueries({ queryKey: ["campaigns"] });
      toast.success(`Campaign “${campaign.campaign_name}” created.`);
      navigate(`/campaigns/${campaign.id}`);
    } catch (caught) {
      // Errors that name a field of the details step show next to it there; the rest in a banner.
      const { fields, rest } = placeFieldErrors(caught, DETAILS_FIELDS);
      setServerErrors(fields);
      if (rest) setError(caught);
      if (Object.keys(fields).length > 0) setStep(0);
    } finally {
      setSaving(false);
    }
  };

  const startYear = values.start_date ? new Date(values.start_date).getFullYear() : new Date().getFullYear();

  return (
    <section aria-labelledby="wizard-title" className="wizard">
      <h1 id="wizard-title">New campaign</h1>
      <ol className="steps" aria-label="Steps">
        {STEPS.map((name, index) => (
          <li key={name} aria-current={index === step ? "step" : undefined} className={index < step ? "done" : ""}>
            <span>{index + 1}</span> {name}
          </li>
        ))}
      </ol>
      <ErrorNotice error={error} />
      <h2>{STEPS[step]}</h2>
      {step === 0 && <DetailsFields register={form.register} errors={form.formState.errors} serverErrors={serverErrors} />}
      {step === 1 && (
        <fieldset className="choices">
          <legend>Choose a template (optional)</legend>
          <label className="choice">
            <input type="radio" name="template" checked={templateId === ""} onChange={() => setTemplateId("")} /> No template
          </label>
          {templates.data?.items.map((template) => (
            <label className="choice" key={template.id}>
              <input type="radio" name="template" checked={templateId === template.id} onChange={() => setTemplateId(template.id)} />
              <strong>{template.template_name}</strong> <span className="muted">{template.template_type}</span>
              {template.description && <span className="muted"> — {template.description}</span>}
            </label>
          ))}
        </fieldset>
      )}
      {step === 2 && (
        <div className="budget-step">
          <FiscalYearSummary year={startYear} currency={values.currency_code} />
          <label>
            Draw from budget
            <select value={budgetId} onChange={(e) => setBudgetId(e.target.value)}>
              <option value="">No allocation yet</option>
              {budgets.data?.items.map((budget) => (
                <option key={budget.id} value={budget.id}>
                  {budget.budget_name} ({budget.budget_code}, {formatMoney(budget.total_amount, budget.currency_code)})
                </option>
              ))}
            </select>
          </label>
          <label>
            Amount
            <input inputMode="decimal" value={allocation} onChange={(e) => setAllocation(e.target.value)} disabled={!budgetId} />
          </label>
        </div>
      )}
      {step === 3 && (
        <>
          <label>
            Segment name
            <input value={segmentName} onChange={(e) => setSegmentName(e.target.value)} />
          </label>
          <SegmentBuilder rules={rules} onChange={setRules} channel={values.primary_channel} />
        </>
      )}
      {step === 4 && (
        <dl className="review">
          <dt>Name</dt>
          <dd>{values.campaign_name}</dd>
          <dt>Type / channel</dt>
          <dd>
            {values.campaign_type} · {values.primary_channel}
          </dd>
          <dt>Runs</dt>
          <dd>
            {values.start_date.replace("T", " ")} → {values.end_date.replace("T", " ")}
          </dd>
          <dt>Budget</dt>
          <dd>{formatMoney(values.total_budget || null, values.currency_code)}</dd>
          <dt>Template</dt>
          <dd>{templates.data?.items.find((t) => t.id === templateId)?.template_name ?? "None"}</dd>
          <dt>Allocation</dt>
          <dd>{budgetId ? formatMoney(allocation, values.currency_code) : "None"}</dd>
          <dt>Segment</dt>
          <dd>{hasRules ? segmentName : "None yet"}</dd>
        </dl>
      )}
      <div className="actions">
        <button type="button" className="secondary" disabled={step === 0} onClick={() => setStep((s) => s - 1)}>
          Back
        </button>
        {step < STEPS.length - 1 ? (
          <button type="button" onClick={() => void handleNext()}>
            Next
          </button>
        ) : (
          <button type="button" disabled={saving} onClick={() => void handleCreate()}>
            {saving ? "Creating…" : "Create campaign"}
          </button>
        )}
      </div>
    </section>
  );
}
