// The visual builder's model and its translation to the API's rule language
// (docs/segment-engine.md, the rule language): each criteria type is one group (all / any / not)
// of conditions; "not" negates the conjunction of its conditions.

export const CRITERIA_TYPES = ["demographic", "behavioral", "geographic", "psychographic"] as const;
export type CriteriaType = (typeof CRITERIA_TYPES)[number];
export type GroupKind = "all" | "any" | "not";

export type FieldCondition = { id: string; kind: "field"; field: string; op: string; value: string };
export type EventCondition = {
  id: string;
  kind: "event";
  event: string;
  countOp: string;
  count: string;
  withinDays: string;
};
export type Condition = FieldCondition | EventCondition;
export type RuleGroup = { kind: GroupKind; conditions: Condition[] };
export type SegmentRules = Record<CriteriaType, RuleGroup>;

export const FIELDS_BY_TYPE: Record<Exclude<CriteriaType, "behavioral">, string[]> = {
  demographic: ["age", "gender", "language", "first_name", "last_name", "email", "birth_date"],
  geographic: ["country", "region", "city", "postal_code", "timezone"],
  psychographic: ["interests", "lifestyle", "values"],
};
export const OPERATORS = ["eq", "neq", "in", "not_in", "gt", "gte", "lt", "lte", "contains"];
export const TAG_OPERATORS = ["contains_any", "contains_all", "contains_none"];
export const EVENTS = ["email_open", "email_click", "purchase", "page_view", "form_submit", "sms_click"];
export const COUNT_OPERATORS = ["gte", "gt", "eq", "lte", "lt"];

let counter = 0;
export const newId = () => `c${Date.now().toString(36)}${(counter++).toString(36)}`;

export function emptyRules(): SegmentRules {
  return {
    demographic: { kind: "all", conditions: [] },
    behavioral: { kind: "all", conditions: [] },
    geographic: { kind: "all", conditions: [] },
    psychographic: { kind: "all", conditions: [] },
  };
}

export function newCondition(type: CriteriaType): Condition {
  if (type === "behavioral") {
    return { id: newId(), kind: "event", event: "email_open", countOp: "gte", count: "1", withinDays: "90" };
  }
  const field = FIELDS_BY_TYPE[type][0];
  const op = type === "psychographic" ? "contains_any" : "eq";
  return { id: newId(), kind: "field", field, op, value: "" };
}

const LIST_OPS = new Set(["in", "not_in", ...TAG_OPERATORS]);
const NUMERIC_FIELDS = new Set(["age"]);

function parseValue(condition: FieldCondition): unknown {
  if (LIST_OPS.has(condition.op)) {
    return condition.value
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
  }
  if (NUMERIC_FIELDS.has(condition.field) && condition.value.trim() !== "" && !Number.isNaN(Number(condition.value))) {
    return Number(condition.value);
  }
  return condition.value;
}

function toNode(condition: Condition): Record<string, unknown> {
  if (condition.kind === "event") {
    const node: Record<string, unknown> = {
      event: condition.event,
      count: { op: condition.countOp, value: Number(condition.count || 0) },
    };
    if (condition.withinDays) node.within_days = Number(condition.withinDays);
    return node;
  }
  return { field: condition.field, op: condition.op, value: parseValue(condition) };
}

/** One criteria type's rule tree; `{}` (no condition) when the group is empty. */
export function groupToTree(group: RuleGroup): Record<string, unknown> {
  if (group.conditions.length === 0) return {};
  const nodes = group.conditions.map(toNode);
  if (group.kind === "not") return { not: nodes.length === 1 ? nodes[0] : { all: nodes } };
  return { [group.kind]: nodes };
}

export function rulesToCriteria(rules: SegmentRules): Record<`${CriteriaType}_criteria`, Record<string, unknown>> {
  return {
    demographic_criteria: groupToTree(rules.demographic),
    behavioral_criteria: groupToTree(rules.behavioral),
    geographic_criteria: groupToTree(rules.geographic),
    psychographic_criteria: groupToTree(rules.psychographic),
  };
}

function fromNode(node: Record<string, unknown>): Condition | null {
  if ("event" in node) {
    const count = (node.count ?? {}) as { op?: string; value?: number };
    return {
      id: newId(),
      kind: "event",
      event: String(node.event),
      countOp: count.op ?? "gte",
      count: String(count.value ?? 1),
      withinDays: node.within_days === undefined ? "" : String(node.within_days),
    };
  }
  if ("field" in node) {
    const value = Array.isArray(node.value) ? node.value.join(", ") : String(node.value ?? "");
    return { id: newId(), kind: "field", field: String(node.field), op: String(node.op), value };
  }
  return null;
}

/** Reads a stored tree back into the builder; shapes it cannot show are kept out (null). */
export function treeToGroup(tree: Record<string, unknown> | null | undefined): RuleGroup | null {
  if (!tree || Object.keys(tree).length === 0) return { kind: "all", conditions: [] };
  const read = (kind: GroupKind, nodes: unknown): RuleGroup | null => {
    const list = (Array.isArray(nodes) ? nodes : [nodes]) as Record<string, unknown>[];
    const conditions = list.map(fromNode);
    return conditions.every(Boolean) ? { kind, conditions: conditions as Condition[] } : null;
  };
  if ("all" in tree) return read("all", tree.all);
  if ("any" in tree) return read("any", tree.any);
  if ("not" in tree) {
    const inner = tree.not as Record<string, unknown>;
    return read("not", "all" in inner ? inner.all : inner);
  }
  return read("all", tree);
}

export function segmentTypeOf(rules: SegmentRules): string {
  const used = CRITERIA_TYPES.filter((type) => rules[type].conditions.length > 0);
  return used.length === 1 ? used[0] : "mixed";
}
