import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import {
  COUNT_OPERATORS,
  EVENTS,
  FIELDS_BY_TYPE,
  OPERATORS,
  TAG_OPERATORS,
  type Condition,
  type CriteriaType,
} from "../rules";

export type ConditionRowProps = {
  type: CriteriaType;
  condition: Condition;
  index: number;
  onChange: (condition: Condition) => void;
  onRemove: () => void;
};

/** One condition; the handle drags it (mouse, touch, or Space then arrow keys). */
export function ConditionRow({ type, condition, index, onChange, onRemove }: ConditionRowProps) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: condition.id,
  });
  const style = { transform: CSS.Transform.toString(transform), transition };
  const label = `${type} condition ${index + 1}`;

  return (
    <li ref={setNodeRef} style={style} className={`condition${isDragging ? " dragging" : ""}`}>
      <button type="button" className="handle" aria-label={`Reorder ${label}`} {...attributes} {...listeners}>
        ⠿
      </button>
      {condition.kind === "event" ? (
        <>
          <select aria-label={`${label} event`} value={condition.event} onChange={(e) => onChange({ ...condition, event: e.target.value })}>
            {EVENTS.map((event) => (
              <option key={event}>{event}</option>
            ))}
          </select>
          <select aria-label={`${label} count operator`} value={condition.countOp} onChange={(e) => onChange({ ...condition, countOp: e.target.value })}>
            {COUNT_OPERATORS.map((op) => (
              <option key={op}>{op}</option>
            ))}
          </select>
          <input aria-label={`${label} count`} type="number" min={0} value={condition.count} onChange={(e) => onChange({ ...condition, count: e.target.value })} />
          <input
            aria-label={`${label} within days`}
            type="number"
            min={1}
            placeholder="days"
            value={condition.withinDays}
            onChange={(e) => onChange({ ...condition, withinDays: e.target.value })}
          />
        </>
      ) : (
        <>
          <select aria-label={`${label} field`} value={condition.field} onChange={(e) => onChange({ ...condition, field: e.target.value })}>
            {FIELDS_BY_TYPE[type as Exclude<CriteriaType, "behavioral">].map((field) => (
              <option key={field}>{field}</option>
            ))}
          </select>
          <select aria-label={`${label} operator`} value={condition.op} onChange={(e) => onChange({ ...condition, op: e.target.value })}>
            {(type === "psychographic" ? TAG_OPERATORS : OPERATORS).map((op) => (
              <option key={op}>{op}</option>
            ))}
          </select>
          <input
            aria-label={`${label} value`}
            value={condition.value}
            placeholder={type === "psychographic" ? "comma, separated" : "value"}
            onChange={(e) => onChange({ ...condition, value: e.target.value })}
          />
        </>
      )}
      <button type="button" className="secondary" aria-label={`Remove ${label}`} onClick={onRemove}>
        Remove
      </button>
    </li>
  );
}
