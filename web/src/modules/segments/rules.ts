// The visual builder's model and its translation to the API's rule language
// (docs/segment-engine.md, the rule language). Each criteria type is one root group; a group is
// all / any / not of conditions and further groups, nested as deep as the language allows
// (MAX_DEPTH). A "not" group matches when none of its children does: `{"not": child}` for one,
// `{"not": {"any": [children]}}` for several.
//
// Reading a stored tree and writing it back gives the same tree: every condition keeps the node
// it was read from and writes it unchanged until it is edited (an edit keeps the keys the builder
// does not show, such as an event's `where`), and nodes the builder cannot show at all are kept
// as they are.

export const CRITERIA_TYPES = ["demographic", "behavioral", "geographic", "psychographic"] as const;
export type CriteriaType = (typeof CRITERIA_TYPES)[number];
export type GroupKind = "all" | "any" | "not";
type Json = Record<string, unknown>;

export type FieldCondition = { id: string; kind: "field"; field: string; op: string; value: string; raw?: Json };
export type EventCondition = {
  id: string;
  kind: "event";
  event: string;
  countOp: string;
  count: string;
  withinDays: string;
  raw?: Json;
};
/** A stored node the builder cannot show; written back as it was read. */
export type OpaqueNode = { id: string; kind: "opaque"; raw: unknown };
export type Condition = FieldCondition | EventCondition;
export type RuleGroup = {
  id: string;
  kind: "group";
  match: GroupKind;
  children: RuleNode[];
  /** Read from a tree that was a single condition, not a group: written back the same way. */
  bare?: boolean;
};
export type RuleNode = Condition | OpaqueNode | RuleGroup;
export type SegmentRules = Record<CriteriaType, RuleGroup>;

/** How deep a criteria tree may nest: its root is level 1 (segment-engine's limit). */
export const MAX_DEPTH = 8;

export const FIELDS_BY_TYPE: Record<Exclude<CriteriaType, "behavioral">, string[]> = {
  demographic: ["age", "gender", "language", "first_name", "last_name", "email", "birth_date", "created_at"],
  geographic: ["country", "region", "city", "postal_code", "timezone", "location"],
  psychographic: ["interests", "lifestyle", "values"],
};
/** Contact fields holding personal data: without `view_pii` the API takes them only with
 * is_set / is_not_set (a value compared against them would reveal it one guess at a time). */
export const PII_FIELDS = new Set(["first_name", "last_name", "email", "birth_date", "postal_code", "location"]);
export const OPERATORS = [
  "eq",
  "neq",
  "in",
  "not_in",
  "gt",
  "gte",
  "lt",
  "lte",
  "between",
  "contains",
  "starts_with",
  "is_set",
  "is_not_set",
];
export const TAG_OPERATORS = ["contains_any", "contains_all", "contains_none", "is_set", "is_not_set"];
export const EVENTS = ["email_open", "email_click", "purchase", "page_view", "form_submit", "sms_click"];
export const COUNT_OPERATORS = ["gte", "gt", "eq", "neq", "lte", "lt"];
export const NO_VALUE_OPS = new Set(["is_set", "is_not_set"]);

let counter = 0;
export const newId = () => `c${Date.now().toString(36)}${(counter++).toString(36)}`;

export function newGroup(match: GroupKind = "all", children: RuleNode[] = []): RuleGroup {
  return { id: newId(), kind: "group", match, children };
}

