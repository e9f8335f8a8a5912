import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeApi, renderApp } from "../../../test-utils";
import { session } from "../../../api/session";
import { SegmentsTab } from "./SegmentsTab";

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const me = {
  id: "u",
  email: "manager@acme.test",
  full_name: "Manager",
  company: { id: "co", name: "Acme", slug: "acme" },
  roles: ["marketing_manager"],
  permissions: ["read_campaign", "update_campaign"],
  mfa_enabled: false,
  last_login_at: null,
};

// Nested groups in three criteria, leaves the builder shows only in part, and a "not" of several.
const demographic = {
  all: [
    { field: "gender", op: "eq", value: "female" },
    {
      any: [
        { field: "age", op: "between", value: [25, 34] },
        { not: { all: [{ field: "language", op: "eq", value: "fr" }, { field: "attributes.vip", op: "eq", value: true }] } },
      ],
    },
  ],
};
const behavioral = {
  any: [
    { event: "purchase", count: { op: "gte", value: 2 }, within_days: 30, where: [{ field: "amount", op: "gt", value: 100 }] },
    { not: { event: "email_open", count: { op: "eq", value: 0 }, between: ["2026-01-01", "2026-03-31"] } },
  ],
};
const geographic = { field: "location", op: "within_radius", value: { lat: 48.85, lon: 2.35, km: 25 } };
const segment = {
  id: "s1",
  campaign_id: "c1",
  segment_name: "Parisian buyers",
  segment_type: "mixed",
  demographic_criteria: demographic,
  behavioral_criteria: behavioral,
  geographic_criteria: geographic,
  psychographic_criteria: {},
  target_count: 10,
  actual_count: 8,
  last_evaluated_at: "2026-03-01T10:00:00Z",
};
const estimate = {
  count: 7,
  matched: 10,
  excluded: { no_consent: 2, suppressed: 0, no_address: 1 },
  exact: true,
  sample_fraction: 1,
  count_range: [7, 7],
  matched_range: [10, 10],
  channel: "email",
  sample: [],
  took_ms: 3,
};

function stack(user = me, segments: unknown[] = [segment]) {
  const saved: Record<string, unknown>[] = [];
  const matched: (string | null)[] = [];
  const api = fakeApi({
    "GET /api/auth/me": () => user,
    "GET /api/campaign-segments/": () => ({ items: segments, total: segments.length, page: 1, page_size: 100, filters: {} }),
    "POST /api/segments/estimate/": () => estimate,
    "PATCH /api/campaign-segments/s1/": async (request) => {
      matched.push(request.headers.get("If-Match"));
      saved.push((await request.json()) as Record<string, unknown>);
      return segment;
    },
  });
  vi.stubGlobal("fetch", api.fetchMock);
  session.store({ access_token: "a", refresh_token: "r", expires_in: 900, refresh_expires_in: 3600 });
  renderApp([{ path: "/", element: <SegmentsTab campaignId="c1" channel="email" version={4} /> }], "/");
  return Object.assign(saved, { matched });
}

