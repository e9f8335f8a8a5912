import { useId, type ReactNode } from "react";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useAuth } from "../../auth/useAuth";
import {
  COUNT_OPERATORS,
  EVENTS,
  FIELDS_BY_TYPE,
  NO_VALUE_OPS,
  OPERATORS,
  PII_FIELDS,
  TAG_OPERATORS,
  keptKeys,
  type Condition,
  type CriteriaType,
  type OpaqueNode,
} from "../rules";

export type ConditionRowProps = {
  type: CriteriaType;
  condition: Condition;
  /** Names the row's controls, e.g. "demographic condition 2.1". */
  label: string;
  /** The condition lacks its value (or count) and a save found it: the input is marked. */
  incomplete?: boolean;
  onChange: (condition: Condition) => void;
  onRemove: () => void;
};

/** The choices, with the stored one first when the list does not offer it. */
const withCurrent = (choices: string[], current: string) => (choices.includes(current) ? choices : [current, ...choices]);

/** A part of a condition with its visible label ("Field", "Operator", …); the control's own
 * aria-label says which condition it belongs to ("demographic condition 2 field") and holds
 * the visible words, so speech input finds it by what is shown. */
function Part({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <span className="condition-part">
      <label htmlFor={id}>{label}</label>
      {children}
    </span>
  );
}

/** One draggable row of a group: the handle drags it (mouse, touch, or Space then arrow keys). */
function useRow(id: string) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id });
  return {
    setNodeRef,
    style: { transform: CSS.Transform.toString(transform), transition },
    handle: { ...attributes, ...listeners },
    isDragging,
  };
}

export function ConditionRow({ type, condition, label, incomplete = false, onChange, onRemove }: ConditionRowProps) {
  const row = useRow(condition.id);
  const id = useId();
  const kept = keptKeys(condition);
  const { can } = useAuth();
  const presenceOnly = condition.kind !== "event" && !can("view_pii") && PII_FIELDS.has(condition.field);
  const operators = type === "psychographic" ? TAG_OPERATORS : presenceOnly ? [...NO_VALUE_OPS] : OPERATORS;
  const chooseField = (field: string) => {
    if (condition.kind === "event") return;
    const refused = !can("view_pii") && PII_FIELDS.has(field) && !NO_VALUE_OPS.has(condition.op);
    onChange({ ...condition, field, ...(refused ? { op: "is_set", value: "" } : {}) });
  };

  return (
    <li
      ref={row.setNodeRef}
      style={row.style}
      className={`condition labelled${incomplete ? " incomplete" : ""}${row.isDragging ? " dragging" : ""}`}
    >
      <button type="button" className="handle" aria-label={`Reorder ${label}`} {...row.handle}>
        ⠿
      </button>
      {condition.kind === "event" ? (
        <>
          <Part id={`${id}-event`} label="Event">
            <select id={`${id}-event`} aria-label={`${label} event`} value={condition.event} onChange={(e) => onChange({ ...condition, event: e.target.value })}>
              {withCurrent(EVENTS, condition.event).map((event) => (
                <option key={event}>{event}</option>
              ))}
            </select>
          </Part>
          <Part id={`${id}-count-op`} label="Count operator">
            <select id={`${id}-count-op`} aria-label={`${label} count operator`} value={condition.countOp} onChange={(e) => onChange({ ...condition, countOp: e.target.value })}>
              {withCurrent(COUNT_OPERATORS, condition.countOp).map((op) => (
                <option key={op}>{op}</option>
              ))}
            </select>
          </Part>
          <Part id={`${id}-count`} label="Count">
            <input
              id={`${id}-count`}
              aria-label={`${label} count`}
              aria-invalid={incomplete}
              aria-describedby={incomplete ? `${id}-missing` : undefined}
              type={condition.count.includes(",") ? "text" : "number"}
              min={0}
              value={condition.count}
              onChange={(e) => onChange({ ...condition, count: e.target.value })}
            />
          </Part>
          <Part id={`${id}-days`} label="Within days">
            <input
              id={`${id}-days`}
              aria-label={`${label} within days`}
              type="number"
              min={1}
              placeholder="days"
              value={condition.withinDays}
              onChange={(e) => onChange({ ...condition, withinDays: e.target.value })}
            />
          </Part>
          {kept.length > 0 && <span className="muted">kept as saved: {kept.join(", ")}</span>}
        </>
      ) : (
        <>
          <Part id={`${id}-field`} label="Field">
            <select id={`${id}-field`} aria-label={`${label} field`} value={condition.field} onChange={(e) => chooseField(e.target.value)}>
              {withCurrent(FIELDS_BY_TYPE[type === "behavioral" ? "demographic" : type], condition.field).map((field) => (
                <option key={field}>{field}</option>
              ))}
            </select>
          </Part>
          <Part id={`${id}-op`} label="Operator">
            <select id={`${id}-op`} aria-label={`${label} operator`} value={condition.op} onChange={(e) => onChange({ ...condition, op: e.target.value })}>
              {withCurrent(operators, condition.op).map((op) => (
                <option key={op}>{op}</option>
              ))}
            </select>
          </Part>
          {presenceOnly && <span className="muted">personal data: only whether it is set, without the PII permission</span>}
          {!NO_VALUE_OPS.has(condition.op) && (
            <Part id={`${id}-value`} label="Value">
              <input
                id={`${id}-value`}
                aria-label={`${label} value`}
                aria-invalid={incomplete}
                aria-describedby={incomplete ? `${id}-missing` : undefined}
                value={condition.value}
                placeholder={type === "psychographic" || condition.op === "between" ? "comma, separated" : "value"}
                onChange={(e) => onChange({ ...condition, value: e.target.value })}
              />
            </Part>
          )}
        </>
      )}
      {incomplete && (
        <span id={`${id}-missing`} className="field-error">
          {condition.kind === "event" ? "Enter a count." : "Enter a value."}
        </span>
      )}
      <button type="button" className="secondary" aria-label={`Remove ${label}`} onClick={onRemove}>
        Remove
      </button>
    </li>
  );
}

export type OpaqueRowProps = { node: OpaqueNode; label: string; onRemove: () => void };

/** A stored rule the builder cannot edit: shown as written, kept as written. */
export function OpaqueRow({ node, label, onRemove }: OpaqueRowProps) {
  const row = useRow(node.id);
  return (
    <li ref={row.setNodeRef} style={row.style} className={`condition${row.isDragging ? " dragging" : ""}`}>
      <button type="button" className="handle" aria-label={`Reorder ${label}`} {...row.handle}>
        ⠿
      </button>
      <code aria-label={label}>{JSON.stringify(node.raw)}</code>
      <button type="button" className="secondary" aria-label={`Remove ${label}`} onClick={onRemove}>
        Remove
      </button>
    </li>
  );
}
