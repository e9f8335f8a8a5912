import { describe, expect, it } from "vitest";
import {
  MAX_DEPTH,
  canNest,
  emptyRules,
  groupToTree,
  incompleteConditions,
  newGroup,
  rulesToCriteria,
  segmentTypeOf,
  treeToGroup,
  type Condition,
  type RuleGroup,
} from "./rules";

const field = (id: string, name: string, op: string, value: string): Condition => ({ id, kind: "field", field: name, op, value });

describe("segment rules", () => {
  it("turns an empty group into no condition", () => {
    expect(groupToTree(newGroup())).toEqual({});
    expect(groupToTree(newGroup("all", [newGroup("any")]))).toEqual({});
  });

  it("writes all / any / not groups in the API's rule language", () => {
    const children = [field("a", "country", "in", "US, CA"), field("b", "age", "gte", "30")];
    expect(groupToTree(newGroup("all", children))).toEqual({
      all: [
        { field: "country", op: "in", value: ["US", "CA"] },
        { field: "age", op: "gte", value: 30 },
      ],
    });
    expect(groupToTree(newGroup("any", children))).toHaveProperty("any");
    expect(groupToTree(newGroup("not", children.slice(0, 1)))).toEqual({
      not: { field: "country", op: "in", value: ["US", "CA"] },
    });
    // None of several.
    expect(groupToTree(newGroup("not", children))).toEqual({
      not: { any: [{ field: "country", op: "in", value: ["US", "CA"] }, { field: "age", op: "gte", value: 30 }] },
    });
  });

  it("writes nested groups", () => {
    const group = newGroup("all", [
      field("a", "gender", "eq", "female"),
      newGroup("any", [field("b", "age", "lt", "30"), newGroup("not", [field("c", "language", "is_set", "ignored")])]),
    ]);
    expect(groupToTree(group)).toEqual({
      all: [
        { field: "gender", op: "eq", value: "female" },
        { any: [{ field: "age", op: "lt", value: 30 }, { not: { field: "language", op: "is_set" } }] },
      ],
    });
  });

  it("writes behavioural conditions with a count and a window", () => {
    const tree = groupToTree(
      newGroup("all", [{ id: "e", kind: "event", event: "email_open", countOp: "gte", count: "2", withinDays: "90" }]),
    );
    expect(tree).toEqual({ all: [{ event: "email_open", count: { op: "gte", value: 2 }, within_days: 90 }] });
  });

  it.each([
    ["a single condition", { field: "city", op: "eq", value: "Paris" }],
    ["a single event", { event: "purchase", count: { op: "between", value: [2, 5] }, between: ["2026-01-01", "2026-03-31"] }],
    ["any", { any: [{ field: "city", op: "eq", value: "Paris" }, { field: "attributes.vip", op: "eq", value: true }] }],
    ["not of one", { not: { field: "gender", op: "eq", value: "female" } }],
    ["not of an all", { not: { all: [{ field: "city", op: "eq", value: "Oslo" }, { field: "age", op: "gt", value: 40 }] } }],
    ["not of a one-child all", { not: { all: [{ field: "city", op: "eq", value: "Oslo" }] } }],
    ["not of an any", { not: { any: [{ field: "city", op: "eq", value: "Oslo" }, { field: "city", op: "eq", value: "Rome" }] } }],
    [
      "deep nesting with every kind of leaf",
      {
        all: [
          { any: [{ not: { all: [{ any: [{ field: "location", op: "within_radius", value: { lat: 48.85, lon: 2.35, km: 25 } }] }] } }] },
          { event: "email_click", where: [{ field: "campaign_id", op: "is_set" }], occurrence: "last", within_days: 14 },
          { field: "interests", op: "contains_all", value: ["golf", "wine"] },
          { field: "birth_date", op: "between", value: ["1980-01-01", "1989-12-31"] },
          { field: "postal_code", op: "in", value: ["75001", "75002"] },
          { field: "attributes.score", op: "gte", value: 7.5 },
        ],
      },
    ],
  ])("reads %s back into the builder and writes it unchanged", (_name, tree) => {
    expect(groupToTree(treeToGroup(tree))).toEqual(tree);
    expect(JSON.stringify(groupToTree(treeToGroup(tree)))).toBe(JSON.stringify(tree));
  });

  it("keeps what an edited condition does not show, and types the value like the stored one", () => {
    const group = treeToGroup({
      all: [
        { event: "purchase", count: { op: "gte", value: 1 }, where: [{ field: "amount", op: "gt", value: 100 }] },
        { field: "attributes.tier", op: "in", value: [1, 2] },
      ],
    });
    const [event, attribute] = group.children as Condition[];
    if (event.kind !== "event" || attribute.kind !== "field") throw new Error("unexpected nodes");
    const edited: RuleGroup = {
      ...group,
      children: [
        { ...event, count: "3" },
        { ...attribute, value: "1, 2, 3" },
      ],
    };
    expect(groupToTree(edited)).toEqual({
      all: [
        { event: "purchase", count: { op: "gte", value: 3 }, where: [{ field: "amount", op: "gt", value: 100 }] },
        { field: "attributes.tier", op: "in", value: [1, 2, 3] },
      ],
    });
  });

  it("offers nesting only as deep as the rule language allows", () => {
    expect(canNest(newGroup("all"), 1)).toBe(true);
    expect(canNest(newGroup("all"), MAX_DEPTH - 2)).toBe(true);
    expect(canNest(newGroup("all"), MAX_DEPTH - 1)).toBe(false);
    // A second child of a "not" goes one level lower, inside its implicit "any".
    expect(canNest(newGroup("not", [field("a", "age", "gt", "1")]), MAX_DEPTH - 2)).toBe(false);
  });

  it("names the segment type after the criteria used", () => {
    const rules = emptyRules();
    expect(rulesToCriteria(rules).demographic_criteria).toEqual({});
    rules.geographic.children.push(newGroup("any", [field("g", "country", "eq", "US")]));
    expect(segmentTypeOf(rules)).toBe("geographic");
    rules.demographic.children.push(field("d", "gender", "eq", "female"));
    expect(segmentTypeOf(rules)).toBe("mixed");
  });

  it("counts the conditions that still lack a value or a count, at any depth", () => {
    const event: Condition = { id: "e", kind: "event", event: "purchase", countOp: "gte", count: "", withinDays: "" };
    const tree = newGroup("all", [
      field("a", "age", "gte", "30"),
      field("b", "country", "eq", "  "),
      field("c", "email", "is_set", ""),
      newGroup("not", [event, field("d", "language", "in", "")]),
    ]);
    expect(incompleteConditions(tree)).toBe(3);
    expect(incompleteConditions(newGroup())).toBe(0);
  });
});
