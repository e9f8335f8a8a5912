import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Field } from "../../../ui/Field";
import { CAMPAIGN_CATEGORIES, CAMPAIGN_TYPES, CHANNELS } from "../api";
import type { DetailsValues } from "../schema";

export type DetailsFieldsProps = {
  register: UseFormRegister<DetailsValues>;
  errors: FieldErrors<DetailsValues>;
  /** Errors and warnings the API returned, by field name. */
  serverErrors?: Record<string, string>;
  warnings?: Record<string, string>;
};

const label = (value: string) => value.replace(/_/g, " ");

export function DetailsFields({ register, errors, serverErrors = {}, warnings = {} }: DetailsFieldsProps) {
  const error = (name: keyof DetailsValues) => errors[name]?.message ?? serverErrors[name];
  return (
    <div className="form-grid">
      <Field label="Campaign name" error={error("campaign_name")} hint={warnings.campaign_name}>
        {(p) => <input {...p} {...register("campaign_name")} />}
      </Field>
      <Field label="Campaign code (optional)" error={error("campaign_code")} hint="Generated when left empty.">
        {(p) => <input {...p} {...register("campaign_code")} />}
      </Field>
      <Field label="Type" error={error("campaign_type")}>
        {(p) => (
          <select {...p} {...register("campaign_type")}>
            {CAMPAIGN_TYPES.map((v) => (
              <option key={v} value={v}>
                {label(v)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Category" error={error("campaign_category")}>
        {(p) => (
          <select {...p} {...register("campaign_category")}>
            {CAMPAIGN_CATEGORIES.map((v) => (
              <option key={v} value={v}>
                {label(v)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Primary channel" error={error("primary_channel")} hint={warnings.primary_channel}>
        {(p) => (
          <select {...p} {...register("primary_channel")}>
            {CHANNELS.map((v) => (
              <option key={v} value={v}>
                {label(v)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Start" error={error("start_date")} hint={warnings.start_date}>
        {(p) => <input {...p} type="datetime-local" {...register("start_date")} />}
      </Field>
      <Field label="End" error={error("end_date")} hint={warnings.end_date}>
        {(p) => <input {...p} type="datetime-local" {...register("end_date")} />}
      </Field>
      <Field label="Total budget" error={error("total_budget")} hint={warnings.total_budget}>
        {(p) => <input {...p} inputMode="decimal" {...register("total_budget")} />}
      </Field>
      <Field label="Currency" error={error("currency_code")}>
        {(p) => <input {...p} maxLength={3} {...register("currency_code")} />}
      </Field>
      <Field label="Description" error={error("description")}>
        {(p) => <textarea {...p} rows={3} {...register("description")} />}
      </Field>
    </div>
  );
}
