import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { api, unwrap } from "../../../api/http";
import { ApiError, placeFieldErrors } from "../../../api/errors";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { Modal } from "../../../ui/Modal";
import { useAuth } from "../../auth/useAuth";
import type { components } from "../../../client/schema";
import type { CampaignDetail } from "../api";
import { DETAILS_FIELDS, savedDetailsSchema, toInstant, toLocalInput, type DetailsValues } from "../schema";
import { invalidateBudgets } from "../budgetApi";
import { useUnsavedChangesGuard } from "../useUnsavedChangesGuard";
import { DetailsFields } from "./DetailsFields";

export type DetailsTabProps = { campaign: CampaignDetail };

/** Statuses after which the API refuses every change to a campaign. */
const ENDED = new Set(["completed", "cancelled"]);

function valuesOf(c: CampaignDetail): DetailsValues {
  return {
    campaign_name: c.campaign_name,
    campaign_code: c.campaign_code,
    description: c.description ?? "",
    campaign_type: c.campaign_type,
    campaign_category: c.campaign_category,
    primary_channel: c.primary_channel,
    start_date: toLocalInput(c.start_date),
    end_date: toLocalInput(c.end_date),
    total_budget: c.total_budget ?? "",
    currency_code: c.currency_code,
  };
}

type DetailsPatch = components["schemas"]["CampaignUpdate"];

/** The request body for `values`: every field, or only those named in `only`. */
function toPatch(values: DetailsValues, only?: readonly (keyof DetailsValues)[]): DetailsPatch {
  const all: DetailsPatch = {
    campaign_name: values.campaign_name,
    campaign_code: values.campaign_code || undefined,
    description: values.description || null,
    campaign_type: values.campaign_type,
    campaign_category: values.campaign_category,
    primary_channel: values.primary_channel,
    start_date: toInstant(values.start_date),
    end_date: toInstant(values.end_date),
    total_budget: values.total_budget ?? "0",
    currency_code: values.currency_code,
  };
  if (!only) return all;
  return Object.fromEntries(Object.entries(all).filter(([name]) => only.includes(name as keyof DetailsValues))) as DetailsPatch;
}

/** The fields whose value differs from the version the form was loaded from. */
function changedFields(values: DetailsValues, loaded: Partial<DetailsValues> | undefined): (keyof DetailsValues)[] {
  return DETAILS_FIELDS.filter((name) => (values[name] ?? "") !== (loaded?.[name] ?? ""));
}

/** Edit with the version read (If-Match); a 412 offers reloading or overwriting, and an
 * overwrite sends only the fields this user changed, so the other user's edits to the rest stay. */
export function DetailsTab({ campaign }: DetailsTabProps) {
  const queryClient = useQueryClient();
  const { can } = useAuth();
  const [baseVersion, setBaseVersion] = useState(campaign.version);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [warnings, setWarnings] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const form = useForm<DetailsValues>({ resolver: zodResolver(savedDetailsSchema), defaultValues: valuesOf(campaign) });
  const { isDirty } = form.formState;
  useUnsavedChangesGuard(isDirty);

  // The first field the API found fault with takes the focus once the form is enabled again.
  const focusNext = useRef<keyof DetailsValues | null>(null);
  const { isSubmitting } = form.formState;
  useEffect(() => {
    if (!isSubmitting && focusNext.current) {
      form.setFocus(focusNext.current);
      focusNext.current = null;
    }
  }, [isSubmitting, form]);

  // The API's field errors describe what was sent: editing clears them.
  useEffect(() => {
    const subscription = form.watch(() => setServerErrors((current) => (Object.keys(current).length ? {} : current)));
    return () => subscription.unsubscribe();
  }, [form]);

  useEffect(() => {
    if (!isDirty) {
      form.reset(valuesOf(campaign));
      setBaseVersion(campaign.version);
    }
  }, [campaign, isDirty, form]);

  const save = async (values: DetailsValues, version: number | "*") => {
    setError(null);
    setServerErrors({});
    // Over someone else's newer version, only what this user changed is written.
    const body = version === "*" ? toPatch(values, changedFields(values, form.formState.defaultValues)) : toPatch(values);
    try {
      const updated = unwrap(
        await api.PATCH("/api/campaigns/{campaign_id}/", {
          params: { path: { campaign_id: campaign.id }, header: { "If-Match": version === "*" ? "*" : `"${version}"` } },
          body,
        }),
      );
      setWarnings(Object.fromEntries(updated.validation_warnings.map((w) => [w.field ?? "campaign_name", w.message])));
      form.reset(values);
      setBaseVersion(updated.version);
      await queryClient.invalidateQueries({ queryKey: ["campaign", campaign.id] });
      await invalidateBudgets(queryClient);
      toast.success("Saved.");
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 412) setConflict(true);
      else {
        // Errors that name a field show next to it; only the rest goes in the banner.
        const { fields, rest } = placeFieldErrors(caught, DETAILS_FIELDS);
        setServerErrors(fields);
        if (rest) setError(caught);
        focusNext.current = DETAILS_FIELDS.find((name) => name in fields) ?? null;
      }
    }
  };

  const handleReload = async () => {
    setConflict(false);
    form.reset(valuesOf(campaign));
    await queryClient.invalidateQueries({ queryKey: ["campaign", campaign.id] });
  };

  const ended = ENDED.has(campaign.campaign_status);
  const editable = can("update_campaign") && !ended;
  return (
    <form onSubmit={form.handleSubmit((v) => save(v, baseVersion))} noValidate aria-label="Campaign details">
      {ended && (
        <p className="notice">
          This campaign is {campaign.campaign_status}: its details are kept as they were and can no longer be changed.
        </p>
      )}
      <ErrorNotice error={error} />
      <fieldset disabled={!editable || form.formState.isSubmitting}>
        <DetailsFields register={form.register} errors={form.formState.errors} serverErrors={serverErrors} warnings={warnings} />
      </fieldset>
      {editable && (
        <div className="actions">
          <button type="submit" disabled={!isDirty || form.formState.isSubmitting}>
            Save changes
          </button>
          <button type="button" className="secondary" disabled={!isDirty} onClick={() => form.reset(valuesOf(campaign))}>
            Discard
          </button>
        </div>
      )}
      <Modal
        open={conflict}
        onOpenChange={setConflict}
        title="Someone else changed this campaign"
        description="Your edit is based on an older version. Reload to see their changes (yours are dropped), or overwrite theirs with yours."
      >
        <div className="actions">
          <button type="button" onClick={() => void handleReload()}>
            Reload their version
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              setConflict(false);
              void save(savedDetailsSchema.parse(form.getValues()), "*");
            }}
          >
            Overwrite with mine
          </button>
        </div>
      </Modal>
    </form>
  );
}
