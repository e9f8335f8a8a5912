import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Collision,
  type CollisionDetection,
  type DragEndEvent,
} from "@dnd-kit/core";
import {
  SortableContext,
  arrayMove,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import {
  canNest,
  childDepth,
  isIncomplete,
  newCondition,
  newGroup,
  type CriteriaType,
  type GroupKind,
  type RuleGroup,
  type RuleNode,
} from "../rules";
import { ConditionRow, OpaqueRow } from "./ConditionRow";

export type RuleGroupEditorProps = {
  type: CriteriaType;
  group: RuleGroup;
  /** Marks the conditions still lacking a value. */
  markIncomplete?: boolean;
  onChange: (group: RuleGroup) => void;
};

const KIND_LABELS: Record<GroupKind, string> = {
  all: "All of these (and)",
  any: "Any of these (or)",
  not: "None of these (not)",
};

/** The row whose top or bottom edge is nearest the dragged row's: a tall group moved by one
 * step (its top onto the row above, or its bottom onto the row below) lands there, which a
 * centre-to-centre distance would not allow. */
const closestEdge: CollisionDetection = ({ collisionRect, droppableRects, droppableContainers }) => {
  const found: Collision[] = [];
  for (const container of droppableContainers) {
    const rect = droppableRects.get(container.id);
    if (!rect) continue;
    const value = Math.min(Math.abs(rect.top - collisionRect.top), Math.abs(rect.bottom - collisionRect.bottom));
    found.push({ id: container.id, data: { droppableContainer: container, value } });
  }
  return found.sort((a, b) => (a.data?.value as number) - (b.data?.value as number));
};

const INSTRUCTIONS =
  "To reorder, press Space, move with the arrow keys, press Space again to drop, Escape to cancel.";

/** One criteria type's rules: a root group whose children may be groups in turn. */
export function RuleGroupEditor({ type, group, markIncomplete = false, onChange }: RuleGroupEditorProps) {
  return (
    <fieldset className="rule-group">
      <legend>{type[0].toUpperCase() + type.slice(1)}</legend>
      <GroupBody type={type} group={group} path={[]} depth={1} markIncomplete={markIncomplete} onChange={onChange} />
    </fieldset>
  );
}

type GroupBodyProps = {
  type: CriteriaType;
  group: RuleGroup;
  /** Positions (from 0) of the group from the root; [] for the root. */
  path: number[];
  /** The group's level in the written tree (the root is 1). */
  depth: number;
  markIncomplete: boolean;
  onChange: (group: RuleGroup) => void;
};

const numbered = (path: number[]) => path.map((index) => index + 1).join(".");

function GroupBody({ type, group, path, depth, markIncomplete, onChange }: GroupBodyProps) {
  const sensors = useSensors(
    useSensor(PointerSensor),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const root = path.length === 0;
  const name = root ? type : `${type} group ${numbered(path)}`;
  const below = childDepth(group, depth);

  const setChildren = (children: RuleNode[]) => onChange({ ...group, children });
  const replace = (next: RuleNode) => setChildren(group.children.map((c) => (c.id === next.id ? next : c)));
  const remove = (id: string) => setChildren(group.children.filter((c) => c.id !== id));
  const handleDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = group.children.findIndex((c) => c.id === active.id);
    const to = group.children.findIndex((c) => c.id === over.id);
    if (from < 0 || to < 0) return;
    setChildren(arrayMove(group.children, from, to));
  };

  const matchSelect = (
    <select
      aria-label={root ? undefined : `${name} match`}
      value={group.match}
      onChange={(e) => onChange({ ...group, match: e.target.value as GroupKind })}
    >
      {(Object.keys(KIND_LABELS) as GroupKind[]).map((kind) => (
        <option key={kind} value={kind}>
          {KIND_LABELS[kind]}
        </option>
      ))}
    </select>
  );

  return (
    <div className="group-body">
      {root ? (
        <label>
          Match
          {matchSelect}
        </label>
      ) : (
        matchSelect
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={closestEdge}
        onDragEnd={handleDragEnd}
        accessibility={{ screenReaderInstructions: { draggable: INSTRUCTIONS } }}
      >
        <SortableContext items={group.children.map((c) => c.id)} strategy={verticalListSortingStrategy}>
          <ol className="conditions" aria-label={root ? `${type} rules` : `Rules of ${name}`}>
            {group.children.map((child, index) => {
              const childPath = [...path, index];
              if (child.kind === "group") {
                return (
                  <SortableGroup
                    key={child.id}
                    type={type}
                    group={child}
                    path={childPath}
                    depth={below}
                    markIncomplete={markIncomplete}
                    onChange={replace}
                    onRemove={() => remove(child.id)}
                  />
                );
              }
              const label = `${type} condition ${numbered(childPath)}`;
              if (child.kind === "opaque") {
                return <OpaqueRow key={child.id} node={child} label={label} onRemove={() => remove(child.id)} />;
              }
              return (
                <ConditionRow
                  key={child.id}
                  type={type}
                  label={label}
                  condition={child}
                  incomplete={markIncomplete && isIncomplete(child)}
                  onChange={replace}
                  onRemove={() => remove(child.id)}
                />
              );
            })}
          </ol>
        </SortableContext>
      </DndContext>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => setChildren([...group.children, newCondition(type)])}
        >
          {root ? `Add ${type} condition` : `Add condition to ${name}`}
        </button>
        {canNest(group, depth) && (
          <button
            type="button"
            className="secondary"
            onClick={() => setChildren([...group.children, newGroup("any", [newCondition(type)])])}
          >
            {root ? `Add ${type} group` : `Add group to ${name}`}
          </button>
        )}
      </div>
    </div>
  );
}

type SortableGroupProps = GroupBodyProps & { onRemove: () => void };

/** A nested group, dragged by its handle within its parent like a condition. */
function SortableGroup({ type, group, path, depth, markIncomplete, onChange, onRemove }: SortableGroupProps) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: group.id });
  const name = `${type} group ${numbered(path)}`;
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`nested-group${isDragging ? " dragging" : ""}`}
    >
      <div className="group-head">
        <button type="button" className="handle" aria-label={`Reorder ${name}`} {...attributes} {...listeners}>
          ⠿
        </button>
        <strong>Group {numbered(path)}</strong>
        <button type="button" className="secondary" aria-label={`Remove ${name}`} onClick={onRemove}>
          Remove group
        </button>
      </div>
      <GroupBody type={type} group={group} path={path} depth={depth} markIncomplete={markIncomplete} onChange={onChange} />
    </li>
  );
}
