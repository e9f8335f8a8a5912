import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { api, unwrap } from "../../../api/http";
import { ApiError, placeFieldErrors } from "../../../api/errors";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { Field } from "../../../ui/Field";
import { StatusChip } from "../../../ui/StatusChip";
import { useAuth } from "../../auth/useAuth";
import type { CampaignDetail } from "../../campaigns/api";
import { useTemplates } from "../../campaigns/budgetApi";
import { MAX_TOTAL_WEIGHT, useVariants, type Variant } from "../api";

export type VariantsTabProps = { campaign: CampaignDetail };

type Draft = {
  id?: string;
  variant_name: string;
  subject: string;
  content: string;
  template_id: string;
  weight: string;
  is_control: boolean;
};

const FIELDS = ["variant_name", "subject", "content", "template_id", "weight", "is_control"] as const;

const draftOf = (variant?: Variant): Draft => ({
  id: variant?.id,
  variant_name: variant?.variant_name ?? "",
  subject: variant?.subject ?? "",
  content: variant?.content ?? "",
  template_id: variant?.template_id ?? "",
  weight: String(variant?.weight ?? 50),
  is_control: variant?.is_control ?? false,
});

/** The campaign's A/B variants: name, weight, subject and content or a template, one control. */
export function VariantsTab({ campaign }: VariantsTabProps) {
  const queryClient = useQueryClient();
  const { can } = useAuth();
  const variants = useVariants(campaign.id);
  const templates = useTemplates();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const editable = can("update_campaign");
  const items = variants.data?.items ?? [];
  const totalWeight = items.reduce((sum, variant) => sum + variant.weight, 0);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ["campaign", campaign.id] });
  const failed = (caught: unknown) => {
    const { fields, rest } = placeFieldErrors(caught, FIELDS);
    setFieldErrors(fields);
    setError(rest ? caught : null);
    // Someone else changed the campaign: read it again before the next write.
    if (caught instanceof ApiError && caught.status === 412) void refresh();
  };
  const edit = (next: Draft | null) => {
    setDraft(next);
    setFieldErrors({});
    setError(null);
  };

  const handleSave = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setSaving(true);
    setFieldErrors({});
    setError(null);
    const body = {
      variant_name: draft.variant_name.trim(),
      subject: draft.subject || null,
      content: draft.content || null,
      template_id: draft.template_id || null,
      weight: Number(draft.weight),
      is_control: draft.is_control,
    };
    const header = { "If-Match": `"${campaign.version}"` };
    try {
      if (draft.id) {
        unwrap(
          await api.PATCH("/api/campaigns/{campaign_id}/variants/{variant_id}/", {
            params: { path: { campaign_id: campaign.id, variant_id: draft.id }, header },
            body,
          }),
        );
      } else {
        unwrap(await api.POST("/api/campaigns/{campaign_id}/variants/", { params: { path: { campaign_id: campaign.id }, header }, body }));
      }
      toast.success(`Variant “${body.variant_name}” saved.`);
      setDraft(null);
      await refresh();
    } catch (caught) {
      failed(caught);
    } finally {
      setSaving(false);
    }
  };

  const handleRemove = async (variant: Variant) => {
    setError(null);
    try {
      unwrap(
        await api.DELETE("/api/campaigns/{campaign_id}/variants/{variant_id}/", {
          params: { path: { campaign_id: campaign.id, variant_id: variant.id }, header: { "If-Match": `"${campaign.version}"` } },
        }),
      );
      toast.success(`Variant “${variant.variant_name}” removed.`);
      if (draft?.id === variant.id) setDraft(null);
      await refresh();
    } catch (caught) {
      failed(caught);
    }
  };

  const templateName = (id: string | null) => templates.data?.items.find((t) => t.id === id)?.template_name ?? (id ? "Another template" : "The campaign's");
  const set = (patch: Partial<Draft>) => draft && setDraft({ ...draft, ...patch });

  return (
    <div>
      <ErrorNotice error={variants.error ?? error} />
      <div className="table-wrap">
        <table>
          <caption>A/B variants of this campaign</caption>
          <thead>
            <tr>
              <th>Name</th>
              <th>Weight</th>
              <th>Subject</th>
              <th>Template</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((variant) => (
              <tr key={variant.id}>
                <td>
                  {variant.variant_name}
                  {variant.is_control && <> <StatusChip status="control" /></>}
                </td>
                <td>{variant.weight} %</td>
                <td>{variant.subject ?? "—"}</td>
                <td>{templateName(variant.template_id)}</td>
                <td>
                  {editable && (
                    <>
                      <button type="button" className="secondary" onClick={() => edit(draftOf(variant))}>
                        Edit {variant.variant_name}
                      </button>{" "}
                      <button type="button" className="link" onClick={() => void handleRemove(variant)}>
                        Remove {variant.variant_name}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
            {variants.data && items.length === 0 && (
              <tr>
                <td colSpan={5}>No variant: every recipient gets the campaign's own message.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <p className="muted" data-testid="variant-weights">
        Weights add up to {totalWeight} of {MAX_TOTAL_WEIGHT} %.
      </p>
      {editable && !draft && (
        <button type="button" onClick={() => edit(draftOf())}>
          Add variant
        </button>
      )}
      {draft && (
        <form className="card" onSubmit={(e) => void handleSave(e)} noValidate aria-label={draft.id ? `Edit variant ${draft.variant_name}` : "New variant"}>
          <div className="form-grid">
            <Field label="Variant name" error={fieldErrors.variant_name}>
              {(p) => <input {...p} required maxLength={50} value={draft.variant_name} onChange={(e) => set({ variant_name: e.target.value })} />}
            </Field>
            <Field label="Weight (%)" error={fieldErrors.weight} hint={`The share of recipients who get it; all variants together at most ${MAX_TOTAL_WEIGHT}.`}>
              {(p) => <input {...p} type="number" min={0} max={100} value={draft.weight} onChange={(e) => set({ weight: e.target.value })} />}
            </Field>
            <Field label="Subject" error={fieldErrors.subject}>
              {(p) => <input {...p} maxLength={255} value={draft.subject} onChange={(e) => set({ subject: e.target.value })} />}
            </Field>
            <Field label="Template" error={fieldErrors.template_id}>
              {(p) => (
                <select {...p} value={draft.template_id} onChange={(e) => set({ template_id: e.target.value })}>
                  <option value="">The campaign's template</option>
                  {templates.data?.items.map((template) => (
                    <option key={template.id} value={template.id}>
                      {template.template_name} ({template.template_type})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Content" error={fieldErrors.content} hint="Replaces the template's body when given; {{ first_name }} and the other contact fields are filled in.">
              {(p) => <textarea {...p} rows={5} value={draft.content} onChange={(e) => set({ content: e.target.value })} />}
            </Field>
            <Field label="Control" error={fieldErrors.is_control}>
              {(p) => (
                <span className="inline">
                  <input {...p} type="checkbox" checked={draft.is_control} onChange={(e) => set({ is_control: e.target.checked })} /> The
                  control the others are measured against (one per campaign)
                </span>
              )}
            </Field>
          </div>
          <div className="actions">
            <button type="submit" disabled={saving}>
              {saving ? "Saving…" : "Save variant"}
            </button>
            <button type="button" className="secondary" onClick={() => edit(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
