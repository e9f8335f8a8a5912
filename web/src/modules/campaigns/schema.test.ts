import { describe, expect, it } from "vitest";
import { detailsSchema, savedDetailsSchema } from "./schema";

const valid = {
  campaign_name: "Spring sale",
  campaign_code: "",
  description: "",
  campaign_type: "promotional",
  campaign_category: "sales",
  primary_channel: "email",
  start_date: "2026-03-01T09:00",
  end_date: "2026-03-31T09:00",
  total_budget: "2000.00",
  currency_code: "USD",
};

describe("detailsSchema", () => {
  it("takes a currency code of three letters, upper-cased", () => {
    expect(detailsSchema.parse({ ...valid, currency_code: "eur" }).currency_code).toBe("EUR");
  });

  it("refuses a malformed currency code with a message for the field", () => {
    for (const code of ["U$D", "US", "US1", "USDX", ""]) {
      const result = detailsSchema.safeParse({ ...valid, currency_code: code });
      expect(result.success).toBe(false);
      expect(result.error?.flatten().fieldErrors.currency_code).toEqual(["A three-letter currency code, such as USD."]);
    }
  });

  it("leaves a new campaign's budget optional, but an existing one's is stated, 0 for none", () => {
    expect(detailsSchema.safeParse({ ...valid, total_budget: "" }).success).toBe(true);
    for (const budget of ["", "  "]) {
      const result = savedDetailsSchema.safeParse({ ...valid, total_budget: budget });
      expect(result.success).toBe(false);
      expect(result.error?.flatten().fieldErrors.total_budget?.[0]).toBe("Enter a budget, 0 for none.");
    }
    expect(savedDetailsSchema.parse({ ...valid, total_budget: "0" }).total_budget).toBe("0");
    expect(savedDetailsSchema.safeParse({ ...valid, total_budget: "." }).success).toBe(false);
  });

  it("takes a budget only as the API writes an amount: digits, then a point with one or two", () => {
    for (const budget of [".", "5.", ".5", "1e3", "1_000", "+7", "-1", "1.234", "١٢"]) {
      expect(detailsSchema.safeParse({ ...valid, total_budget: budget }).success, budget).toBe(false);
      expect(savedDetailsSchema.safeParse({ ...valid, total_budget: budget }).success, budget).toBe(false);
    }
    for (const budget of ["0", "2000", "2000.5", "2000.50"]) {
      expect(detailsSchema.safeParse({ ...valid, total_budget: budget }).success, budget).toBe(true);
      expect(savedDetailsSchema.safeParse({ ...valid, total_budget: budget }).success, budget).toBe(true);
    }
  });
});
