import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useNavigate } from "react-router-dom";
import { useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { api, unwrap } from "../../../api/http";
import { ApiError, describeError, fieldMessages, placeFieldErrors } from "../../../api/errors";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { Field } from "../../../ui/Field";
import { formatMoney } from "../../../ui/format";
import { useUnsavedChangesGuard } from "../useUnsavedChangesGuard";
import { invalidateBudgets, useBudgets, useCampaignFiscalYear, useTemplates } from "../budgetApi";
import { DETAILS_FIELDS, MONEY, detailsSchema, toInstant, type DetailsValues } from "../schema";
import { DetailsFields } from "./DetailsFields";
import { FiscalYearSummary } from "./FiscalYearSummary";
import { NoFittingBudget } from "./NoFittingBudget";
import { SegmentBuilder } from "../../segments/components/SegmentBuilder";
import {
  emptyRules,
  hasConditions,
  incompleteConditionsMessage,
  incompleteInRules,
  rulesToCriteria,
  segmentTypeOf,
  type SegmentRules,
} from "../../segments/rules";
import type { CampaignCreated } from "../api";
import { toLocalInput } from "../schema";

const STEPS = ["Details", "Template", "Budget", "Segments", "Review"] as const;
const BUDGET_STEP = 2;
const SEGMENTS_STEP = 3;

/** What the budget step lacks before anything is sent, if anything. */
function allocationProblem(budgetId: string, allocation: string): string | undefined {
  if (!budgetId) return undefined;
  const amount = allocation.trim();
  if (!amount) return "Enter the amount to draw, or choose “No allocation yet”.";
  if (!MONEY.test(amount)) return "An amount such as 2000.00.";
  if (Number(amount) <= 0) return "An amount above 0.";
  return undefined;
}

/** What the segments step lacks before anything is sent, by field, when it has rules. */
function segmentProblems(name: string, rules: SegmentRules): { name?: string; rules?: string } {
  if (!Object.values(rules).some(hasConditions)) return {};
  const incomplete = incompleteInRules(rules);
  return {
    name: !name.trim() ? "Give the segment a name." : name.trim().length > 100 ? "At most 100 characters." : undefined,
    rules: incomplete ? incompleteConditionsMessage(incomplete) : undefined,
  };
}

/** Where focus goes once a step shows: its heading, or what it lacks (the first invalid field or
 * error, else the heading). A new object each time, so asking twice moves focus twice. */
type FocusRequest = { to: "heading" | "problem" };
const PROBLEM = '[aria-invalid="true"]:not(:disabled), [data-step-error]';

/** The steps that come after the campaign exists; each is redone alone when it failed. */
type FollowUp = "allocation" | "segment";
const FOLLOW_UP_LABEL: Record<FollowUp, string> = { allocation: "Budget allocation", segment: "Segment" };

/** An error of a follow-up step: what went wrong, then what it says of each field it names. */
function StepError({ error }: { error: unknown }) {
  const fields = fieldMessages(error);
  return (
    <>
      {describeError(error)}
      {fields.length > 0 && (
        <ul>
          {fields.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </>
  );
}

const label = (value: string) => value.replace(/_/g, " ");

// The API takes a start in the past (the campaign is created with a warning, and a launch sends
// at once); only an end in the past is refused.
const START_PASSED = "The start has passed: a launch sends at once.";

function startHasPassed(start: string): boolean {
  const time = new Date(start).getTime();
  return Number.isFinite(time) && time < Date.now();
}

/** A campaign without a template has nothing to send: the API refuses its launch (no_message). */
function NoMessageNote() {
  return (
    <p className="notice" data-testid="no-message">
      Without a template, this campaign cannot launch until it has one, or A/B variants that each have content of their
      own: either can be added later, in the Content tab of the campaign's editor.
    </p>
  );
}

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
  const [allocationError, setAllocationError] = useState<string | undefined>();
  const [segmentName, setSegmentName] = useState("Main audience");
  const [rules, setRules] = useState<SegmentRules>(emptyRules);
  const [segmentErrors, setSegmentErrors] = useState<{ name?: string; rules?: string }>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState(false);
  // One key for the whole wizard: a retry of the create (a lost answer, a double click) replays
  // the first campaign instead of making a second one.
  const [createKey] = useState(() => crypto.randomUUID());
  // The campaign once it exists, the follow-up steps done since, and those that failed.
  const [campaign, setCampaign] = useState<CampaignCreated | null>(null);
  const [done, setDone] = useState<FollowUp[]>([]);
  const [failed, setFailed] = useState<Partial<Record<FollowUp, unknown>>>({});
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const wizardRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useForm<DetailsValues>({ resolver: zodResolver(detailsSchema), defaultValues: defaults() });
  const values = form.watch();
  // Only templates the chosen channel can send; a choice the channel no longer fits is dropped.
  const templates = useTemplates(values.primary_channel);
  const template = templates.data?.items.find((item) => item.id === templateId);
  const currency = values.currency_code.trim().toUpperCase();
  // Only budgets the campaign can draw from: of the fiscal year its start falls in, in its currency.
  const fiscalYear = useCampaignFiscalYear(values.start_date, currency);
  const budgets = useBudgets(fiscalYear !== null && /^[A-Z]{3}$/.test(currency) ? { fiscalYear, currency } : null);
  const budget = budgets.data?.items.find((item) => item.id === budgetId);
  const hasRules = Object.values(rules).some(hasConditions);
  const releaseGuard = useUnsavedChangesGuard(!created && (form.formState.isDirty || hasRules));

  useEffect(() => {
    const subscription = form.watch(() => setServerErrors((current) => (Object.keys(current).length ? {} : current)));
    return () => subscription.unsubscribe();
  }, [form]);

  useEffect(() => {
    if (templateId && templates.data && !template) setTemplateId("");
  }, [templateId, templates.data, template]);

  // A budget chosen before the dates or currency changed may no longer fit: it is dropped.
  const allocationSaved = done.includes("allocation");
  useEffect(() => {
    if (budgetId && budgets.data && !budget && !allocationSaved) setBudgetId("");
  }, [budgetId, budgets.data, budget, allocationSaved]);

  // Keyboard and screen-reader users land on the step shown, or on what stops it going on.
  useEffect(() => {
    if (!focusRequest) return;
    const problem = focusRequest.to === "problem" ? wizardRef.current?.querySelector<HTMLElement>(PROBLEM) : null;
    (problem ?? headingRef.current)?.focus();
  }, [focusRequest]);

  /** Shows step `index` with focus on its heading, or on its first problem. */
  const goTo = (index: number, focus: FocusRequest["to"] = "heading") => {
    setStep(index);
    setFocusRequest({ to: focus });
  };

  /** Whether the step's inputs can be sent; says what is missing next to it otherwise. */
  const checkStep = async (index: number): Promise<boolean> => {
    if (index === 0) return campaign !== null || (await form.trigger());
    if (index === BUDGET_STEP) {
      const problem = allocationProblem(budgetId, allocation);
      setAllocationError(problem);
      return !problem;
    }
    if (index === SEGMENTS_STEP) {
      const problems = segmentProblems(segmentName, rules);
      setSegmentErrors(problems);
      return !problems.name && !problems.rules;
    }
    return true;
  };

  const handleNext = async () => {
    if (!(await checkStep(step))) {
      setFocusRequest({ to: "problem" });
      return;
    }
    goTo(Math.min(STEPS.length - 1, step + 1));
  };

  const openCampaign = (id: string) => {
    releaseGuard();
    navigate(`/campaigns/${id}`);
  };

  const handleCreate = async () => {
    setSaving(true);
    // Nothing is sent while a step still lacks something: the first such step is shown.
    for (const index of [0, BUDGET_STEP, SEGMENTS_STEP]) {
      if (!(await checkStep(index))) {
        goTo(index, "problem");
        setSaving(false);
        return;
      }
    }
    setError(null);
    setServerErrors({});
    let current = campaign;
    if (!current) {
      try {
        const v = detailsSchema.parse(form.getValues());
        current = unwrap(
          await api.POST("/api/campaigns/", {
            params: { header: { "Idempotency-Key": createKey } },
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
              template_id: template?.id ?? null,
            },
          }),
        );
        setCampaign(current);
        current.validation_warnings.forEach((w) => toast.warning(w.message));
        await queryClient.invalidateQueries({ queryKey: ["campaigns"] });
      } catch (caught) {
        // Errors that name a field of the details step show next to it there; the rest in a banner.
        const { fields, rest } = placeFieldErrors(caught, DETAILS_FIELDS);
        setServerErrors(fields);
        if (rest) setError(caught);
        if (Object.keys(fields).length > 0) goTo(0, "problem");
        setSaving(false);
        return;
      }
    }

    // Then what comes with it, each step at most once: a retry redoes only the steps that failed.
    const campaignId = current.id;
    const followUps: [FollowUp, boolean, () => Promise<unknown>][] = [
      [
        "allocation",
        Boolean(budgetId),
        async () =>
          unwrap(
            await api.PUT("/api/campaigns/{campaign_id}/budgets/{budget_id}/", {
              params: { path: { campaign_id: campaignId, budget_id: budgetId } },
              body: { allocated_amount: allocation.trim() },
            }),
          ),
      ],
      [
        "segment",
        hasRules,
        async () =>
          unwrap(
            await api.POST("/api/campaign-segments/", {
              body: {
                campaign_id: campaignId,
                segment_name: segmentName.trim(),
                segment_type: segmentTypeOf(rules) as never,
                ...rulesToCriteria(rules),
              },
            }),
          ),
      ],
    ];
    const nowDone = [...done];
    const nowFailed: Partial<Record<FollowUp, unknown>> = {};
    for (const [name, wanted, run] of followUps) {
      if (!wanted || nowDone.includes(name)) continue;
      try {
        await run();
        nowDone.push(name);
      } catch (caught) {
        nowFailed[name] = caught;
      }
    }
    setDone(nowDone);
    setFailed(nowFailed);
    // The campaign holds money of its fiscal year now, and may draw on a budget.
    await invalidateBudgets(queryClient);

    if (nowFailed.allocation || nowFailed.segment) {
      setSaving(false);
      // Next to the field the API names, on the first step that failed.
      const amountError = nowFailed.allocation instanceof ApiError ? nowFailed.allocation.fieldErrors().allocated_amount : undefined;
      setAllocationError(amountError);
      const nameError = nowFailed.segment instanceof ApiError ? nowFailed.segment.fieldErrors().segment_name : undefined;
      setSegmentErrors(nameError ? { name: nameError } : {});
      goTo(nowFailed.allocation ? BUDGET_STEP : SEGMENTS_STEP, "problem");
      return;
    }
    setCreated(true);
    releaseGuard();
    await queryClient.invalidateQueries({ queryKey: ["campaigns"] });
    toast.success(`Campaign “${current.campaign_name}” created.`);
    navigate(`/campaigns/${campaignId}`);
  };

  const failedSteps = (Object.keys(failed) as FollowUp[]).filter((name) => failed[name]);

  return (
    <section aria-labelledby="wizard-title" className="wizard" ref={wizardRef}>
      <h1 id="wizard-title">New campaign</h1>
      <ol className="steps" aria-label="Steps">
        {STEPS.map((name, index) => (
          <li key={name} aria-current={index === step ? "step" : undefined} className={index < step ? "done" : ""}>
            <span>{index + 1}</span> {name}
          </li>
        ))}
      </ol>
      <ErrorNotice error={error} />
      {campaign && failedSteps.length > 0 && (
        <div className="notice notice-error" role="alert">
          <p>
            Campaign “{campaign.campaign_name}” ({campaign.campaign_code}) was created, but not all that comes with it:
          </p>
          <ul>
            {failedSteps.map((name) => (
              <li key={name}>
                {FOLLOW_UP_LABEL[name]}: <StepError error={failed[name]} />
              </li>
            ))}
          </ul>
          <p>Fix it and try again (the campaign is not created a second time), or finish in the campaign itself.</p>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => openCampaign(campaign.id)}>
              Open the campaign
            </button>
          </div>
        </div>
      )}
      <h2 ref={headingRef} tabIndex={-1}>
        {STEPS[step]}
      </h2>
      {campaign && step < BUDGET_STEP && (
        <p className="notice">This step is saved in the created campaign; change it there, in the campaign's editor.</p>
      )}
      {step === 0 && (
        <fieldset className="plain" disabled={campaign !== null}>
          <DetailsFields
            register={form.register}
            errors={form.formState.errors}
            serverErrors={serverErrors}
            warnings={startHasPassed(values.start_date) ? { start_date: START_PASSED } : {}}
          />
        </fieldset>
      )}
      {step === 1 && (
        <>
          <fieldset className="choices" disabled={campaign !== null}>
            <legend>Choose a template (optional)</legend>
            <p className="hint">
              {values.primary_channel === "multi_channel"
                ? "A multi-channel campaign can use a template of any type."
                : `The templates a ${label(values.primary_channel)} campaign can send.`}
            </p>
            <ErrorNotice error={templates.error} />
            <label className="choice">
              <input type="radio" name="template" checked={!template} onChange={() => setTemplateId("")} /> No template
            </label>
            {templates.data?.items.map((item) => (
              <label className="choice" key={item.id}>
                <input type="radio" name="template" checked={templateId === item.id} onChange={() => setTemplateId(item.id)} />
                <strong>{item.template_name}</strong> <span className="muted">{label(item.template_type)}</span>
                {item.description && <span className="muted"> — {item.description}</span>}
              </label>
            ))}
          </fieldset>
          {!template && <NoMessageNote />}
        </>
      )}
      {step === BUDGET_STEP && (
        <div className="budget-step">
          {fiscalYear === null ? (
            <p role="status">Working out the campaign's fiscal year…</p>
          ) : (
            <FiscalYearSummary year={fiscalYear} currency={currency} />
          )}
          <ErrorNotice error={budgets.error} />
          <Field
            label="Draw from budget"
            hint={fiscalYear !== null ? `Budgets of fiscal year ${fiscalYear} in ${currency}, the campaign's.` : undefined}
          >
            {(p) => (
              <select
                {...p}
                value={budgetId}
                disabled={allocationSaved}
                onChange={(e) => {
                  setBudgetId(e.target.value);
                  setAllocationError(undefined);
                }}
              >
                <option value="">No allocation yet</option>
                {budgets.data?.items.map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.budget_name} ({item.budget_code}, {formatMoney(item.total_amount, item.currency_code)})
                  </option>
                ))}
              </select>
            )}
          </Field>
          {fiscalYear !== null && budgets.data?.items.length === 0 && <NoFittingBudget fiscalYear={fiscalYear} currency={currency} />}
          <Field label="Amount" error={allocationError} hint={budgetId ? `In ${currency}, such as 2000.00.` : undefined}>
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                value={allocation}
                onChange={(e) => {
                  setAllocation(e.target.value);
                  setAllocationError(undefined);
                }}
                disabled={!budgetId || allocationSaved}
              />
            )}
          </Field>
        </div>
      )}
      {step === SEGMENTS_STEP && (
        <fieldset className="plain" disabled={done.includes("segment")}>
          <Field label="Segment name" error={segmentErrors.name}>
            {(p) => (
              <input
                {...p}
                value={segmentName}
                onChange={(e) => {
                  setSegmentName(e.target.value);
                  setSegmentErrors((current) => ({ ...current, name: undefined }));
                }}
              />
            )}
          </Field>
          {segmentErrors.rules && (
            <p className="field-error" role="alert" tabIndex={-1} data-step-error>
              {segmentErrors.rules}
            </p>
          )}
          <SegmentBuilder
            rules={rules}
            markIncomplete={Boolean(segmentErrors.rules)}
            onChange={(next) => {
              setRules(next);
              setSegmentErrors((current) => ({ ...current, rules: undefined }));
            }}
            channel={values.primary_channel}
          />
        </fieldset>
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
          <dd>{formatMoney(values.total_budget || null, currency)}</dd>
          <dt>Template</dt>
          <dd>
            {template?.template_name ?? "None"}
            {!template && <NoMessageNote />}
          </dd>
          <dt>Allocation</dt>
          <dd>
            {budgetId ? formatMoney(allocation.trim(), currency) : "None"}
            {done.includes("allocation") && " (saved)"}
          </dd>
          <dt>Segment</dt>
          <dd>
            {hasRules ? segmentName : "None yet"}
            {done.includes("segment") && " (saved)"}
          </dd>
        </dl>
      )}
      <div className="actions">
        <button type="button" className="secondary" disabled={step === 0} onClick={() => goTo(Math.max(0, step - 1))}>
          Back
        </button>
        {step < STEPS.length - 1 ? (
          <button type="button" onClick={() => void handleNext()}>
            Next
          </button>
        ) : (
          <button type="button" disabled={saving} onClick={() => void handleCreate()}>
            {saving ? "Creating…" : campaign ? "Retry what failed" : "Create campaign"}
          </button>
        )}
      </div>
    </section>
  );
}
