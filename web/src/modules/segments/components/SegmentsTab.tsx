import { useEffect, useRef, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { api, unwrap } from "../../../api/http";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { formatNumber } from "../../../ui/format";
import { useAuth } from "../../auth/useAuth";
import { useUnsavedChangesGuard } from "../../campaigns/useUnsavedChangesGuard";
import {
  CRITERIA_TYPES,
  emptyRules,
  incompleteConditionsMessage,
  incompleteInRules,
  rulesToCriteria,
  segmentTypeOf,
  treeToGroup,
  type SegmentRules,
} from "../rules";
import { SegmentBuilder } from "./SegmentBuilder";

/** `version`: the campaign's version as read — a segment is part of its campaign, so a save
 * names it (If-Match) and one based on a stale read is refused (412) rather than lost. */
export type SegmentsTabProps = { campaignId: string; channel: string; version: number };

type Criteria = ReturnType<typeof rulesToCriteria>;
/** `loaded`: the criteria as read, so that saving sends only the trees that changed (a tree
 * with personal-data rules reads masked without view_pii and could not be written back);
 * `loadedName` the name as read (or as first proposed). */
type Editing = { id?: string; name: string; rules: SegmentRules; loaded?: Criteria; loadedName: string };

const NEW_SEGMENT = "New segment";

/** Whether the segment differs from what was read (or, for a new one, from the empty segment). */
function isEdited(editing: Editing | null): boolean {
  if (!editing) return false;
  const read = editing.loaded ?? rulesToCriteria(emptyRules());
  return editing.name !== editing.loadedName || JSON.stringify(rulesToCriteria(editing.rules)) !== JSON.stringify(read);
}

export function SegmentsTab({ campaignId, channel, version }: SegmentsTabProps) {
  const queryClient = useQueryClient();
  const { can } = useAuth();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Set when a save found conditions without a value: they are marked until filled in.
  const [checked, setChecked] = useState(false);
  const incompleteRef = useRef<HTMLParagraphElement>(null);
  const edited = isEdited(editing);
  useUnsavedChangesGuard(edited);
  const incomplete = editing && checked ? incompleteInRules(editing.rules) : 0;
  const segments = useQuery({
    queryKey: ["campaign", campaignId, "segments"],
    queryFn: async () =>
      unwrap(await api.GET("/api/campaign-segments/", { params: { query: { campaign_id: campaignId, page_size: 100 } } })),
  });

  const handleEdit = (segment: NonNullable<typeof segments.data>["items"][number]) => {
    const rules = emptyRules();
    for (const type of CRITERIA_TYPES) rules[type] = treeToGroup(segment[`${type}_criteria`] as Record<string, unknown>);
    setChecked(false);
    setEditing({ id: segment.id, name: segment.segment_name, rules, loaded: rulesToCriteria(rules), loadedName: segment.segment_name });
  };

  const handleClose = () => {
    if (edited && !window.confirm("Discard your changes to this segment?")) return;
    setError(null);
    setEditing(null);
  };

  // What stops the save takes the focus, as in the wizard.
  useEffect(() => {
    if (checked && incomplete > 0) incompleteRef.current?.focus();
  }, [checked, incomplete]);

  const handleSave = async () => {
    if (!editing) return;
    setError(null);
    if (incompleteInRules(editing.rules) > 0) {
      setChecked(true);
      incompleteRef.current?.focus();
      return;
    }
    const criteria = rulesToCriteria(editing.rules);
    const { loaded } = editing;
    const changed = loaded
      ? (Object.fromEntries(
          Object.entries(criteria).filter(([key, tree]) => JSON.stringify(tree) !== JSON.stringify(loaded[key as keyof Criteria])),
        ) as Partial<Criteria>)
      : criteria;
    const body = { segment_name: editing.name, segment_type: segmentTypeOf(editing.rules) as never, ...changed };
    const header = { "If-Match": `"${version}"` };
    try {
      if (editing.id) {
        unwrap(await api.PATCH("/api/campaign-segments/{segment_id}/", { params: { path: { segment_id: editing.id }, header }, body }));
      } else {
        unwrap(await api.POST("/api/campaign-segments/", { params: { header }, body: { campaign_id: campaignId, ...body } }));
      }
      toast.success(`Segment “${editing.name}” saved.`);
      setChecked(false);
      setEditing(null);
      await queryClient.invalidateQueries({ queryKey: ["campaign", campaignId] });
    } catch (caught) {
      setError(caught);
    }
  };

  const editable = can("update_campaign");
  return (
    <div>
      <ErrorNotice error={segments.error ?? error} />
      <div className="table-wrap">
        <table>
          <caption>Segments of this campaign</caption>
          <thead>
            <tr>
              <th>Name</th>
              <th>Type</th>
              <th>Matched</th>
              <th>Sendable</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {segments.data?.items.map((segment) => (
              <tr key={segment.id}>
                <td>{segment.segment_name}</td>
                <td>{segment.segment_type}</td>
                {segment.last_evaluated_at ? (
                  <>
                    <td>{formatNumber(segment.target_count)}</td>
                    <td>{formatNumber(segment.actual_count)}</td>
                  </>
                ) : (
                  // Counts of a segment never evaluated are not zeros: they are not known yet.
                  <td colSpan={2} className="muted">
                    not evaluated yet
                  </td>
                )}
                <td>
                  <button type="button" className="secondary" onClick={() => handleEdit(segment)}>
                    {editable ? "Edit" : "View"} {segment.segment_name}
                  </button>
                </td>
              </tr>
            ))}
            {segments.data?.items.length === 0 && (
              <tr>
                <td colSpan={5}>No segment yet.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {editable && !editing && (
        <button
          type="button"
          onClick={() => {
            setChecked(false);
            setEditing({ name: NEW_SEGMENT, rules: emptyRules(), loadedName: NEW_SEGMENT });
          }}
        >
          Add segment
        </button>
      )}
      {editing && (
        <section aria-label="Segment builder" className="card">
          <label>
            Segment name
            <input value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.target.value })} />
          </label>
          {incomplete > 0 && (
            <p className="field-error" role="alert" tabIndex={-1} ref={incompleteRef}>
              {incompleteConditionsMessage(incomplete)}
            </p>
          )}
          <SegmentBuilder
            rules={editing.rules}
            markIncomplete={incomplete > 0}
            onChange={(rules) => setEditing({ ...editing, rules })}
            channel={channel}
            campaignId={campaignId}
            segmentId={editing.id}
          />
          <div className="actions">
            {editable && (
              <button type="button" onClick={() => void handleSave()}>
                Save segment
              </button>
            )}
            <button type="button" className="secondary" onClick={handleClose}>
              Close
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
