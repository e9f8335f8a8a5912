import { describe, expect, it } from "vitest";
import { formatCount, formatMoney } from "./format";

describe("formatMoney", () => {
  it("formats an amount in its currency", () => {
    expect(formatMoney("2000", "USD")).toBe(new Intl.NumberFormat(undefined, { style: "currency", currency: "USD" }).format(2000));
    expect(formatMoney(null, "USD")).toBe("—");
  });

  it("never throws on a malformed currency code or an amount that is not a number", () => {
    expect(() => formatMoney("1500", "U$D")).not.toThrow();
    expect(formatMoney("1500", "U$D")).toMatch(/^1[,.\u00a0\u202f]?500[.,]00 U\$D$/);
    expect(formatMoney("abc", "USD")).toBe("abc USD");
    expect(formatMoney("abc", "USD")).not.toContain("NaN");
  });
});

describe("formatCount", () => {
  it("shows a whole count without decimals and a fractional one with at most two", () => {
    expect(formatCount("0.0000")).toBe("0");
    expect(formatCount("3.0000")).toBe("3");
    expect(formatCount("1.1667")).toBe(new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(1.17));
    expect(formatCount(12500)).toBe(new Intl.NumberFormat().format(12500));
    expect(formatCount(null)).toBe("—");
  });
});
