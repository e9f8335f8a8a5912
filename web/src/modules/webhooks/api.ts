import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/http";
import type { components } from "../../client/schema";

export type Webhook = components["schemas"]["WebhookRead"];
export type WebhookWithSecret = components["schemas"]["WebhookSecretRead"];
export type WebhookDelivery = components["schemas"]["WebhookDeliveryRead"];

export const webhooksKey = ["webhooks"] as const;

export function useWebhooks() {
  return useQuery({
    queryKey: webhooksKey,
    queryFn: async () => unwrap(await api.GET("/api/webhooks/", { params: { query: { page_size: 200 } } })),
  });
}

export function useEventTypes() {
  return useQuery({
    queryKey: ["webhooks", "event-types"],
    queryFn: async () => unwrap(await api.GET("/api/webhooks/event-types/")).event_types,
    staleTime: Infinity,
  });
}

export function useAllowList() {
  return useQuery({
    queryKey: ["webhooks", "allow-list"],
    queryFn: async () => unwrap(await api.GET("/api/webhooks/allow-list/")),
  });
}

/** The delivery log of one subscription; refreshed every few seconds while shown, since the
 * worker sends pings and retries in the background. */
export function useDeliveries(webhookId: string) {
  return useQuery({
    queryKey: ["webhooks", webhookId, "deliveries"],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/webhooks/{webhook_id}/deliveries/", {
          params: { path: { webhook_id: webhookId }, query: { page_size: 50 } },
        }),
      ),
    refetchInterval: 3000,
  });
}
