import { afterEach, describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import { Outlet } from "react-router-dom";
import { fakeApi, renderApp, signedInUser } from "../../../test-utils";
import { session } from "../../../api/session";
import { App } from "../../../App";

// The pages behind the guard, reduced to their name: what matters is whether they are shown.
vi.mock("../../../routes/Layout", () => ({ Layout: () => <Outlet /> }));
vi.mock("../../campaigns/components/CreateWizard", () => ({ CreateWizard: () => <p>The wizard</p> }));
vi.mock("../../data-requests/components/DataRequestsPage", () => ({ DataRequestsPage: () => <p>The data requests</p> }));
vi.mock("../../budget-guard/components/ChannelCostsPage", () => ({ ChannelCostsPage: () => <p>The unit costs</p> }));

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const me = (roles: string[], permissions: string[]) => signedInUser(permissions, roles);
const analyst = me(["marketing_analyst"], ["read_campaign", "read_reference_data"]);

function renderAt(path: string, user: object) {
  const { fetchMock } = fakeApi({ "GET /api/auth/me": () => user });
  vi.stubGlobal("fetch", fetchMock);
  session.store({ access_token: "a", refresh_token: "r", expires_in: 900, refresh_expires_in: 3600 });
  renderApp([{ path: "*", element: <App /> }], path);
}

describe("RequirePermission", () => {
  it.each([
    ["/campaigns/new", "New campaign", "You do not have permission to create campaigns.", "The wizard"],
    ["/data-requests", "Data requests", "You do not have permission to handle data requests.", "The data requests"],
    ["/settings/unit-costs", "Unit costs", "You do not have permission to see unit costs.", "The unit costs"],
  ])("says a read-only user may not use %s instead of showing its form", async (path, title, refusal, page) => {
    renderAt(path, analyst);
    expect(await screen.findByRole("heading", { name: title })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent(refusal);
    expect(screen.getByRole("link", { name: "Back to campaigns" })).toHaveAttribute("href", "/campaigns");
    expect(screen.queryByText(page)).toBeNull();
  });

  it("shows the page to a user who holds every permission it needs", async () => {
    renderAt("/campaigns/new", me(["campaign_specialist"], ["read_campaign", "create_campaign"]));
    expect(await screen.findByText("The wizard")).toBeInTheDocument();
    expect(screen.queryByText(/You do not have permission/)).toBeNull();
  });

  it("needs all of them: unit costs are read with budget visibility", async () => {
    renderAt("/settings/unit-costs", me(["executive"], ["read_campaign", "read_reference_data", "view_budget"]));
    expect(await screen.findByText("The unit costs")).toBeInTheDocument();
  });
});
