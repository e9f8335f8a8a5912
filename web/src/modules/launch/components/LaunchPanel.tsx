import { useRef, useState } from "react";
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
import { invalidateBudgets } from "../../campaigns/budgetApi";
import { useLaunchProgress, type Progress } from "../useLaunchProgress";

export type LaunchPanelProps = { campaign: CampaignDetail };

const ACTIVE = new Set(["requested", "scheduled", "resolving", "sending"]);
/** A launch that has not ended: the API takes no other launch of the campaign meanwhile. */
const IN_FLIGHT = new Set([...ACTIVE, "paused"]);
type Action = "plan" | "pause" | "resume" | "cancel" | "submit-for-approval";

/** How much of the audience the launch has handled: messages sent or failed, out of all it
 * queued. Skipped messages (a cancel, a duplicate address, consent withdrawn) were never sent,
 * so they are counted on their own, not as progress. */
export function launchPercent(progress: Progress | null): number {
  if (!progress) return 0;
  if (progress.queued > 0) return Math.min(100, Math.round(((progress.sent + progress.failed) / progress.queued) * 100));
  return progress.launch_status === "completed" ? 100 : 0;
}

/** Why the campaign offers no launch now, when the reason is not on screen already (the role's
 * only once the user is known). */
function notLaunchable(campaign: CampaignDetail, canLaunch: boolean, userKnown: boolean): string | null {
  if (campaign.campaign_status === "completed" || campaign.campaign_status === "cancelled")
    return `This campaign is ${campaign.campaign_status}: it cannot be launched again.`;
  if (campaign.approval_status === "pending_approval")
    return "Waiting for approval: the campaign can be planned and launched once an approver accepts it.";
  if (userKnown && !canLaunch) return "Your role cannot launch campaigns.";
  return null;
}

