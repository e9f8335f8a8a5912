import { describe, expect, it } from "vitest";
import { ApiError, describeError, toApiError } from "./errors";

describe("API errors", () => {
  it("reads the standard error format and per-field messages", () => {
    const error = toApiError(422, {
      error_code: "validation_error",
      message: "The request is not valid.",
      details: { fields: { "body.campaign_name": ["Field required"], end_date: ["before start"] } },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.errorCode).toBe("validation_error");
    expect(error.fieldErrors()).toEqual({ campaign_name: "Field required", end_date: "before start" });
  });

  it("says clearly when a permission is missing", () => {
    const error = toApiError(403, { error_code: "forbidden", message: "Missing permission approve_campaign.", details: {} });
    expect(describeError(error)).toMatch(/do not have permission/);
  });

  it("copes with a body that is not the error format", () => {
    expect(toApiError(502, "Bad gateway").message).toBe("Request failed (502).");
  });
});
