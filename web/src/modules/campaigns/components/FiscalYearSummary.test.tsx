import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import { fakeApi, renderApp, signedInUser } from "../../../test-utils";
import { session } from "../../../api/session";
import { useAuth } from "../../auth/useAuth";
import { FiscalYearSummary } from "./FiscalYearSummary";

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const me = (permissions: string[]) => () => signedInUser(permissions);
const year = (total: string, held = "0.00", spent = "0.00") => ({
  fiscal_year: 2026,
  currency_code: "USD",
  total_amount: total,
  held_by_live_campaigns: held,
  spent_by_finished_campaigns: spent,
  available_amount: (Number(total) - Number(held) - Number(spent)).toFixed(2),
  approval_threshold: "10000.00",
  period_start: "2026-01-01T00:00:00Z",
  period_end: "2027-01-01T00:00:00Z",
});
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

/** Who is signed in, once known: the summary then shows what that user may see. */
function SignedInAs() {
  const { me } = useAuth();
  return me ? <p>Signed in as {me.full_name}</p> : null;
}

function renderSummary(permissions: string[], availability: () => unknown) {
  const { fetchMock, calls } = fakeApi({
    "GET /api/auth/me": me(permissions),
    "GET /api/campaign-budgets/availability/": availability,
  });
  vi.stubGlobal("fetch", fetchMock);
  session.store({ access_token: "a", refresh_token: "r", expires_in: 900, refresh_expires_in: 3600 });
  renderApp(
    [
      {
        path: "/",
        element: (
          <>
            <SignedInAs />
            <FiscalYearSummary year={2026} currency="USD" />
          </>
        ),
      },
    ],
    "/",
  );
  return calls;
}

const availabilityCalls = (calls: Request[]) => calls.filter((c) => c.url.includes("/availability/"));

describe("FiscalYearSummary", () => {
  it("shows the year's budget, what is held and what is left", async () => {
    renderSummary(["read_reference_data", "view_budget"], () => year("620000.00", "210000.00"));
    expect(await screen.findByLabelText("Fiscal year 2026")).toHaveTextContent("$620,000.00");
    expect(screen.getByLabelText("Fiscal year 2026")).toHaveTextContent("$410,000.00");
  });

  it("counts what finished campaigns spent as used", async () => {
    renderSummary(["read_reference_data", "view_budget"], () => year("100000.00", "20000.00", "30000.00"));
    const summary = await screen.findByLabelText("Fiscal year 2026");
    expect(summary).toHaveTextContent("Spent by finished campaigns$30,000.00");
    expect(summary).toHaveTextContent("Available$50,000.00");
    expect(screen.getByLabelText("Share of the year's budget held or spent")).toHaveValue(50);
  });

  it("says there is no budget only when the year has none", async () => {
    renderSummary(["read_reference_data", "view_budget"], () => year("0.00"));
    expect(await screen.findByText("No USD budget for fiscal year 2026.")).toBeInTheDocument();
  });

  it("tells a role without budget visibility that budgets are hidden from it, not that there is none", async () => {
    const calls = renderSummary(["read_campaign", "read_reference_data"], () =>
      json(403, { error_code: "permission_denied", message: "You do not have permission to do this.", details: {} }),
    );
    await screen.findByText("Signed in as Someone");
    expect(screen.getByText(/Budgets are not visible to your role/)).toBeInTheDocument();
    expect(screen.queryByText(/No USD budget/)).toBeNull();
    expect(availabilityCalls(calls)).toHaveLength(0);
  });

  it("says the same when the API refuses the read", async () => {
    const calls = renderSummary(["read_reference_data", "view_budget"], () =>
      json(403, { error_code: "permission_denied", message: "You do not have permission to do this.", details: {} }),
    );
    await waitFor(() => expect(availabilityCalls(calls)).toHaveLength(1));
    expect(await screen.findByText(/Budgets are not visible to your role/)).toBeInTheDocument();
    expect(screen.queryByText(/No USD budget/)).toBeNull();
  });

  it("shows any other failure as the error it is", async () => {
    renderSummary(["read_reference_data", "view_budget"], () =>
      json(503, { error_code: "service_unavailable", message: "A backing service is unavailable.", details: {} }),
    );
    expect(await screen.findByRole("alert")).toHaveTextContent("A backing service is unavailable.");
    expect(screen.queryByText(/No USD budget/)).toBeNull();
  });
});