describe("SegmentsTab", () => {
  it("says a segment never evaluated is not evaluated yet, rather than matching no one", async () => {
    const fresh = { ...segment, id: "s2", segment_name: "Fresh", target_count: 0, actual_count: 0, last_evaluated_at: null };
    stack(me, [segment, fresh]);

    const evaluated = await screen.findByRole("row", { name: /Parisian buyers/ });
    expect(within(evaluated).getAllByRole("cell").map((cell) => cell.textContent)).toEqual(
      expect.arrayContaining(["10", "8"]),
    );
    const never = screen.getByRole("row", { name: /Fresh/ });
    expect(never).toHaveTextContent("not evaluated yet");
    expect(within(never).queryByText("0")).toBeNull();
  });

  it("shows the estimate with each reason a matching contact is left out", async () => {
    stack();
    await userEvent.click(await screen.findByRole("button", { name: "Edit Parisian buyers" }));

    expect(await screen.findByTestId("estimate-count")).toHaveTextContent("7 sendable");
    const estimate = screen.getByRole("complementary", { name: "Audience estimate" });
    expect(estimate).toHaveTextContent(/10 match the rules; excluded: 2 without consent.*0 suppressed, 1 without an address/);
  });

  it("offers personal-data fields only with is_set / is_not_set without view_pii", async () => {
    stack();
    await userEvent.click(await screen.findByRole("button", { name: "Edit Parisian buyers" }));
    await userEvent.selectOptions(screen.getByLabelText("demographic condition 1 field"), "email");

    const operator = screen.getByLabelText("demographic condition 1 operator");
    expect(operator).toHaveValue("is_set");
    const offered = within(operator).getAllByRole("option").map((option) => option.textContent);
    expect(offered).toEqual(["is_set", "is_not_set"]);
    expect(screen.queryByLabelText("demographic condition 1 value")).not.toBeInTheDocument();
  });

  it("offers every operator on personal-data fields with view_pii", async () => {
    stack({ ...me, permissions: [...me.permissions, "view_pii"] });
    await userEvent.click(await screen.findByRole("button", { name: "Edit Parisian buyers" }));
    await userEvent.selectOptions(screen.getByLabelText("demographic condition 1 field"), "email");

    const operator = screen.getByLabelText("demographic condition 1 operator");
    expect(operator).toHaveValue("eq");
    expect(within(operator).getAllByRole("option").map((option) => option.textContent)).toContain("starts_with");
    expect(screen.getByLabelText("demographic condition 1 value")).toBeInTheDocument();
  });

  it("labels each part of a condition visibly, and names the condition it belongs to", async () => {
    stack();
    await userEvent.click(await screen.findByRole("button", { name: "Edit Parisian buyers" }));

    // The second condition of the second demographic group: field, operator, value.
    const parts = [
      screen.getByRole("combobox", { name: "demographic condition 2.1 field" }),
      screen.getByRole("combobox", { name: "demographic condition 2.1 operator" }),
      screen.getByRole("textbox", { name: "demographic condition 2.1 value" }),
    ];
    expect(parts.map((part) => (part as HTMLInputElement).value)).toEqual(["age", "between", "25, 34"]);
    expect(parts.map((part) => Array.from((part as HTMLInputElement).labels ?? [], (l) => l.textContent))).toEqual([
      ["Field"],
      ["Operator"],
      ["Value"],
    ]);
    // A count condition too; every name holds the words its label shows.
    const event = screen.getByRole("combobox", { name: "behavioral condition 1 event" });
    expect(event).toHaveValue("purchase");
    expect(Array.from((event as HTMLSelectElement).labels, (l) => l.textContent)).toEqual(["Event"]);
    for (const control of document.querySelectorAll<HTMLInputElement>(".condition input, .condition select")) {
      const shown = Array.from(control.labels ?? [], (l) => l.textContent ?? "");
      expect(shown).toHaveLength(1);
      expect(control.getAttribute("aria-label")?.toLowerCase()).toContain(shown[0].toLowerCase());
      expect(control.getAttribute("aria-label")).toMatch(/^(demographic|behavioral|geographic|psychographic) condition [\d.]+ /);
    }
  });

  it("edits one condition of a nested rule tree and saves the rest unchanged", async () => {
    const saved = stack();
    await userEvent.click(await screen.findByRole("button", { name: "Edit Parisian buyers" }));

    // The nested groups are shown as groups, numbered by position.
    expect(screen.getByRole("list", { name: "Rules of demographic group 2" })).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "Rules of demographic group 2.2" })).toBeInTheDocument();
    expect(screen.getByLabelText("demographic group 2.2 match")).toHaveValue("not");
    expect(screen.getByLabelText("demographic condition 2.1 operator")).toHaveValue("between");
    expect(screen.getByLabelText("demographic condition 2.2.1.2 field")).toHaveValue("attributes.vip");

    // Edit one leaf, deep inside: the language of the "not" group.
    const language = screen.getByLabelText("demographic condition 2.2.1.1 value");
    await userEvent.clear(language);
    await userEvent.type(language, "de");
    // A tree stored as a single condition stays one when that condition is edited.
    const radius = screen.getByLabelText("geographic condition 1 value");
    expect(radius).toHaveValue('{"lat":48.85,"lon":2.35,"km":25}');
    await userEvent.clear(radius);
    await userEvent.type(radius, '{{"lat":48.85,"lon":2.35,"km":30}');
    await userEvent.click(screen.getByRole("button", { name: "Save segment" }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved.matched).toEqual(['"4"']);
    const body = saved[0];
    expect(body.geographic_criteria).toEqual({ field: "location", op: "within_radius", value: { lat: 48.85, lon: 2.35, km: 30 } });
    expect(body.demographic_criteria).toEqual({
      all: [
        { field: "gender", op: "eq", value: "female" },
        {
          any: [
            { field: "age", op: "between", value: [25, 34] },
            { not: { all: [{ field: "language", op: "eq", value: "de" }, { field: "attributes.vip", op: "eq", value: true }] } },
          ],
        },
      ],
    });
    // The trees not edited are not sent at all (they keep what is stored).
    expect(Object.keys(body).sort()).toEqual(["demographic_criteria", "geographic_criteria", "segment_name", "segment_type"]);
  });

  it("adds a nested group and removes one, keeping the others", async () => {
    const saved = stack();
    await userEvent.click(await screen.findByRole("button", { name: "Edit Parisian buyers" }));

    await userEvent.click(screen.getByRole("button", { name: "Add psychographic group" }));
    const group = screen.getByRole("list", { name: "Rules of psychographic group 1" });
    await userEvent.type(within(group).getByLabelText("psychographic condition 1.1 value"), "golf, wine");
    await userEvent.click(screen.getByRole("button", { name: "Remove behavioral group 2" }));
    await userEvent.click(screen.getByRole("button", { name: "Save segment" }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].psychographic_criteria).toEqual({
      all: [{ any: [{ field: "interests", op: "contains_any", value: ["golf", "wine"] }] }],
    });
    expect(saved[0].behavioral_criteria).toEqual({ any: [behavioral.any[0]] });
    expect(saved[0]).not.toHaveProperty("demographic_criteria");
    expect(saved[0]).not.toHaveProperty("geographic_criteria");
  });

  it("scrolls its table within its own box on a narrow screen", async () => {
    stack();
    const table = await screen.findByRole("table", { name: "Segments of this campaign" });
    expect(table.parentElement).toHaveClass("table-wrap");
  });

  it("marks a condition left without a value and saves nothing until it has one", async () => {
    const saved = stack();
    await userEvent.click(await screen.findByRole("button", { name: "Edit Parisian buyers" }));
    const language = screen.getByLabelText("demographic condition 2.2.1.1 value");
    await userEvent.clear(language);
    await userEvent.click(screen.getByRole("button", { name: "Save segment" }));

    const problem = await screen.findByText("A condition has no value yet: fill it in or remove it.");
    await waitFor(() => expect(problem).toHaveFocus());
    expect(language).toHaveAttribute("aria-invalid", "true");
    expect(language).toHaveAccessibleDescription("Enter a value.");
    expect(screen.getByLabelText("demographic condition 1 value")).toHaveAttribute("aria-invalid", "false");
    expect(saved).toHaveLength(0);

    await userEvent.type(language, "de");
    expect(language).toHaveAttribute("aria-invalid", "false");
    expect(screen.queryByText(/no value yet/)).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Save segment" }));
    await waitFor(() => expect(saved).toHaveLength(1));
  });

  it("asks before Close drops changes to a segment, and closes at once when nothing changed", async () => {
    const confirm = vi.spyOn(window, "confirm").mockReturnValue(false);
    stack();
    await userEvent.click(await screen.findByRole("button", { name: "Edit Parisian buyers" }));
    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(confirm).not.toHaveBeenCalled();
    expect(screen.queryByRole("region", { name: "Segment builder" })).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "Edit Parisian buyers" }));
    await userEvent.type(screen.getByLabelText("demographic condition 1 value"), "s");
    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(confirm).toHaveBeenCalledWith("Discard your changes to this segment?");
    expect(screen.getByLabelText("demographic condition 1 value")).toHaveValue("females");

    confirm.mockReturnValue(true);
    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("region", { name: "Segment builder" })).toBeNull();
    confirm.mockRestore();
  });
});
