import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { api, unwrap } from "../../../api/http";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { formatNumber } from "../../../ui/format";
import { useAuth } from "../../auth/useAuth";
import { CRITERIA_TYPES, emptyRules, rulesToCriteria, segmentTypeOf, treeToGroup, type SegmentRules } from "../rules";
import { SegmentBuilder } from "./SegmentBuilder";

/** `version`: the campaign's version as read — a segment is part of its campaign, so a save
 * names it (If-Match) and one based on a stale read is refused (412) rather than lost. */
export type SegmentsTabProps = { campaignId: string; channel: string; version: number };

type Criteria = ReturnType<typeof rulesToCriteria>;
/** `loaded`: the criteria as read, so that saving sends only the trees that changed (a tree
 * with personal-data rules reads masked without view_pii and could not be written back). */
type Editing = { id?: string; name: string; rules: SegmentRules; loaded?: Criteria };

export function SegmentsTab({ campaignId, channel, version }: SegmentsTabProps) {
  const queryClient = useQueryClient();
  const { can } = useAuth();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState<unknown>(null);
  const segments = useQuery({
    queryKey: ["campaign", campaignId, "segments"],
    queryFn: async () =>
      unwrap(await api.GET("/api/campaign-segments/", { params: { query: { campaign_id: campaignId, page_size: 100 } } })),
  });

  const handleEdit = (segment: NonNullable<typeof segments.data>["items"][number]) => {
    const rules = emptyRules();
    for (const type of CRITERIA_TYPES) rules[type] = treeToGroup(segment[`${type}_criteria`] as Record<string, unknown>);
    setEditing({ id: segment.id, name: segment.segment_name, rules, loaded: rulesToCriteria(rules) });
  };

  const handleSave = async () => {
    if (!editing) return;
    setError(null);
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
      {editable && !editing && (
        <button type="button" onClick={() => setEditing({ name: "New segment", rules: emptyRules() })}>
          Add segment
        </button>
      )}
      {editing && (
        <section aria-label="Segment builder" className="card">
          <label>
            Segment name
            <input value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.target.value })} />
          </label>
          <SegmentBuilder
            rules={editing.rules}
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
            <button type="button" className="secondary" onClick={() => setEditing(null)}>
              Close
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