export function emptyRules(): SegmentRules {
  return {
    demographic: newGroup(),
    behavioral: newGroup(),
    geographic: newGroup(),
    psychographic: newGroup(),
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

// ---- conditions ------------------------------------------------------------------------------

const LIST_OPS = new Set(["in", "not_in", "contains_any", "contains_all", "contains_none"]);
const NUMERIC_FIELDS = new Set(["age"]);

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function showValue(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map((item) => (isObject(item) ? JSON.stringify(item) : String(item))).join(", ");
  if (isObject(value)) return JSON.stringify(value);
  return String(value);
}

/** A typed value from the text typed: numbers for numeric fields (or where a number was stored). */
function scalar(text: string, field: string, like: unknown): unknown {
  const trimmed = text.trim();
  const numeric = trimmed !== "" && !Number.isNaN(Number(trimmed));
  if (numeric && (NUMERIC_FIELDS.has(field) || typeof like === "number")) return Number(trimmed);
  if (typeof like === "boolean" && (trimmed === "true" || trimmed === "false")) return trimmed === "true";
  return text;
}

function parseValue(condition: FieldCondition): unknown {
  const stored = condition.raw?.value;
  const parts = () =>
    condition.value
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
  if (LIST_OPS.has(condition.op) || condition.op === "between") {
    const like = Array.isArray(stored) ? stored[0] : undefined;
    return parts().map((part) => scalar(part, condition.field, like));
  }
  if (condition.value.trim().startsWith("{")) {
    try {
      return JSON.parse(condition.value) as unknown;
    } catch {
      return condition.value;
    }
  }
  return scalar(condition.value, condition.field, stored);
}

function readCondition(node: Json): Condition | null {
  if (typeof node.event === "string") {
    const count = node.count;
    if (count !== undefined && !isObject(count)) return null;
    return {
      id: newId(),
      kind: "event",
      event: node.event,
      countOp: typeof count?.op === "string" ? count.op : "gte",
      count: count === undefined ? "1" : showValue(count.value),
      withinDays: showValue(node.within_days),
      raw: node,
    };
  }
  if (typeof node.field === "string" && typeof node.op === "string") {
    return { id: newId(), kind: "field", field: node.field, op: node.op, value: showValue(node.value), raw: node };
  }
  return null;
}

function countValue(text: string): unknown {
  const parts = text.split(",").map((part) => Number(part.trim() || 0));
  return parts.length > 1 ? parts : parts[0];
}

function writeCondition(condition: Condition): Json {
  const stored = condition.raw ? readCondition(condition.raw) : null;
  if (condition.kind === "event") {
    const was = stored?.kind === "event" ? stored : null;
    const node: Json = { ...(condition.raw ?? {}), event: condition.event };
    if (!was || was.countOp !== condition.countOp || was.count !== condition.count) {
      node.count = { op: condition.countOp, value: countValue(condition.count) };
      delete node.occurrence;
    }
    if (!was || was.withinDays !== condition.withinDays) {
      delete node.within_days;
      if (condition.withinDays.trim()) {
        node.within_days = Number(condition.withinDays);
        delete node.between;
      }
    }
    return node;
  }
  const was = stored?.kind === "field" ? stored : null;
  if (was && condition.raw && was.field === condition.field && was.op === condition.op && was.value === condition.value) {
    return condition.raw;
  }
  const node: Json = { field: condition.field, op: condition.op };
  if (!NO_VALUE_OPS.has(condition.op)) node.value = parseValue(condition);
  return node;
}

/** Keys of a stored condition the builder keeps but does not edit (e.g. an event's `where`). */
export function keptKeys(condition: Condition): string[] {
  if (condition.kind !== "event" || !condition.raw) return [];
  const shown = new Set(["event", "count", "within_days"]);
  return Object.keys(condition.raw).filter((key) => !shown.has(key));
}

// ---- trees -----------------------------------------------------------------------------------

function writeNode(node: RuleNode): unknown {
  if (node.kind === "opaque") return node.raw;
  if (node.kind !== "group") return writeCondition(node);
  const children = node.children.map(writeNode).filter((child) => child !== null);
  if (children.length === 0) return null;
  if (node.match === "not") return { not: children.length === 1 ? children[0] : { any: children } };
  return { [node.match]: children };
}

function readNode(raw: unknown): RuleNode {
  if (!isObject(raw)) return { id: newId(), kind: "opaque", raw };
  const keys = Object.keys(raw);
  if (keys.length === 1 && (keys[0] === "all" || keys[0] === "any") && Array.isArray(raw[keys[0]])) {
    return newGroup(keys[0] as GroupKind, (raw[keys[0]] as unknown[]).map(readNode));
  }
  if (keys.length === 1 && keys[0] === "not") {
    const inner = raw.not;
    // {"not": {"any": [a, b, …]}} is how the builder writes "none of" several children.
    if (isObject(inner) && Object.keys(inner).length === 1 && Array.isArray(inner.any) && inner.any.length > 1) {
      return newGroup("not", (inner.any as unknown[]).map(readNode));
    }
    return newGroup("not", [readNode(inner)]);
  }
  return readCondition(raw) ?? { id: newId(), kind: "opaque", raw };
}

/** One criteria type's rule tree; `{}` (no condition) when the group is empty. */
export function groupToTree(group: RuleGroup): Record<string, unknown> {
  const only = group.children[0];
  if (group.bare && group.match === "all" && group.children.length === 1 && only.kind !== "group") {
    return writeNode(only) as Json;
  }
  return (writeNode(group) as Json | null) ?? {};
}

/** Reads a stored tree back into the builder (any shape the rule language allows). */
export function treeToGroup(tree: Record<string, unknown> | null | undefined): RuleGroup {
  if (!tree || Object.keys(tree).length === 0) return newGroup();
  const node = readNode(tree);
  if (node.kind === "group") return node;
  return { ...newGroup("all", [node]), bare: true };
}

export function rulesToCriteria(rules: SegmentRules): Record<`${CriteriaType}_criteria`, Record<string, unknown>> {
  return {
    demographic_criteria: groupToTree(rules.demographic),
    behavioral_criteria: groupToTree(rules.behavioral),
    geographic_criteria: groupToTree(rules.geographic),
    psychographic_criteria: groupToTree(rules.psychographic),
  };
}

/** Whether a group holds at least one condition, at any depth. */
export function hasConditions(node: RuleNode): boolean {
  return node.kind === "group" ? node.children.some(hasConditions) : true;
}

/** How many conditions, at any depth, still lack what they need: a value for an operator that
 * takes one, a count for an event. */
export function incompleteConditions(node: RuleNode): number {
  if (node.kind === "group") return node.children.reduce((sum, child) => sum + incompleteConditions(child), 0);
  if (node.kind === "opaque") return 0;
  if (node.kind === "event") return node.count.trim() === "" ? 1 : 0;
  return !NO_VALUE_OPS.has(node.op) && node.value.trim() === "" ? 1 : 0;
}

/** How many conditions of all the criteria still lack what they need. */
export function incompleteInRules(rules: SegmentRules): number {
  return CRITERIA_TYPES.reduce((sum, type) => sum + incompleteConditions(rules[type]), 0);
}

/** What to say about `count` conditions left without a value. */
export function incompleteConditionsMessage(count: number): string {
  return `${count === 1 ? "A condition has" : `${count} conditions have`} no value yet: fill it in or remove it.`;
}

/** Whether a condition lacks what it needs (see incompleteConditions). */
export function isIncomplete(node: RuleNode): boolean {
  return node.kind !== "group" && incompleteConditions(node) > 0;
}

export function segmentTypeOf(rules: SegmentRules): string {
  const used = CRITERIA_TYPES.filter((type) => hasConditions(rules[type]));
  return used.length === 1 ? used[0] : "mixed";
}

/** The depth, in the written tree, of the children of a group written at `depth`
 * (a "not" of several children writes them inside an implicit "any"). */
export function childDepth(group: RuleGroup, depth: number, children = group.children.length): number {
  return depth + (group.match === "not" && children > 1 ? 2 : 1);
}

/** Whether a new group may be added to `group` (written at `depth`) and still hold a condition. */
export function canNest(group: RuleGroup, depth: number): boolean {
  return childDepth(group, depth, group.children.length + 1) + 1 <= MAX_DEPTH;
}
