import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { formatMoney, formatNumber } from "../../../ui/format";
import { useAuth } from "../../auth/useAuth";
import type { CampaignDetail } from "../../campaigns/api";
import { useHierarchy, useParentChoices, useSetParent, type HierarchyNode } from "../api";
import { RoiPanel } from "./RoiPanel";

export type HierarchyTabProps = { campaign: CampaignDetail };

function NodeItem({ node, currentId }: { node: HierarchyNode; currentId: string }) {
  const { rollup } = node;
  const current = node.id === currentId;
  return (
    <li>
      <div className="hierarchy-node" data-testid={`node-${node.campaign_code}`}>
        {current ? (
          <strong aria-current="page">{node.campaign_name}</strong>
        ) : (
          <Link to={`/campaigns/${node.id}/hierarchy`}>{node.campaign_name}</Link>
        )}{" "}
        <span className="muted">{node.campaign_code}</span>
        <span className="muted">
          {" "}
          · {rollup.campaigns} campaign{rollup.campaigns === 1 ? "" : "s"}
          {rollup.total_budget != null && <> · budget {formatMoney(rollup.total_budget, rollup.currency_code)}</>}
          {rollup.actual_spend != null && <> · spend {formatMoney(rollup.actual_spend, rollup.currency_code)}</>}
          {" "}· audience {formatNumber(rollup.audience)} · sent {formatNumber(rollup.sent)} · clicks{" "}
          {formatNumber(rollup.clicks)} · conversions {formatNumber(rollup.conversions)}
          {rollup.revenue != null && <> · revenue {formatMoney(rollup.revenue, rollup.currency_code)}</>}
        </span>
        {rollup.missing_rates.length > 0 && (
          <span className="muted"> (no exchange rate for {rollup.missing_rates.join(", ")})</span>
        )}
      </div>
      {node.children.length > 0 && (
        <ul>
          {node.children.map((child) => (
            <NodeItem key={child.id} node={child} currentId={currentId} />
          ))}
        </ul>
      )}
    </li>
  );
}

function ParentPicker({ campaign }: HierarchyTabProps) {
  const choices = useParentChoices();
  const setParent = useSetParent(campaign.id);
  const [parentId, setParentId] = useState(campaign.parent_campaign_id ?? "");

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setParent.mutate(parentId || null);
  }

  const options = (choices.data?.items ?? []).filter((item) => item.id !== campaign.id);
  return (
    <form onSubmit={handleSubmit} className="inline-form" aria-label="Move the campaign">
      <label htmlFor="parent-campaign">Parent campaign</label>{" "}
      <select id="parent-campaign" value={parentId} onChange={(event) => setParentId(event.target.value)}>
        <option value="">None (top level)</option>
        {options.map((item) => (
          <option key={item.id} value={item.id}>
            {item.campaign_name} ({item.campaign_code})
          </option>
        ))}
      </select>{" "}
      <button type="submit" disabled={setParent.isPending}>
        Save parent
      </button>
      {setParent.isSuccess && <span role="status"> Parent saved.</span>}
      <ErrorNotice error={setParent.error} />
    </form>
  );
}

export function HierarchyTab({ campaign }: HierarchyTabProps) {
  const { can } = useAuth();
  const hierarchy = useHierarchy(campaign.id);
  return (
    <div>
      <section aria-labelledby="hierarchy-heading">
        <h2 id="hierarchy-heading">Hierarchy</h2>
        <p className="muted">
          Programme → campaign → sub-campaign. Each line totals the campaign and everything below it.
        </p>
        {can("update_campaign") && <ParentPicker campaign={campaign} />}
        {hierarchy.isLoading && <p role="status">Loading the hierarchy…</p>}
        <ErrorNotice error={hierarchy.error} />
        {hierarchy.data && (
          <ul className="hierarchy-tree" aria-label="Campaign hierarchy">
            <NodeItem node={hierarchy.data.root} currentId={campaign.id} />
          </ul>
        )}
      </section>
      <RoiPanel campaignId={campaign.id} />
    </div>
  );
}
