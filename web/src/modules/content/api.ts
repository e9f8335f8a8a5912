import { useQueries, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/http";
import type { components } from "../../client/schema";

export type TemplateLink = components["schemas"]["TemplateLinkRead"];
export type Template = components["schemas"]["TemplateRead"];
export type TemplateType = components["schemas"]["TemplateType"];
export type TestSend = components["schemas"]["TestSendRead"];
export type TestSendRequest = components["schemas"]["TestSendRequest"];
export type MessagePreview = components["schemas"]["MessagePreview"];

/** The channels one message goes out on; a multi-channel campaign sends on all of them. */
export const DELIVERY_CHANNELS = ["email", "sms", "social", "direct_mail"] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export const CHANNEL_LABELS: Record<DeliveryChannel, string> = {
  email: "Email",
  sms: "SMS",
  social: "Social",
  direct_mail: "Direct mail",
};

/** The channels a test send can reach: an email address sends by email, a phone number by SMS. */
export const TESTABLE_CHANNELS: readonly DeliveryChannel[] = ["email", "sms"];

/** Template types whose content is sent on each channel (the API's `pick_template`). */
const SENDING_TYPES: Record<DeliveryChannel, readonly TemplateType[]> = {
  email: ["email", "landing_page", "multi_channel"],
  sms: ["sms", "multi_channel"],
  social: ["social", "landing_page", "multi_channel"],
  direct_mail: ["direct_mail", "multi_channel"],
};

/** Template types the API lets a campaign on each primary channel link. */
const LINKABLE_TYPES: Record<string, readonly TemplateType[]> = {
  email: ["email", "landing_page"],
  sms: ["sms", "landing_page"],
  social: ["social", "landing_page"],
  direct_mail: ["direct_mail"],
  multi_channel: ["email", "sms", "social", "direct_mail", "multi_channel", "landing_page"],
};

/** The channels a campaign sends on. */
export function channelsOf(primaryChannel: string): DeliveryChannel[] {
  if (primaryChannel === "multi_channel") return [...DELIVERY_CHANNELS];
  return DELIVERY_CHANNELS.filter((channel) => channel === primaryChannel);
}

export function sendsOn(templateType: TemplateType, channel: DeliveryChannel): boolean {
  return SENDING_TYPES[channel].includes(templateType);
}

/** The template types a campaign may link for one of its channels: linkable for the campaign
 * and sent on that channel. */
export function linkableTypes(primaryChannel: string, channel: DeliveryChannel): TemplateType[] {
  const allowed = LINKABLE_TYPES[primaryChannel] ?? [];
  return SENDING_TYPES[channel].filter((type) => allowed.includes(type));
}

/** The linked template a channel sends, as the API picks it: among the active ones that fit,
 * the primary one, else the first linked. */
export function sendingTemplate(links: readonly TemplateLink[], channel: DeliveryChannel): TemplateLink | undefined {
  const fitting = links.filter((link) => link.is_active && sendsOn(link.template_type, channel));
  return fitting.find((link) => link.is_primary) ?? fitting[0];
}

export function useTemplateLinks(campaignId: string) {
  return useQuery({
    queryKey: ["campaign", campaignId, "templates"],
    queryFn: async () =>
      unwrap(await api.GET("/api/campaigns/{campaign_id}/templates/", { params: { path: { campaign_id: campaignId } } })),
  });
}

/** Each linked template in full (subject, content), by id; `enabled` false for a user who may
 * not read templates. */
export function useTemplateDetails(templateIds: readonly string[], enabled: boolean) {
  const results = useQueries({
    queries: templateIds.map((templateId) => ({
      queryKey: ["template", templateId],
      enabled,
      staleTime: 30_000,
      queryFn: async () =>
        unwrap(await api.GET("/api/campaign-templates/{template_id}/", { params: { path: { template_id: templateId } } })),
    })),
  });
  const byId = new Map<string, Template>();
  for (const result of results) if (result.data) byId.set(result.data.id, result.data);
  return { byId, error: results.find((result) => result.error)?.error ?? null };
}

/** The company's active templates of `types`; `enabled` false for a user who may not read them. */
export function useTemplatesOfTypes(types: readonly TemplateType[], enabled: boolean) {
  return useQuery({
    queryKey: ["templates", "active-items", ...types],
    enabled: enabled && types.length > 0,
    queryFn: async () => {
      const pages = await Promise.all(
        types.map(async (template_type) =>
          unwrap(await api.GET("/api/campaign-templates/", { params: { query: { is_active: true, template_type, page_size: 100 } } })),
        ),
      );
      return pages.flatMap((page) => page.items);
    },
  });
}

/** A test send, read again every two seconds until the provider took it or refused it. */
export function useTestSend(campaignId: string, testSendId: string | undefined) {
  return useQuery({
    queryKey: ["campaign", campaignId, "test-send", testSendId],
    enabled: Boolean(testSendId),
    queryFn: async () =>
      unwrap(
        await api.GET("/api/campaigns/{campaign_id}/test-sends/{test_send_id}/", {
          params: { path: { campaign_id: campaignId, test_send_id: testSendId! } },
        }),
      ),
    refetchInterval: (query) => (query.state.data?.send_status === "pending" ? 2_000 : false),
  });
}

/** What to preview: the channel, the A/B variant (empty: the campaign's template) and the
 * contact whose data fills it (empty: a sample contact's). */
export type PreviewRequest = { channel: DeliveryChannel; variantId: string; contactId: string };

/** The campaign's message rendered exactly as a recipient gets it, sent to nobody; rendered
 * again for each version of the campaign (a template linked or unlinked). */
export function useMessagePreview(campaignId: string, version: number, { channel, variantId, contactId }: PreviewRequest) {
  return useQuery({
    queryKey: ["campaign", campaignId, "preview", version, channel, variantId, contactId],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/campaigns/{campaign_id}/preview/", {
          params: {
            path: { campaign_id: campaignId },
            query: { channel, ...(variantId && { variant_id: variantId }), ...(contactId && { contact_id: contactId }) },
          },
        }),
      ),
  });
}

/** The id of the company's contact with this external id, or null when it has none. */
export async function findContactId(externalId: string): Promise<string | null> {
  const page = unwrap(await api.GET("/api/contacts/", { params: { query: { external_id: externalId, page_size: 1 } } }));
  return page.items[0]?.id ?? null;
}
