import type { Variant } from "../../variants/api";
import { CHANNEL_LABELS, sendingTemplate, type DeliveryChannel, type Template, type TemplateLink } from "../api";
import { MessageView, NoMessage } from "./MessageView";

/** `variant`: the A/B variant chosen, if any; `details`: the linked templates read in full. */
export type WrittenPreviewProps = {
  campaignName: string;
  channel: DeliveryChannel;
  variant: Variant | undefined;
  links: readonly TemplateLink[];
  details: ReadonlyMap<string, Template>;
  canReadTemplates: boolean;
};

/** The message as its author wrote it: the variant's or the sending template's content, its
 * fields not filled in. */
export function WrittenPreview({ campaignName, channel, variant, links, details, canReadTemplates }: WrittenPreviewProps) {
  const label = CHANNEL_LABELS[channel];
  const templateId = variant?.template_id ?? sendingTemplate(links, channel)?.template_id;
  const template = templateId ? details.get(templateId) : undefined;
  const ownContent = variant?.content?.trim() ? variant.content : null;
  const body = ownContent ?? template?.content_template ?? null;
  const templateSubject = template?.default_settings.subject;
  const subject = variant?.subject?.trim() || (typeof templateSubject === "string" && templateSubject.trim() ? templateSubject : campaignName);

  if (body)
    return (
      <MessageView
        title={`${label} message as written`}
        subject={channel === "email" ? subject : undefined}
        html={channel === "email" ? body : null}
        text={body}
      />
    );
  if (templateId && !canReadTemplates) return <p className="muted">The template's content is shown to those who may read templates.</p>;
  if (templateId && !template) return <p role="status">Loading the template…</p>;
  return <NoMessage channelLabel={label} />;
}
