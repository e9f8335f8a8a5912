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

  /** Per-field messages of a 422, keyed by the field's last path segment. */
  fieldErrors(): Record<string, string> {
    const fields = (this.details.fields ?? {}) as Record<string, string[] | string>;
    const out: Record<string, string> = {};
    for (const [path, messages] of Object.entries(fields)) {
      const name = path.split(".").pop() ?? path;
      out[name] = Array.isArray(messages) ? messages.join(" ") : String(messages);
    }
    return out;
  }
}

export function toApiError(status: number, body: unknown): ApiError {
  if (body && typeof body === "object" && "error_code" in body) {
    const b = body as { error_code: string; message?: string; details?: Record<string, unknown> };
    return new ApiError(status, b.error_code, b.message ?? "Request failed.", b.details ?? {});
  }
  return new ApiError(status, "http_error", `Request failed (${status}).`, {});
}

/** A sentence for a person: what went wrong, never a stack or a code alone. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return `You do not have permission for this: ${error.message}`;
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}
