import { describe, expect, it } from "vitest";
import { emptyRules, groupToTree, rulesToCriteria, segmentTypeOf, treeToGroup, type RuleGroup } from "./rules";

describe("segment rules", () => {
  it("turns an empty group into no condition", () => {
    expect(groupToTree({ kind: "all", conditions: [] })).toEqual({});
  });

  it("writes all / any / not groups in the API's rule language", () => {
    const conditions: RuleGroup["conditions"] = [
      { id: "a", kind: "field", field: "country", op: "in", value: "US, CA" },
      { id: "b", kind: "field", field: "age", op: "gte", value: "30" },
    ];
    expect(groupToTree({ kind: "all", conditions })).toEqual({
      all: [
        { field: "country", op: "in", value: ["US", "CA"] },
        { field: "age", op: "gte", value: 30 },
      ],
    });
    expect(groupToTree({ kind: "any", conditions })).toHaveProperty("any");
    expect(groupToTree({ kind: "not", conditions: conditions.slice(0, 1) })).toEqual({
      not: { field: "country", op: "in", value: ["US", "CA"] },
    });
  });

  it("writes behavioural conditions with a count and a window", () => {
    const tree = groupToTree({
      kind: "all",
      conditions: [{ id: "e", kind: "event", event: "email_open", countOp: "gte", count: "2", withinDays: "90" }],
    });
    expect(tree).toEqual({ all: [{ event: "email_open", count: { op: "gte", value: 2 }, within_days: 90 }] });
  });

  it("reads a stored tree back into the builder", () => {
    const group = treeToGroup({ any: [{ field: "city", op: "eq", value: "Paris" }] });
    expect(group?.kind).toBe("any");
    expect(group?.conditions[0]).toMatchObject({ field: "city", op: "eq", value: "Paris" });
    expect(treeToGroup({ not: { all: [{ field: "city", op: "eq", value: "Oslo" }] } })?.kind).toBe("not");
  });

  it("names the segment type after the criteria used", () => {
    const rules = emptyRules();
    expect(rulesToCriteria(rules).demographic_criteria).toEqual({});
    rules.geographic.conditions.push({ id: "g", kind: "field", field: "country", op: "eq", value: "US" });
    expect(segmentTypeOf(rules)).toBe("geographic");
    rules.demographic.conditions.push({ id: "d", kind: "field", field: "gender", op: "eq", value: "female" });
    expect(segmentTypeOf(rules)).toBe("mixed");
  });
});
