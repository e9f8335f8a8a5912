import { useEffect, useId, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { Field } from "../../../ui/Field";
import { useAuth } from "../../auth/useAuth";
import type { CampaignDetail } from "../../campaigns/api";
import { useVariants } from "../../variants/api";
import { CHANNEL_LABELS, TESTABLE_CHANNELS, channelsOf, useTemplateDetails, useTemplateLinks, type DeliveryChannel } from "../api";
import { ChannelTemplates } from "./ChannelTemplates";
import { PreviewContactField, type PreviewContact } from "./PreviewContactField";
import { RenderedPreview } from "./RenderedPreview";
import { TestSendPanel } from "./TestSendPanel";
import { WrittenPreview } from "./WrittenPreview";

export type ContentTabProps = { campaign: CampaignDetail };

const ENDED = new Set(["completed", "cancelled"]);
const CHOICES_STYLE = { display: "flex", flexWrap: "wrap", gap: "0 1.2rem" } as const;

/** What a template write did to the campaign: the campaign as it was before it. */
type Outcome = { message: string; version: number; approval: string };

/** The campaign's message: its templates per channel, a preview and a test send. */
export function ContentTab({ campaign }: ContentTabProps) {
  const queryClient = useQueryClient();
  const { can } = useAuth();
  const previewHeading = useId();
  const viewName = useId();
  const templatesHeading = useId();
  const channels = channelsOf(campaign.primary_channel);
  const links = useTemplateLinks(campaign.id);
  const variants = useVariants(campaign.id);
  const items = links.data?.items ?? [];
  const variantItems = variants.data?.items ?? [];
  const canReadTemplates = can("read_reference_data");
  const canEdit = can("update_campaign");
  const ended = ENDED.has(campaign.campaign_status);
  const templateIds = [
    ...new Set([...items.map((link) => link.template_id), ...variantItems.flatMap((variant) => (variant.template_id ? [variant.template_id] : []))]),
  ];
  const details = useTemplateDetails(templateIds, canReadTemplates);
  const [variantId, setVariantId] = useState("");
  const [channel, setChannel] = useState<DeliveryChannel>(channels[0] ?? "email");
  const [contact, setContact] = useState<PreviewContact | null>(null);
  const [written, setWritten] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ["campaign", campaign.id] });
  const handleChanged = async (message: string) => {
    const before = { version: campaign.version, approval: campaign.approval_status };
    await refresh();
    setOutcome({ message, ...before });
  };

  const variant = variantItems.find((item) => item.id === variantId);
  const showWritten = written && canReadTemplates;
  const testable = channels.filter((item) => TESTABLE_CHANNELS.includes(item));

  return (
    <div>
      <ErrorNotice error={links.error ?? variants.error ?? details.error} />
      <div ref={outcomeRef} tabIndex={-1} role="status" data-testid="content-outcome">
        {outcome && (
          <p className="notice">
            {outcome.message}
            {campaign.version !== outcome.version && ` The campaign is now at version ${campaign.version}.`}
            {campaign.approval_status !== outcome.approval &&
              (campaign.approval_status === "pending_approval"
                ? " Its content changed since it was approved: it is pending approval again."
                : ` Its approval went from ${outcome.approval.replace(/_/g, " ")} to ${campaign.approval_status.replace(/_/g, " ")}.`)}
          </p>
        )}
      </div>

      <section aria-labelledby={templatesHeading}>
        <h2 id={templatesHeading}>Templates</h2>
        {canEdit && ended && <p className="muted">A {campaign.campaign_status} campaign's templates cannot change.</p>}
        {canEdit && !ended && !canReadTemplates && <p className="muted">Choosing a template needs the permission to read templates.</p>}
        {channels.map((item) => (
          <ChannelTemplates
            key={item}
            campaignId={campaign.id}
            primaryChannel={campaign.primary_channel}
            version={campaign.version}
            channel={item}
            links={items}
            details={details.byId}
            editable={canEdit && !ended}
            canReadTemplates={canReadTemplates}
            onChanged={handleChanged}
            onStale={() => void refresh()}
          />
        ))}
      </section>

      <section aria-labelledby={previewHeading}>
        <h2 id={previewHeading}>Preview and test send</h2>
        <div className="form-grid">
          {variantItems.length > 0 && (
            <Field label="Message version" hint="An A/B variant's subject and content replace the template's.">
              {(p) => (
                <select {...p} value={variantId} onChange={(e) => setVariantId(e.target.value)}>
                  <option value="">The campaign's template</option>
                  {variantItems.map((item) => (
                    <option key={item.id} value={item.id}>
                      Variant {item.variant_name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {channels.length > 1 && (
            <Field label="Preview channel">
              {(p) => (
                <select {...p} value={channel} onChange={(e) => setChannel(e.target.value as DeliveryChannel)}>
                  {channels.map((item) => (
                    <option key={item} value={item}>
                      {CHANNEL_LABELS[item]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </div>
        <h3>Preview</h3>
        {canReadTemplates && (
          <fieldset className="plain">
            <legend>Show the message</legend>
            <div style={CHOICES_STYLE}>
              <label className="inline">
                <input type="radio" name={viewName} checked={!written} onChange={() => setWritten(false)} /> Rendered
              </label>
              <label className="inline">
                <input type="radio" name={viewName} checked={written} onChange={() => setWritten(true)} /> As written
              </label>
            </div>
          </fieldset>
        )}
        {showWritten ? (
          <>
            <p className="hint">
              As its author wrote it: fields such as {"{{ first_name }}"} are filled in for each recipient, and tracked links and
              the unsubscribe footer added, only when it is sent.
            </p>
            <WrittenPreview
              campaignName={campaign.campaign_name}
              channel={channel}
              variant={variant}
              links={items}
              details={details.byId}
              canReadTemplates={canReadTemplates}
            />
          </>
        ) : (
          <>
            <p className="hint">
              Exactly as a recipient gets it — fields filled in, links tracked, the unsubscribe footer added — and sent to nobody.
            </p>
            <PreviewContactField contact={contact} canLookUp={canReadTemplates} onChange={setContact} />
            <RenderedPreview campaignId={campaign.id} version={campaign.version} channel={channel} variantId={variantId} contact={contact} />
          </>
        )}
        <h3>Test send</h3>
        {!canEdit ? (
          <p className="muted">Sending a test needs the permission to edit campaigns.</p>
        ) : testable.length === 0 ? (
          <p className="muted">Tests go to an email address or a phone number; this campaign sends on neither channel.</p>
        ) : (
          <TestSendPanel campaignId={campaign.id} variantId={variantId} channels={testable} />
        )}
      </section>
    </div>
  );
}