export function LaunchPanel({ campaign }: LaunchPanelProps) {
  const queryClient = useQueryClient();
  const { can, me } = useAuth();
  const { launch, progress, lastError, errors, refetch } = useLaunchProgress(campaign.id);
  const [confirming, setConfirming] = useState(false);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [overrideReason, setOverrideReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  // The request that runs: every button waits for it, so a double click sends it once.
  const [running, setRunning] = useState<Action | "launch" | null>(null);
  const busy = useRef(false);

  // A status action changes the launch as well (pause, resume, cancel): it is read again.
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ["campaign", campaign.id] });
    await queryClient.invalidateQueries({ queryKey: ["campaigns"] });
    await queryClient.invalidateQueries({ queryKey: ["launch"] });
    await invalidateBudgets(queryClient);
    await refetch();
  };

  /** Runs one request at a time; a click while one runs is ignored. */
  const exclusive = async (name: Action | "launch", request: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    setRunning(name);
    setError(null);
    try {
      await request();
    } catch (caught) {
      setError(caught);
    } finally {
      busy.current = false;
      setRunning(null);
    }
  };

  const handleAction = (action: Action) =>
    exclusive(action, async () => {
      const path = `/api/campaigns/{campaign_id}/${action}/` as "/api/campaigns/{campaign_id}/plan/";
      unwrap(await api.POST(path, { params: { path: { campaign_id: campaign.id } } }));
      toast.success(`Campaign ${action.replace(/-/g, " ")}: done.`);
      await refresh();
    });

  const handleCancel = async () => {
    setConfirmingCancel(false);
    await handleAction("cancel");
  };

  const handleLaunch = async () => {
    setConfirming(false);
    await exclusive("launch", async () => {
      const accepted = unwrap(
        await api.POST("/api/campaigns/{campaign_id}/launch/", {
          params: { path: { campaign_id: campaign.id }, header: { "Idempotency-Key": crypto.randomUUID() } },
          body: overrideReason.trim() ? { budget_override: { reason: overrideReason.trim() } } : null,
        }),
      );
      toast.success(`Launch ${accepted.launch.launch_status}.`);
      await refresh();
    });
  };

  const percent = launchPercent(progress);
  const status = campaign.campaign_status;
  const canLaunch = can("launch_campaign");
  const launchStatus = progress?.launch_status ?? launch?.launch_status;
  const inFlight = launchStatus !== undefined && IN_FLIGHT.has(launchStatus);
  const scheduledAt = launchStatus === "scheduled" ? launch?.scheduled_at : null;
  // A rate and an ETA only mean something while messages go out.
  const sending = launchStatus === "sending";
  const rate = sending && progress?.rate_per_s ? progress.rate_per_s : null;
  const eta = sending && rate && progress?.eta_s != null ? progress.eta_s : null;
  const reason = notLaunchable(campaign, canLaunch, me !== undefined);

  return (
    <section aria-labelledby="launch-title" className="card">
      <h2 id="launch-title">Launch</h2>
      <ErrorNotice error={error} />
      <div className="actions" aria-busy={running !== null}>
        {can("update_campaign") &&
          !inFlight &&
          ["draft", "planned"].includes(status) &&
          ["not_required", "rejected"].includes(campaign.approval_status) && (
          <button type="button" className="secondary" disabled={running !== null} onClick={() => void handleAction("submit-for-approval")}>
            {running === "submit-for-approval" ? "Submitting…" : "Submit for approval"}
          </button>
        )}
        {canLaunch && status === "draft" && campaign.approval_status !== "pending_approval" && (
          <button type="button" className="secondary" disabled={running !== null} onClick={() => void handleAction("plan")}>
            {running === "plan" ? "Planning…" : "Plan"}
          </button>
        )}
        {canLaunch && status === "planned" && !inFlight && campaign.approval_status !== "pending_approval" && (
          <button type="button" disabled={running !== null} onClick={() => setConfirming(true)}>
            {running === "launch" ? "Launching…" : "Launch…"}
          </button>
        )}
        {canLaunch && status === "active" && (
          <button type="button" className="secondary" disabled={running !== null} onClick={() => void handleAction("pause")}>
            {running === "pause" ? "Pausing…" : "Pause"}
          </button>
        )}
        {canLaunch && status === "paused" && (
          <button type="button" className="secondary" disabled={running !== null} onClick={() => void handleAction("resume")}>
            {running === "resume" ? "Resuming…" : "Resume"}
          </button>
        )}
        {canLaunch && ["planned", "active", "paused"].includes(status) && (
          <button type="button" className="danger" disabled={running !== null} onClick={() => setConfirmingCancel(true)}>
            {running === "cancel" ? "Cancelling…" : "Cancel campaign…"}
          </button>
        )}
      </div>
      {reason && (
        <p className="muted" data-testid="launch-unavailable">
          {reason}
        </p>
      )}
      {launch && progress && (
        <div className="progress-block">
          <p>
            Latest launch <StatusChip status={progress.launch_status} />
          </p>
          {scheduledAt && (
            <p data-testid="launch-scheduled">
              Sending starts <time dateTime={scheduledAt}>{new Date(scheduledAt).toLocaleString()}</time>.
              {canLaunch && ["planned", "active", "paused"].includes(status) &&
                " To call it off, cancel the campaign (a cancelled campaign cannot be launched again)."}
            </p>
          )}
          {launchStatus === "paused" && (
            <p className="notice" data-testid="launch-paused">
              Paused: nothing is sent until the campaign is resumed; unsent messages wait in the queue.
            </p>
          )}
          {lastError && (
            <p className="notice notice-error" data-testid="launch-error">
              {progress.launch_status === "failed" ? "The launch failed: " : "Last error: "}
              {lastError}
            </p>
          )}
          {/* Nothing is sent before the scheduled start: its time, not a progress of 0 %. */}
          {launchStatus !== "scheduled" && (
            <>
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
                  <dt>Skipped</dt>
                  <dd data-testid="launch-skipped">{formatNumber(progress.skipped)}</dd>
                </div>
                <div>
                  <dt>Remaining</dt>
                  <dd>{formatNumber(progress.remaining)}</dd>
                </div>
                <div>
                  <dt>Rate</dt>
                  <dd data-testid="launch-rate">{rate ? `${formatNumber(rate)}/s` : "—"}</dd>
                </div>
                <div>
                  <dt>ETA</dt>
                  <dd data-testid="launch-eta">{eta != null ? `${Math.ceil(eta)} s` : "—"}</dd>
                </div>
              </dl>
            </>
          )}
          {errors.length > 0 && (
            <details className="launch-errors">
              <summary>Latest failed deliveries ({errors.length})</summary>
              <div className="table-wrap">
                <table>
                  <caption className="sr-only">Latest failed deliveries of this launch</caption>
                  <thead>
                    <tr>
                      <th>When</th>
                      <th>Channel</th>
                      <th>Error</th>
                      <th>Attempts</th>
                      <th>Contact</th>
                    </tr>
                  </thead>
                  <tbody>
                    {errors.map((item) => (
                      <tr key={item.delivery_id}>
                        <td>
                          <time dateTime={item.at}>{new Date(item.at).toLocaleString()}</time>
                        </td>
                        <td>{item.channel.replace(/_/g, " ")}</td>
                        <td>
                          {item.error ?? "—"}
                          {item.error_code && <div className="muted">{item.error_code}</div>}
                        </td>
                        <td>{item.attempts}</td>
                        <td className="muted">{item.contact_id}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          )}
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
      <Modal
        open={confirmingCancel}
        onOpenChange={setConfirmingCancel}
        title={`Cancel ${campaign.campaign_name}?`}
        description="Nothing more is sent: messages not sent yet are skipped, and a cancelled campaign cannot be launched again."
      >
        <div className="actions">
          <button type="button" className="danger" onClick={() => void handleCancel()}>
            Cancel campaign
          </button>
          <button type="button" className="secondary" onClick={() => setConfirmingCancel(false)}>
            Keep it
          </button>
        </div>
      </Modal>
    </section>
  );
}
