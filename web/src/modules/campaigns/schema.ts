import { z } from "zod";
import { CAMPAIGN_CATEGORIES, CAMPAIGN_TYPES, CHANNELS } from "./api";

/** An amount as the API takes it written (its pattern `^-?[0-9]+(\.[0-9]+)?$`, without the
 * minus: budgets are not negative), at most 13 digits before the point and 2 after. */
export const MONEY = /^[0-9]{1,13}(\.[0-9]{1,2})?$/;
const MONEY_HINT = "An amount such as 2000.00.";

const detailsFields = z.object({
  campaign_name: z.string().trim().min(1, "Give the campaign a name.").max(200),
  campaign_code: z
    .string()
    .regex(/^[A-Za-z0-9-]*$/, "Letters, digits and hyphens only.")
    .max(50)
    .optional(),
  description: z.string().max(10000).optional(),
  campaign_type: z.enum(CAMPAIGN_TYPES),
  campaign_category: z.enum(CAMPAIGN_CATEGORIES),
  primary_channel: z.enum(CHANNELS),
  start_date: z.string().min(1, "Choose a start date."),
  end_date: z.string().min(1, "Choose an end date."),
  total_budget: z
    .string()
    .refine((amount) => amount === "" || MONEY.test(amount), MONEY_HINT)
    .optional(),
  currency_code: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, "A three-letter currency code, such as USD.")
    .transform((code) => code.toUpperCase()),
});

const endAfterStart = (v: { start_date: string; end_date: string }) =>
  !v.start_date || !v.end_date || v.end_date > v.start_date;
const END_AFTER_START = { message: "The end must come after the start.", path: ["end_date"] };

/** A new campaign's details: an empty budget is none (the API takes 0). */
export const detailsSchema = detailsFields.refine(endAfterStart, END_AFTER_START);

/** An existing campaign's details: its budget is always stated, 0 for none (left empty it would
 * not be sent, and the old amount would stay). */
export const savedDetailsSchema = detailsFields
  .extend({
    total_budget: z
      .string()
      .trim()
      .min(1, "Enter a budget, 0 for none.")
      .regex(MONEY, MONEY_HINT),
  })
  .refine(endAfterStart, END_AFTER_START);

export type DetailsValues = z.infer<typeof detailsSchema>;

/** A datetime-local value (local time) as an ISO instant for the API. */
export function toInstant(local: string): string {
  return new Date(local).toISOString();
}

/** An ISO instant as a datetime-local value. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The fields of the details form, where the API's field errors are shown. */
export const DETAILS_FIELDS = [
  "campaign_name",
  "campaign_code",
  "description",
  "campaign_type",
  "campaign_category",
  "primary_channel",
  "start_date",
  "end_date",
  "total_budget",
  "currency_code",
] as const satisfies readonly (keyof DetailsValues)[];
