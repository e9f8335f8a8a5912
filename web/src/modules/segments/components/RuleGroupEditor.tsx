import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
} from "@dnd-kit/core";
import { SortableContext, arrayMove, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { newCondition, type CriteriaType, type GroupKind, type RuleGroup } from "../rules";
import { ConditionRow } from "./ConditionRow";

export type RuleGroupEditorProps = {
  type: CriteriaType;
  group: RuleGroup;
  onChange: (group: RuleGroup) => void;
};

const KIND_LABELS: Record<GroupKind, string> = {
  all: "All of these (and)",
  any: "Any of these (or)",
  not: "None of these (not)",
};

export function RuleGroupEditor({ type, group, onChange }: RuleGroupEditorProps) {
  const sensors = useSensors(
    useSensor(PointerSensor),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const handleDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = group.conditions.findIndex((c) => c.id === active.id);
    const to = group.conditions.findIndex((c) => c.id === over.id);
    onChange({ ...group, conditions: arrayMove(group.conditions, from, to) });
  };

  return (
    <fieldset className="rule-group">
      <legend>{type[0].toUpperCase() + type.slice(1)}</legend>
      <label>
        Match
        <select value={group.kind} onChange={(e) => onChange({ ...group, kind: e.target.value as GroupKind })}>
          {(Object.keys(KIND_LABELS) as GroupKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={handleDragEnd}
        accessibility={{
          screenReaderInstructions: {
            draggable: "To reorder, press Space, move with the arrow keys, press Space again to drop, Escape to cancel.",
          },
        }}
      >
        <SortableContext items={group.conditions.map((c) => c.id)} strategy={verticalListSortingStrategy}>
          <ol className="conditions">
            {group.conditions.map((condition, index) => (
              <ConditionRow
                key={condition.id}
                type={type}
                index={index}
                condition={condition}
                onChange={(next) =>
                  onChange({ ...group, conditions: group.conditions.map((c) => (c.id === next.id ? next : c)) })
                }
                onRemove={() => onChange({ ...group, conditions: group.conditions.filter((c) => c.id !== condition.id) })}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <button
        type="button"
        className="secondary"
        onClick={() => onChange({ ...group, conditions: [...group.conditions, newCondition(type)] })}
      >
        Add {type} condition
      </button>
    </fieldset>
  );
}
