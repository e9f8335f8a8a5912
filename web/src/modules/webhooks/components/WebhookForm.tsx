import { useState } from "react";
import { api, unwrap } from "../../../api/http";
import { placeFieldErrors } from "../../../api/errors";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { Field } from "../../../ui/Field";
import { useEventTypes, type Webhook, type WebhookWithSecret } from "../api";

export type WebhookFormProps = {
  webhook?: Webhook;
  onSaved: (saved: Webhook | WebhookWithSecret) => void;
  onCancel: () => void;
};

const FIELDS = ["name", "url", "description", "event_types"] as const;

/** Create or edit a subscription: its name, URL and the event types it receives. */
export function WebhookForm({ webhook, onSaved, onCancel }: WebhookFormProps) {
  const eventTypes = useEventTypes();
  const [name, setName] = useState(webhook?.name ?? "");
  const [url, setUrl] = useState(webhook?.url ?? "https://");
  const [description, setDescription] = useState(webhook?.description ?? "");
  const [chosen, setChosen] = useState<string[]>(webhook?.event_types ?? []);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const toggle = (type: string) => setChosen((current) => (current.includes(type) ? current.filter((t) => t !== type) : [...current, type]));

  const handleSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setFieldErrors({});
    setError(null);
    const body = { name: name.trim(), url: url.trim(), description: description.trim() || null, event_types: chosen };
    try {
      const saved = webhook
        ? unwrap(await api.PATCH("/api/webhooks/{webhook_id}/", { params: { path: { webhook_id: webhook.id } }, body }))
        : unwrap(await api.POST("/api/webhooks/", { body }));
      onSaved(saved);
    } catch (caught) {
      const { fields, rest } = placeFieldErrors(caught, FIELDS);
      setFieldErrors(fields);
      setError(rest ? caught : null);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card" onSubmit={(e) => void handleSubmit(e)} noValidate aria-label={webhook ? `Edit webhook ${webhook.name}` : "New webhook"}>
      <ErrorNotice error={error} />
      <div className="form-grid">
        <Field label="Name" error={fieldErrors.name}>
          {(p) => <input {...p} required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="URL" error={fieldErrors.url} hint="An http(s) address on the public internet, or one on the allow-list below.">
          {(p) => <input {...p} type="url" required maxLength={2048} value={url} onChange={(e) => setUrl(e.target.value)} />}
        </Field>
        <Field label="Description" error={fieldErrors.description}>
          {(p) => <input {...p} maxLength={1000} value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
      </div>
      <fieldset className="event-types">
        <legend>Events to send</legend>
        {fieldErrors.event_types && (
          <p className="field-error" role="alert">
            {fieldErrors.event_types}
          </p>
        )}
        {eventTypes.data?.map((type) => (
          <label key={type} className="inline">
            <input type="checkbox" checked={chosen.includes(type)} onChange={() => toggle(type)} /> {type}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={saving}>
          {saving ? "Saving…" : "Save webhook"}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
