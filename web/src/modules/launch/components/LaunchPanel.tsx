import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { api, unwrap } from "../../../api/http";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { Modal } from "../../../ui/Modal";
import { StatusChip } from "../../../ui/StatusChip";
import { formatNumber } from "../../../ui/format";
import { useAuth } from "../../auth/useAuth";
import { LaunchBudgetCheck } from "../../budget-guard/components/LaunchBudgetCheck";
import type { CampaignDetail } from "../../campaigns/api";
import { useLaunchProgress } from "../useLaunchProgress";

export type LaunchPanelProps = { campaign: CampaignDetail };

const ACTIVE = new Set(["requested", "scheduled", "resolving", "sending"]);
type Action = "plan" | "pause" | "resume" | "cancel" | "submit-for-approval";

export function LaunchPanel({ campaign }: LaunchPanelProps) {
  const queryClient = useQueryClient();
  const { can } = useAuth();
  const { launch, progress, refetch } = useLaunchProgress(campaign.id);
  const [confirming, setConfirming] = useState(false);
  const [overrideReason, setOverrideReason] = useState("");
  const [error, setError] = useState<unknown>(null);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ["campaign", campaign.id] });
    await queryClient.invalidateQueries({ queryKey: ["campaigns"] });
    await refetch();
  };

  const handleAction = async (action: Action) => {
    setError(null);
    try {
      const path = `/api/campaigns/{campaign_id}/${action}/` as "/api/campaigns/{campaign_id}/plan/";
      unwrap(await api.POST(path, { params: { path: { campaign_id: campaign.id } } }));
      toast.success(`Campaign ${action.replace(/-/g, " ")}: done.`);
      await refresh();
    } catch (caught) {
      setError(caught);
    }
  };

  const handleLaunch = async () => {
    setConfirming(false);
    setError(null);
    try {
      const accepted = unwrap(
        await api.POST("/api/campaigns/{campaign_id}/launch/", {
          params: { path: { campaign_id: campaign.id }, header: { "Idempotency-Key": crypto.randomUUID() } },
          body: overrideReason.trim() ? { budget_override: { reason: overrideReason.trim() } } : null,
        }),
      );
      toast.success(`Launch ${accepted.launch.launch_status}.`);
      await refresh();
    } catch (caught) {
      setError(caught);
    }
  };

  const done = progress ? progress.queued - progress.remaining : 0;
  const percent = progress && progress.queued > 0 ? Math.round((done / progress.queued) * 100) : progress?.launch_status === "completed" ? 100 : 0;
  const status = campaign.campaign_status;
  const canLaunch = can("launch_campaign");

  return (
    <section aria-labelledby="launch-title" className="card">
      <h2 id="launch-title">Launch</h2>
      <ErrorNotice error={error} />
      <div className="actions">
        {can("update_campaign") && status === "draft" && ["not_required", "rejected"].includes(campaign.approval_status) && (
          <button type="button" className="secondary" onClick={() => void handleAction("submit-for-approval")}>
            Submit for approval
          </button>
        )}
        {canLaunch && status === "draft" && campaign.approval_status !== "pending_approval" && (
          <button type="button" className="secondary" onClick={() => void handleAction("plan")}>
            Plan
          </button>
        )}
        {canLaunch && status === "planned" && (
          <button type="button" onClick={() => setConfirming(true)}>
            Launch…
          </button>
        )}
        {canLaunch && status === "active" && (
          <button type="button" className="secondary" onClick={() => void handleAction("pause")}>
            Pause
          </button>
        )}
        {canLaunch && status === "paused" && (
          <button type="button" className="secondary" onClick={() => void handleAction("resume")}>
            Resume
          </button>
        )}
        {canLaunch && ["planned", "active", "paused"].includes(status) && (
          <button type="button" className="danger" onClick={() => void handleAction("cancel")}>
            Cancel campaign
          </button>
        )}
      </div>
      {launch && progress && (
        <div className="progress-block">
          <p>
            Latest launch <StatusChip status={progress.launch_status} />
          </p>
          <div
            className="progressbar"
            role="progressbar"
            aria-label="Launch progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${percent} %`}
          >
            <div style={{ width: `${percent}%` }} />
          </div>
          <dl className="stats" aria-live="polite">
            <div>
              <dt>Progress</dt>
              <dd data-testid="launch-percent">{percent} %</dd>
            </div>
            <div>
              <dt>Sent</dt>
              <dd>{formatNumber(progress.sent)}</dd>
            </div>
            <div>
              <dt>Failed</dt>
              <dd>{formatNumber(progress.failed)}</dd>
            </div>
            <div>
              <dt>Remaining</dt>
              <dd>{formatNumber(progress.remaining)}</dd>
            </div>
            <div>
              <dt>Rate</dt>
              <dd>{progress.rate_per_s != null ? `${progress.rate_per_s}/s` : "—"}</dd>
            </div>
            <div>
              <dt>ETA</dt>
              <dd>{progress.eta_s != null && ACTIVE.has(progress.launch_status) ? `${Math.ceil(progress.eta_s)} s` : "—"}</dd>
            </div>
          </dl>
        </div>
      )}
      <Modal
        open={confirming}
        onOpenChange={setConfirming}
        title={`Launch ${campaign.campaign_name}?`}
        description="Messages start going out to the campaign's audience. You can pause or cancel while it sends."
      >
        {confirming && <LaunchBudgetCheck campaignId={campaign.id} overrideReason={overrideReason} onOverrideReasonChange={setOverrideReason} />}
        <div className="actions">
          <button type="button" onClick={() => void handleLaunch()}>
            Launch now
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Not yet
          </button>
        </div>
      </Modal>
    </section>
  );
}
