/** What the forms call the API's fields, where a message names one. */
const FIELD_LABELS: Record<string, string> = {
  campaign_name: "Campaign name",
  campaign_code: "Campaign code",
  description: "Description",
  campaign_type: "Type",
  campaign_category: "Category",
  primary_channel: "Primary channel",
  start_date: "Start",
  end_date: "End",
  total_budget: "Total budget",
  currency_code: "Currency",
  budget_id: "Budget",
  allocated_amount: "Amount",
  total_amount: "Total amount",
  approval_threshold: "Approval threshold",
  fiscal_year: "Fiscal year",
  parent_budget_id: "Parent budget",
  segment_name: "Segment name",
  template_id: "Template",
  variant_name: "Variant name",
  is_control: "Control",
  weight: "Weight",
  subject: "Subject",
  content: "Content",
};

/** A field as the forms name it: its label, else its name in words. */
export function fieldLabel(name: string): string {
  return FIELD_LABELS[name] ?? name.replace(/_id$/, "").replace(/_/g, " ");
}

/** A message with the fields it names in words ("its total_budget" → "its total budget"). */
function inWords(message: string): string {
  return message.replace(/\b[a-z]+(?:_[a-z]+)+\b/g, (name) => (name in FIELD_LABELS ? fieldLabel(name).toLowerCase() : name));
}

/** A field's messages: one as written, several each as a sentence of its own ("…would exceed
 * its total budget. Exceeds what…" rather than one run-on phrase). */
function asSentences(messages: readonly string[]): string {
  const said = messages.map((message) => inWords(message.trim())).filter(Boolean);
  if (said.length <= 1) return said[0] ?? "";
  return said
    .map((message) => {
      const sentence = message[0].toUpperCase() + message.slice(1);
      return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
    })
    .join(" ");
}

const NETWORK_FAILURE = "Could not reach the server; check your connection and try again.";
const SERVER_FAILURE = "The server failed to handle the request. What you entered is kept: try again in a moment.";

/** The API's error format `{error_code, message, details}`, as a thrown value. */
export class ApiError extends Error {
  readonly status: number;
  readonly errorCode: string;
  readonly details: Record<string, unknown>;

  constructor(status: number, errorCode: string, message: string, details: Record<string, unknown>) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
    this.details = details;
  }

  /** Messages to show next to fields, keyed by the field's last path segment: a 422's
   * `details.fields`, and the errors whose details name fields (a taken code or variant name,
   * a schedule conflict, a change refused while live, an ended campaign, a second control
   * variant, variant weights over 100, an unusable template). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    const fields = this.details.fields;
    if (Array.isArray(fields)) {
      // live_change_refused: the fields that cannot change now.
      for (const name of fields) out[String(name)] = this.message;
    } else if (fields && typeof fields === "object") {
      for (const [path, messages] of Object.entries(fields as Record<string, string[] | string>)) {
        const name = path.split(".").pop() ?? path;
        out[name] = asSentences(Array.isArray(messages) ? messages.map(String) : [String(messages)]);
      }
    }
    if (this.errorCode === "duplicate_campaign_code") out.campaign_code ??= this.message;
    if (this.errorCode === "duplicate_variant_name") out.variant_name ??= this.message;
    if (this.errorCode === "control_variant_exists") out.is_control ??= this.message;
    if (this.errorCode === "variant_weights_exceeded") {
      const total = this.details.total_weight;
      const field = typeof this.details.field === "string" ? this.details.field : "weight";
      out[field] ??= total === undefined ? this.message : `${this.message} With this one they would make ${String(total)}.`;
    }
    if (["template_not_found", "inactive_template", "incompatible_template"].includes(this.errorCode)) {
      out.template_id ??= this.message;
    }
    if (this.errorCode === "campaign_ended") out.end_date ??= this.message;
    if (this.errorCode === "schedule_conflict") {
      const others = scheduleConflicts(this.details);
      const channels = ((this.details.channels ?? []) as string[]).join(", ");
      out.start_date ??= `These dates overlap ${others || "a planned or active campaign"} on ${channels || "the same channel"}.`;
      out.end_date ??= "Move the dates, or the channel, to end the overlap.";
      out.primary_channel ??= `Shared with ${others || "a planned or active campaign"} over these dates.`;
    }
    return out;
  }
}

/** "CMP-2026-00003 (email)" for each campaign a schedule conflict names. */
function scheduleConflicts(details: Record<string, unknown>): string {
  const listed = (details.conflicting_campaigns ?? []) as { campaign_code?: string; shared_channels?: string[] }[];
  return listed
    .map((c) => `${c.campaign_code ?? "a campaign"}${c.shared_channels?.length ? ` (${c.shared_channels.join(", ")})` : ""}`)
    .join(", ");
}

/** The field errors an error carries for the `shown` fields, and whether anything is left over
 * that no field shows (then the form shows a banner as well). */
export function placeFieldErrors(error: unknown, shown: readonly string[]): { fields: Record<string, string>; rest: boolean } {
  if (!(error instanceof ApiError)) return { fields: {}, rest: true };
  const all = error.fieldErrors();
  const fields = Object.fromEntries(Object.entries(all).filter(([name]) => shown.includes(name)));
  const placed = Object.keys(fields).length;
  return { fields, rest: placed === 0 || placed < Object.keys(all).length };
}

export function toApiError(status: number, body: unknown): ApiError {
  if (body && typeof body === "object" && "error_code" in body) {
    const b = body as { error_code: string; message?: string; details?: Record<string, unknown> };
    return new ApiError(status, b.error_code, b.message ?? "Request failed.", b.details ?? {});
  }
  if (status >= 500) return new ApiError(status, "http_error", SERVER_FAILURE, {});
  return new ApiError(status, "http_error", `Request failed (${status}).`, {});
}

/** A fetch that never reached the server (offline, DNS, refused, CORS): browsers word it
 * "Failed to fetch", "NetworkError when attempting to fetch resource." or "Load failed". */
function isNetworkFailure(error: Error): boolean {
  return error instanceof TypeError && /failed to fetch|networkerror|load failed|network request failed/i.test(error.message);
}

/** The messages of the fields an error names, each after its field's label, as a list. */
export function fieldMessages(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  return Object.entries(error.fieldErrors()).map(([name, message]) => `${fieldLabel(name)}: ${message}`);
}

/** A sentence for a person: what went wrong, never a stack or a code alone. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    // The API's own message already says what is missing; only a bare 403 needs saying here.
    if (error.status === 403 && error.errorCode === "http_error") return "You do not have permission for this.";
    if (error.errorCode === "schedule_conflict") {
      const others = scheduleConflicts(error.details);
      return others ? `${error.message} Overlapping: ${others}.` : error.message;
    }
    if (error.status >= 500 && error.errorCode !== "http_error")
      return `${inWords(error.message)} What you entered is kept: try again in a moment.`;
    return inWords(error.message);
  }
  if (error instanceof Error) return isNetworkFailure(error) ? NETWORK_FAILURE : error.message;
  return "Something went wrong.";
}
