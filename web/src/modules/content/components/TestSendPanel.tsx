import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../../api/http";
import { ApiError, describeError, placeFieldErrors } from "../../../api/errors";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { Field } from "../../../ui/Field";
import { StatusChip } from "../../../ui/StatusChip";
import { CHANNEL_LABELS, useTestSend, type DeliveryChannel, type TestSend } from "../api";
import { MessageView } from "./MessageView";

/** `variantId`: the A/B variant to render, empty for the campaign's template; `channels`: the
 * channels a test can reach on this campaign. */
export type TestSendPanelProps = { campaignId: string; variantId: string; channels: readonly DeliveryChannel[] };

const FIELDS = ["to", "variant_id"] as const;

/** A 429 says when to try again. */
function withRetryAfter(error: unknown): unknown {
  if (error instanceof ApiError && error.status === 429 && typeof error.details.retry_after === "number") {
    return new Error(`${describeError(error)} Try again in ${error.details.retry_after} s.`);
  }
  return error;
}

/** Sends the message to one address, then shows it as rendered and whether it was sent. */
export function TestSendPanel({ campaignId, variantId, channels }: TestSendPanelProps) {
  const queryClient = useQueryClient();
  const [to, setTo] = useState("");
  const [sending, setSending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [testSendId, setTestSendId] = useState<string>();
  const testSend = useTestSend(campaignId, testSendId);
  const reachable = channels.map((channel) => (channel === "email" ? "an email address" : "a phone number (+15551234567)"));

  const handleSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFieldErrors({});
    setError(null);
    const address = to.trim();
    if (!address) {
      setFieldErrors({ to: `Type ${reachable.join(" or ")}.` });
      return;
    }
    setSending(true);
    try {
      const created = unwrap(
        await api.POST("/api/campaigns/{campaign_id}/test-send/", {
          params: { path: { campaign_id: campaignId } },
          body: { to: address, variant_id: variantId || null },
        }),
      );
      queryClient.setQueryData<TestSend>(["campaign", campaignId, "test-send", created.id], created);
      setTestSendId(created.id);
    } catch (caught) {
      const { fields, rest } = placeFieldErrors(caught, FIELDS);
      setFieldErrors(fields);
      setError(rest ? withRetryAfter(caught) : null);
    } finally {
      setSending(false);
    }
  };

  const result = testSend.data;
  return (
    <div>
      <form className="inline-form" onSubmit={(e) => void handleSubmit(e)} noValidate aria-label="Send a test">
        <Field
          label="Send a test to"
          error={fieldErrors.to ?? fieldErrors.variant_id}
          hint={`${reachable.join(" or ")}: one message, rendered for a sample contact. At most 30 tests every ten minutes.`}
        >
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode={channels.includes("email") ? "email" : "tel"}
              autoComplete="off"
              spellCheck={false}
              maxLength={254}
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" disabled={sending}>
            {sending ? "Sending…" : "Send test"}
          </button>
        </div>
      </form>
      <ErrorNotice error={error ?? testSend.error} />
      <div aria-live="polite">
        {result && (
          <section aria-label="Test send result" data-testid="test-send-result">
            <p>
              {CHANNEL_LABELS[result.channel as DeliveryChannel] ?? result.channel} test to <strong>{result.to}</strong>:{" "}
              <StatusChip status={result.send_status} />
              {result.send_status === "pending" && " — waiting for the provider…"}
              {result.send_status === "sent" &&
                ` at ${result.sent_at ? new Date(result.sent_at).toLocaleString() : "—"}${result.provider ? ` by ${result.provider}` : ""}.`}
            </p>
            {result.send_status === "failed" && (
              <div className="notice notice-error" role="alert">
                Not sent: {result.last_error ?? "the provider refused it."}
              </div>
            )}
          </section>
        )}
      </div>
      {result?.message ? (
        <>
          <h3>As the recipient gets it</h3>
          <MessageView
            title={`Test message to ${result.to}`}
            subject={result.channel === "email" ? result.message.subject : undefined}
            html={result.message.html}
            text={result.message.text}
          />
        </>
      ) : (
        result && <p className="muted">The message is not shown: a contact's personal data filled it.</p>
      )}
    </div>
  );
}
