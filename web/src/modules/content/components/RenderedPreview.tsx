import { ApiError, describeError, fieldMessages } from "../../../api/errors";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { useAuth } from "../../auth/useAuth";
import { CHANNEL_LABELS, useMessagePreview, type DeliveryChannel } from "../api";
import { MessageView, NoMessage } from "./MessageView";
import type { PreviewContact } from "./PreviewContactField";

/** `version`: the campaign's version, a new one rendering the message again; `variantId`: the
 * A/B variant, empty for the campaign's template; `contact`: whose data fills the message, null
 * for a sample contact's. */
export type RenderedPreviewProps = {
  campaignId: string;
  version: number;
  channel: DeliveryChannel;
  variantId: string;
  contact: PreviewContact | null;
};

/** A refusal with what it names: the template's problems, or why a render failed. */
function explained(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const reason = typeof error.details.reason === "string" ? [error.details.reason] : [];
  const named = [...fieldMessages(error), ...reason];
  return named.length ? new Error(`${describeError(error)} ${named.join("; ")}.`) : error;
}

/** The message exactly as a recipient gets it — fields filled in, links tracked, the footer
 * added — rendered by the API and sent to nobody. */
export function RenderedPreview({ campaignId, version, channel, variantId, contact }: RenderedPreviewProps) {
  const { can } = useAuth();
  const label = CHANNEL_LABELS[channel];
  const preview = useMessagePreview(campaignId, version, { channel, variantId, contactId: contact?.id ?? "" });

  if (preview.error instanceof ApiError && preview.error.errorCode === "no_message_content") return <NoMessage channelLabel={label} />;
  if (preview.error) return <ErrorNotice error={explained(preview.error)} />;
  if (!preview.data) return <p role="status">Rendering the {label} message…</p>;

  const { message, contact_id: filledBy } = preview.data;
  const whose =
    filledBy === null
      ? "placeholder data: the company has no contact to show it with"
      : contact
        ? `the data of contact ${contact.label}`
        : "the data of a sample contact";
  return (
    <>
      <p data-testid="preview-source">
        Filled in with {whose}
        {filledBy !== null && !can("view_pii") && ", personal data masked"}.
      </p>
      <MessageView
        title={`${label} message as rendered`}
        subject={channel === "email" ? message.subject : undefined}
        html={message.html}
        text={message.text}
      />
    </>
  );
}
