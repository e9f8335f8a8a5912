import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { api, unwrap } from "../../../api/http";
import { ApiError } from "../../../api/errors";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { Field } from "../../../ui/Field";
import { Modal } from "../../../ui/Modal";

export type ApprovalActionsProps = { campaignId: string; campaignName: string; compact?: boolean };
type Decision = "approve" | "reject";

/** Approve or reject with a comment; an MFA code is asked for when the amount needs a step-up. */
export function ApprovalActions({ campaignId, campaignName, compact }: ApprovalActionsProps) {
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const [pending, setPending] = useState<Decision | null>(null);
  const [mfaFor, setMfaFor] = useState<Decision | null>(null);
  const [code, setCode] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [codeError, setCodeError] = useState<string | undefined>();
  const [commentError, setCommentError] = useState<string | undefined>();

  const decide = async (decision: Decision, mfaToken?: string) => {
    setError(null);
    // A rejection says why (the API refuses one without a comment): asked for here, before sending.
    if (decision === "reject" && !comment.trim()) {
      setCommentError("Say why you reject it: the comment is required to reject.");
      return;
    }
    setCommentError(undefined);
    setPending(decision);
    try {
      const path = decision === "approve" ? "/api/campaigns/{campaign_id}/approve/" : "/api/campaigns/{campaign_id}/reject/";
      unwrap(
        await api.POST(path, {
          params: { path: { campaign_id: campaignId }, header: mfaToken ? { "X-MFA-Token": mfaToken } : {} },
          body: comment.trim() ? { comment: comment.trim() } : null,
        } as never),
      );
      toast.success(`${campaignName} ${decision === "approve" ? "approved" : "rejected"}.`);
      setComment("");
      await queryClient.invalidateQueries({ queryKey: ["campaigns"] });
      await queryClient.invalidateQueries({ queryKey: ["campaign", campaignId] });
    } catch (caught) {
      if (caught instanceof ApiError && caught.errorCode === "mfa_required") setMfaFor(decision);
      else setError(caught);
    } finally {
      setPending(null);
    }
  };

  const handleStepUp = async (event: React.FormEvent) => {
    event.preventDefault();
    const decision = mfaFor;
    if (!decision) return;
    setCodeError(undefined);
    try {
      const token = unwrap(await api.POST("/api/auth/mfa/step-up", { body: { code } }));
      setMfaFor(null);
      setCode("");
      await decide(decision, token.mfa_token);
    } catch (caught) {
      // A wrong code is said next to the code, inside the dialog.
      if (caught instanceof ApiError && caught.status === 422) setCodeError(caught.fieldErrors().code ?? caught.message);
      else setError(caught);
    }
  };

  return (
    <div className={compact ? "approval compact" : "approval"}>
      <ErrorNotice error={error} />
      <Field label={`Comment for ${campaignName}`} error={commentError} hint="Optional to approve, required to reject.">
        {(p) => (
          <textarea
            {...p}
            rows={2}
            value={comment}
            maxLength={2000}
            onChange={(e) => {
              setComment(e.target.value);
              if (e.target.value.trim()) setCommentError(undefined);
            }}
          />
        )}
      </Field>
      <div className="actions">
        <button type="button" aria-label={`Approve ${campaignName}`} disabled={pending !== null} onClick={() => void decide("approve")}>
          Approve
        </button>
        <button type="button" className="danger" aria-label={`Reject ${campaignName}`} disabled={pending !== null} onClick={() => void decide("reject")}>
          Reject
        </button>
      </div>
      <Modal
        open={mfaFor !== null}
        onOpenChange={(open) => !open && setMfaFor(null)}
        title="Confirm with your authenticator"
        description="This amount needs a fresh multi-factor check. Enter the 6-digit code from your authenticator app."
      >
        <form onSubmit={(e) => void handleStepUp(e)}>
          <Field label="6-digit code" error={codeError}>
            {(p) => (
              <input {...p} inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" required value={code} onChange={(e) => setCode(e.target.value)} />
            )}
          </Field>
          <div className="actions">
            <button type="submit">Confirm</button>
          </div>
        </form>
      </Modal>
    </div>
  );
}
