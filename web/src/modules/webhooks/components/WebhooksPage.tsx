import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { api, unwrap } from "../../../api/http";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { StatusChip } from "../../../ui/StatusChip";
import { useAuth } from "../../auth/useAuth";
import { useWebhooks, webhooksKey, type Webhook, type WebhookWithSecret } from "../api";
import { AllowListCard } from "./AllowListCard";
import { DeliveryLog } from "./DeliveryLog";
import { WebhookForm } from "./WebhookForm";

type Editing = { webhook?: Webhook } | null;

/** The company's webhook subscriptions: add, edit, pause, rotate the secret, ping, read the
 * delivery log, re-enable one disabled after failures, and keep the allow-list. */
export function WebhooksPage() {
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const webhooks = useWebhooks();
  const [editing, setEditing] = useState<Editing>(null);
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  if (!can("manage_webhooks")) {
    return <p role="alert">Only administrators manage webhooks.</p>;
  }

  const items = webhooks.data?.items ?? [];
  const disabled = items.filter((webhook) => webhook.status === "disabled");
  const shown = items.find((webhook) => webhook.id === selected);
  const refresh = () => queryClient.invalidateQueries({ queryKey: webhooksKey });

  const run = async (action: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await action();
      toast.success(done);
      await refresh();
    } catch (caught) {
      setError(caught);
    }
  };

  const handleSaved = async (saved: Webhook | WebhookWithSecret) => {
    setEditing(null);
    if ("secret" in saved) setSecret({ name: saved.name, value: saved.secret });
    toast.success(`Webhook “${saved.name}” saved.`);
    await refresh();
  };

  const path = (webhook: Webhook) => ({ params: { path: { webhook_id: webhook.id } } });
  const handleRotate = (webhook: Webhook) =>
    run(async () => {
      const rotated = unwrap(await api.POST("/api/webhooks/{webhook_id}/rotate-secret/", path(webhook)));
      setSecret({ name: rotated.name, value: rotated.secret });
    }, `New secret for “${webhook.name}”.`);
  const handlePing = (webhook: Webhook) =>
    run(async () => {
      unwrap(await api.POST("/api/webhooks/{webhook_id}/test/", path(webhook)));
      setSelected(webhook.id);
      await queryClient.invalidateQueries({ queryKey: ["webhooks", webhook.id, "deliveries"] });
    }, `Test ping queued for “${webhook.name}”.`);
  const handleEnable = (webhook: Webhook) =>
    run(async () => unwrap(await api.POST("/api/webhooks/{webhook_id}/enable/", path(webhook))), `“${webhook.name}” re-enabled.`);
  const handlePause = (webhook: Webhook) =>
    run(
      async () => unwrap(await api.PATCH("/api/webhooks/{webhook_id}/", { ...path(webhook), body: { status: webhook.status === "paused" ? "active" : "paused" } })),
      webhook.status === "paused" ? `“${webhook.name}” resumed.` : `“${webhook.name}” paused.`,
    );
  const handleDelete = (webhook: Webhook) => {
    if (!window.confirm(`Delete the webhook “${webhook.name}” and its delivery log?`)) return;
    void run(async () => {
      unwrap(await api.DELETE("/api/webhooks/{webhook_id}/", path(webhook)));
      if (selected === webhook.id) setSelected(null);
    }, `“${webhook.name}” deleted.`);
  };

  return (
    <div>
      <h1>Webhooks</h1>
      <p className="muted">Signed HTTP callbacks of the company's events. See the signature scheme in the documentation.</p>
      {disabled.map((webhook) => (
        <div key={webhook.id} className="notice notice-error" role="alert">
          <strong>{webhook.name} is disabled.</strong> {webhook.disabled_reason}{" "}
          <button type="button" onClick={() => void handleEnable(webhook)}>
            Re-enable {webhook.name}
          </button>
        </div>
      ))}
      {secret && (
        <div className="notice" role="status" aria-label="Signing secret">
          <p>
            Signing secret of <strong>{secret.name}</strong>. Copy it now: it is not shown again.
          </p>
          <code data-testid="webhook-secret">{secret.value}</code>{" "}
          <button type="button" className="secondary" onClick={() => setSecret(null)}>
            Done
          </button>
        </div>
      )}
      <ErrorNotice error={webhooks.error ?? error} />
      <div className="table-wrap">
        <table>
          <caption>Webhook subscriptions</caption>
          <thead>
            <tr>
              <th>Name</th>
              <th>URL</th>
              <th>Events</th>
              <th>Status</th>
              <th>Failures</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((webhook) => (
              <tr key={webhook.id}>
                <td>{webhook.name}</td>
                <td className="url">{webhook.url}</td>
                <td title={webhook.event_types.join(", ")}>{webhook.event_types.length}</td>
                <td>
                  <StatusChip status={webhook.status} />
                </td>
                <td>{webhook.consecutive_failures}</td>
                <td className="actions">
                  <button type="button" className="secondary" onClick={() => setSelected(webhook.id)}>
                    Deliveries of {webhook.name}
                  </button>{" "}
                  <button type="button" className="secondary" onClick={() => void handlePing(webhook)}>
                    Send test to {webhook.name}
                  </button>{" "}
                  <button type="button" className="secondary" onClick={() => setEditing({ webhook })}>
                    Edit {webhook.name}
                  </button>{" "}
                  {webhook.status !== "disabled" && (
                    <button type="button" className="secondary" onClick={() => void handlePause(webhook)}>
                      {webhook.status === "paused" ? "Resume" : "Pause"} {webhook.name}
                    </button>
                  )}{" "}
                  <button type="button" className="secondary" onClick={() => void handleRotate(webhook)}>
                    Rotate secret of {webhook.name}
                  </button>{" "}
                  <button type="button" className="link" onClick={() => handleDelete(webhook)}>
                    Delete {webhook.name}
                  </button>
                </td>
              </tr>
            ))}
            {webhooks.data && items.length === 0 && (
              <tr>
                <td colSpan={6}>No webhook yet.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {!editing && (
        <button type="button" onClick={() => setEditing({})}>
          Add webhook
        </button>
      )}
      {editing && <WebhookForm key={editing.webhook?.id ?? "new"} webhook={editing.webhook} onSaved={(saved) => void handleSaved(saved)} onCancel={() => setEditing(null)} />}
      {shown && <DeliveryLog webhook={shown} />}
      <AllowListCard />
    </div>
  );
}
