import { useId, useState } from "react";
import { toast } from "sonner";
import { api, unwrap } from "../../../api/http";
import { ApiError, placeFieldErrors } from "../../../api/errors";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { Field } from "../../../ui/Field";
import { StatusChip } from "../../../ui/StatusChip";
import {
  CHANNEL_LABELS,
  linkableTypes,
  sendingTemplate,
  sendsOn,
  useTemplatesOfTypes,
  type DeliveryChannel,
  type Template,
  type TemplateLink,
} from "../api";

/** `version`: the campaign's version as read — a link is part of its campaign, so a write
 * names it (If-Match) and one based on a stale read is refused (412) rather than lost.
 * `editable`: the user may edit the campaign and it has not ended; `canReadTemplates`: the
 * user may read the company's templates (to choose one, and to see subjects). */
export type ChannelTemplatesProps = {
  campaignId: string;
  primaryChannel: string;
  version: number;
  channel: DeliveryChannel;
  links: readonly TemplateLink[];
  details: ReadonlyMap<string, Template>;
  editable: boolean;
  canReadTemplates: boolean;
  onChanged: (message: string) => Promise<void>;
  onStale: () => void;
};

const FIELDS = ["template_id"] as const;

/** An email's subject as the API makes it: the template's `default_settings.subject`, else the
 * campaign's name. Other channels have none. */
function subjectOf(channel: DeliveryChannel, template: Template | undefined): string {
  if (channel !== "email") return "—";
  if (!template) return "…";
  const subject = template.default_settings.subject;
  return typeof subject === "string" && subject.trim() ? subject : "The campaign's name";
}

/** One channel of a campaign: the linked templates it can send, the one it sends, and
 * linking or unlinking a template. */
export function ChannelTemplates({
  campaignId,
  primaryChannel,
  version,
  channel,
  links,
  details,
  editable,
  canReadTemplates,
  onChanged,
  onStale,
}: ChannelTemplatesProps) {
  const headingId = useId();
  const label = CHANNEL_LABELS[channel];
  const fitting = links.filter((link) => sendsOn(link.template_type, channel));
  const sending = sendingTemplate(links, channel);
  const types = linkableTypes(primaryChannel, channel);
  const choices = useTemplatesOfTypes(types, editable && canReadTemplates);
  const linkedIds = new Set(links.map((link) => link.template_id));
  const options = (choices.data ?? []).filter((template) => !linkedIds.has(template.id));
  const [templateId, setTemplateId] = useState("");
  const [primary, setPrimary] = useState(false);
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);

  const failed = (caught: unknown) => {
    const { fields, rest } = placeFieldErrors(caught, FIELDS);
    setFieldErrors(fields);
    setError(rest ? caught : null);
    if (caught instanceof ApiError && caught.status === 412) onStale();
  };

  const handleLink = async (event: React.FormEvent) => {
    event.preventDefault();
    setFieldErrors({});
    setError(null);
    if (!templateId) {
      setFieldErrors({ template_id: `Choose a template for ${label}.` });
      return;
    }
    const name = options.find((template) => template.id === templateId)?.template_name ?? "The template";
    setBusy(true);
    try {
      unwrap(
        await api.POST("/api/campaigns/{campaign_id}/templates/", {
          params: { path: { campaign_id: campaignId }, header: { "If-Match": `"${version}"` } },
          body: { template_id: templateId, is_primary: primary },
        }),
      );
      toast.success(`Template “${name}” linked.`);
      setTemplateId("");
      setPrimary(false);
      await onChanged(`Template “${name}” linked for ${label}.`);
    } catch (caught) {
      failed(caught);
    } finally {
      setBusy(false);
    }
  };

  const handleUnlink = async (link: TemplateLink) => {
    setFieldErrors({});
    setError(null);
    setBusy(true);
    try {
      unwrap(
        await api.DELETE("/api/campaigns/{campaign_id}/templates/{template_id}/", {
          params: { path: { campaign_id: campaignId, template_id: link.template_id }, header: { "If-Match": `"${version}"` } },
        }),
      );
      toast.success(`Template “${link.template_name}” unlinked.`);
      await onChanged(`Template “${link.template_name}” unlinked.`);
    } catch (caught) {
      failed(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={headingId} className="card">
      <h3 id={headingId}>{label}</h3>
      <ErrorNotice error={error} />
      <p data-testid={`sending-${channel}`}>
        {sending ? (
          <>
            Sends <strong>{sending.template_name}</strong>
            {fitting.length > 1 && (sending.is_primary ? " (the primary template)" : " (the first linked)")}.
          </>
        ) : (
          <>No template: {label} has no message unless an A/B variant has content of its own.</>
        )}
      </p>
      {/* Positioned, so the table's screen-reader-only text scrolls with it instead of widening the page. */}
      <div className="table-wrap" style={{ position: "relative" }}>
        <table>
          <caption>{label} templates of this campaign</caption>
          <thead>
            <tr>
              <th>Name</th>
              <th>Type</th>
              <th>Subject</th>
              <th>State</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {fitting.map((link) => (
              <tr key={link.template_id}>
                <td>
                  {link.template_name} <span className="muted">{link.template_code}</span>
                </td>
                <td>{link.template_type.replace(/_/g, " ")}</td>
                <td>{canReadTemplates ? subjectOf(channel, details.get(link.template_id)) : "—"}</td>
                <td>
                  {link.is_primary && <StatusChip status="primary" />} {!link.is_active && <StatusChip status="inactive" />}
                </td>
                <td>
                  {editable && (
                    <button type="button" className="link" disabled={busy} onClick={() => void handleUnlink(link)}>
                      Unlink {link.template_name}
                      <span className="sr-only"> from {label}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
            {fitting.length === 0 && (
              <tr>
                <td colSpan={5}>No {label} template linked.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {editable && canReadTemplates && (
        <form className="inline-form" onSubmit={(e) => void handleLink(e)} noValidate aria-label={`Link a ${label} template`}>
          <Field
            label={`Template for ${label}`}
            error={fieldErrors.template_id}
            hint={`Active templates of type ${types.map((type) => type.replace(/_/g, " ")).join(", ")}.`}
          >
            {(p) => (
              <select {...p} value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
                <option value="">{choices.isLoading ? "Loading templates…" : "Choose a template"}</option>
                {options.map((template) => (
                  <option key={template.id} value={template.id}>
                    {template.template_name} ({template.template_type.replace(/_/g, " ")})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <label className="inline">
            <input type="checkbox" checked={primary} onChange={(e) => setPrimary(e.target.checked)} /> Primary template of the campaign
          </label>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {busy ? "Saving…" : "Link template"}
              <span className="sr-only"> for {label}</span>
            </button>
          </div>
          <ErrorNotice error={choices.error} />
        </form>
      )}
    </section>
  );
}
