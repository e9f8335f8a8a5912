import { afterEach, describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import { fakeApi, renderApp, signedInUser } from "../../../test-utils";
import { session } from "../../../api/session";
import { ApprovalsInbox } from "./ApprovalsInbox";

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const me = (permissions: string[]) => signedInUser(permissions);
const pending = {
  id: "c1",
  campaign_name: "Spring sale",
  campaign_code: "SPRING-26",
  primary_channel: "email",
  start_date: "2026-03-01T09:00:00Z",
  end_date: "2026-03-31T09:00:00Z",
  total_budget: "20000.00",
  currency_code: "USD",
};

function renderInbox(permissions: string[], items: unknown[] = [pending]) {
  const { fetchMock } = fakeApi({
    "GET /api/auth/me": () => me(permissions),
    "GET /api/campaigns/": () => ({ items, total: items.length, page: 1, page_size: 50, filters: {} }),
  });
  vi.stubGlobal("fetch", fetchMock);
  session.store({ access_token: "a", refresh_token: "r", expires_in: 900, refresh_expires_in: 3600 });
  renderApp([{ path: "/", element: <ApprovalsInbox /> }], "/");
}

describe("ApprovalsInbox", () => {
  it("offers an approver to approve or reject each waiting campaign", async () => {
    renderInbox(["read_campaign", "approve_campaign"]);
    expect(await screen.findByRole("button", { name: "Approve Spring sale" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Reject Spring sale" })).toBeInTheDocument();
    expect(screen.queryByText(/do not have permission/)).toBeNull();
  });

  it("lists the waiting campaigns to a reader without buttons that could only be refused, and says why", async () => {
    renderInbox(["read_campaign", "read_reference_data"]);
    expect(await screen.findByRole("link", { name: "Spring sale" })).toBeInTheDocument();
    expect(screen.getByText(/You do not have permission to approve or reject campaigns/)).toBeInTheDocument();
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.queryByLabelText("Comment for Spring sale")).toBeNull();
  });

  it("counts the waiting campaigns in words that agree with the number", async () => {
    renderInbox(["read_campaign", "approve_campaign"]);
    expect(await screen.findByText("1 campaign waits for approval.")).toBeInTheDocument();
  });

  it("says several are waiting in the plural", async () => {
    renderInbox(["read_campaign", "approve_campaign"], [pending, { ...pending, id: "c2", campaign_name: "Autumn" }]);
    expect(await screen.findByText("2 campaigns wait for approval.")).toBeInTheDocument();
  });
});
