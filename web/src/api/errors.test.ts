import { describe, expect, it } from "vitest";
import { ApiError, describeError, fieldMessages, placeFieldErrors, toApiError } from "./errors";

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

  it("says clearly when a permission is missing, once", () => {
    const denied = toApiError(403, {
      error_code: "permission_denied",
      message: "You do not have permission to do this.",
      details: { missing_permissions: ["approve_campaign"] },
    });
    expect(describeError(denied)).toBe("You do not have permission to do this.");
    expect(describeError(toApiError(403, "Forbidden"))).toBe("You do not have permission for this.");
  });

  it("copes with a body that is not the error format", () => {
    expect(toApiError(404, "Not found").message).toBe("Request failed (404).");
  });

  it("says a bare server failure is the server's, and that the input is kept", () => {
    for (const status of [500, 502]) {
      const text = describeError(toApiError(status, "Internal Server Error"));
      expect(text).toMatch(/^The server failed/);
      expect(text).toContain("What you entered is kept");
    }
    const ours = toApiError(500, { error_code: "internal_error", message: "An unexpected error occurred.", details: {} });
    expect(describeError(ours)).toBe("An unexpected error occurred. What you entered is kept: try again in a moment.");
  });

  it("says a request that never reached the server is a network problem", () => {
    const expected = "Could not reach the server; check your connection and try again.";
    expect(describeError(new TypeError("Failed to fetch"))).toBe(expected);
    expect(describeError(new TypeError("NetworkError when attempting to fetch resource."))).toBe(expected);
    expect(describeError(new TypeError("Load failed"))).toBe(expected);
    expect(describeError(new Error("Something else"))).toBe("Something else");
  });

  it("says several messages of a field as sentences, with the fields they name in words", () => {
    const refused = toApiError(422, {
      error_code: "allocation_refused",
      message: "The allocation is refused.",
      details: {
        fields: { allocated_amount: ["the campaign's allocations would exceed its total_budget", "exceeds what the budget has left"] },
      },
    });
    expect(refused.fieldErrors().allocated_amount).toBe(
      "The campaign's allocations would exceed its total budget. Exceeds what the budget has left.",
    );
    expect(fieldMessages(refused)).toEqual([
      "Amount: The campaign's allocations would exceed its total budget. Exceeds what the budget has left.",
    ]);
    const one = toApiError(422, { error_code: "validation_error", message: "Not valid.", details: { fields: { total_budget: ["must be at least actual_spend"] } } });
    expect(one.fieldErrors().total_budget).toBe("must be at least actual_spend");
    expect(describeError(toApiError(409, { error_code: "x", message: "Lower than its total_budget.", details: {} }))).toBe(
      "Lower than its total budget.",
    );
  });

  it("names the fields of the conflicts that concern them", () => {
    const live = toApiError(409, {
      error_code: "live_change_refused",
      message: "This change is not allowed while the campaign is live; pause it first.",
      details: { fields: ["primary_channel", "start_date"], campaign_status: "active" },
    });
    expect(Object.keys(live.fieldErrors())).toEqual(["primary_channel", "start_date"]);
    const ended = toApiError(409, { error_code: "campaign_ended", message: "The campaign's end date has passed.", details: {} });
    expect(ended.fieldErrors()).toEqual({ end_date: "The campaign's end date has passed." });
    const conflict = toApiError(409, {
      error_code: "schedule_conflict",
      message: "The dates overlap.",
      details: { channels: ["email"], conflicting_campaigns: [{ campaign_code: "CMP-1", shared_channels: ["email"] }] },
    });
    expect(describeError(conflict)).toBe("The dates overlap. Overlapping: CMP-1 (email).");
    expect(placeFieldErrors(conflict, ["start_date", "end_date"])).toEqual({
      fields: { start_date: "These dates overlap CMP-1 (email) on email.", end_date: expect.any(String) },
      rest: true,
    });
    expect(placeFieldErrors(conflict, ["start_date", "end_date", "primary_channel"]).rest).toBe(false);
    expect(placeFieldErrors(new Error("offline"), ["start_date"])).toEqual({ fields: {}, rest: true });
  });
});
