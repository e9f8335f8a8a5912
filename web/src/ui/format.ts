export function formatDate(value: string | null | undefined): string {
  if (!value) return "—";
  return new Date(value).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}

/** An amount in its currency; never throws: an amount that is not a number, or a currency code
 * Intl cannot format (a malformed one), is shown as a plain number with the code as written. */
export function formatMoney(value: string | number | null | undefined, currency = "USD"): string {
  if (value === null || value === undefined || value === "") return "—";
  const amount = Number(value);
  if (!Number.isFinite(amount)) return `${String(value)} ${currency}`.trim();
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(amount);
  } catch {
    const plain = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
    return `${plain} ${currency}`.trim();
  }
}

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : new Intl.NumberFormat().format(value);
}

/** A count that may be fractional (conversions shared out under linear attribution): as a whole
 * number when it is one, otherwise with at most 2 decimals. */
export function formatCount(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  const count = Number(value);
  if (!Number.isFinite(count)) return String(value);
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(count);
}
