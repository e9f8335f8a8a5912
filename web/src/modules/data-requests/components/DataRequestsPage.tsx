import { useEffect, useState } from "react";
import { toast } from "sonner";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { Field } from "../../../ui/Field";
import { Modal } from "../../../ui/Modal";
import {
  type ContactRead,
  DATA_CLASSES,
  type RetentionPolicies,
  type RetentionReport,
  exportContact,
  retentionDryRun,
  useContactSearch,
  useErase,
  useLegalHolds,
  usePlaceHold,
  useReleaseHold,
  useRequestLog,
  useRetention,
  useSaveRetention,
} from "../api";

const ERASE_CONFIRMATION = "ERASE";

function downloadJson(name: string, data: unknown) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

type EraseDialogProps = { contact: ContactRead | null; onClose: () => void };

function EraseDialog({ contact, onClose }: EraseDialogProps) {
  const erase = useErase();
  const [typed, setTyped] = useState("");
  useEffect(() => setTyped(""), [contact]);
  const handleErase = async () => {
    if (!contact) return;
    await erase.mutateAsync(contact.id);
    toast.success("Personal data erased");
    onClose();
  };
  return (
    <Modal
      open={contact !== null}
      title="Erase personal data"
      description="The contact's personal data is removed everywhere. This cannot be undone."
      onOpenChange={(open) => !open && onClose()}
    >
      <Field label={`Type ${ERASE_CONFIRMATION} to confirm`}>
        {(props) => <input {...props} value={typed} onChange={(event) => setTyped(event.target.value)} />}
      </Field>
      {erase.error ? <ErrorNotice error={erase.error} /> : null}
      <div className="actions">
        <button type="button" onClick={onClose}>Cancel</button>
        <button
          type="button"
          className="danger"
          disabled={typed !== ERASE_CONFIRMATION || erase.isPending}
          onClick={handleErase}
        >
          Erase
        </button>
      </div>
    </Modal>
  );
}

type ContactActionsProps = { contact: ContactRead; onErase: (contact: ContactRead) => void };

function ContactActions({ contact, onErase }: ContactActionsProps) {
  const placeHold = usePlaceHold();
  const [error, setError] = useState<unknown>(null);
  const handleExport = async () => {
    setError(null);
    try {
      downloadJson(`contact-${contact.id}.json`, await exportContact(contact.id));
    } catch (caught) {
      setError(caught);
    }
  };
  const handleHold = async () => {
    const reason = window.prompt("Reason for the legal hold");
    if (!reason) return;
    setError(null);
    try {
      await placeHold.mutateAsync({ contact_id: contact.id, reason });
      toast.success("Legal hold placed");
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <>
      <button type="button" onClick={handleExport}>Export</button>
      <button type="button" onClick={handleHold}>Legal hold</button>
      <button type="button" className="danger" disabled={Boolean(contact.erased_at)} onClick={() => onErase(contact)}>
        Erase…
      </button>
      {error ? <ErrorNotice error={error} /> : null}
    </>
  );
}

function ContactFinder() {
  const [draft, setDraft] = useState("");
  const [term, setTerm] = useState("");
  const [erasing, setErasing] = useState<ContactRead | null>(null);
  const contacts = useContactSearch(term);
  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    setTerm(draft.trim());
  };
  return (
    <section aria-labelledby="find-contact">
      <h2 id="find-contact">Find a contact</h2>
      <form onSubmit={handleSubmit} className="inline-form">
        <Field label="Email or external id">
          {(props) => <input {...props} value={draft} onChange={(event) => setDraft(event.target.value)} />}
        </Field>
        <button type="submit">Find</button>
      </form>
      {contacts.error ? <ErrorNotice error={contacts.error} /> : null}
      {contacts.data ? (
        contacts.data.items.length === 0 ? (
          <p>No contact matches.</p>
        ) : (
          <table>
            <thead>
              <tr><th>External id</th><th>Email</th><th>Status</th><th>Actions</th></tr>
            </thead>
            <tbody>
              {contacts.data.items.map((contact) => (
                <tr key={contact.id}>
                  <td>{contact.external_id}</td>
                  <td>{contact.email ?? "—"}</td>
                  <td>{contact.erased_at ? "Erased" : contact.do_not_sell ? "Do not sell" : "Active"}</td>
                  <td><ContactActions contact={contact} onErase={setErasing} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      <EraseDialog contact={erasing} onClose={() => setErasing(null)} />
    </section>
  );
}

function RequestLog() {
  const log = useRequestLog();
  return (
    <section aria-labelledby="request-log">
      <h2 id="request-log">Request log</h2>
      {log.error ? <ErrorNotice error={log.error} /> : null}
      <table>
        <thead>
          <tr><th>When</th><th>Kind</th><th>Outcome</th><th>Contact</th><th>By</th></tr>
        </thead>
        <tbody>
          {(log.data?.items ?? []).map((entry) => (
            <tr key={entry.id}>
              <td>{new Date(entry.requested_at).toLocaleString()}</td>
              <td>{entry.kind}</td>
              <td>{entry.outcome}</td>
              <td><code>{entry.contact_id}</code></td>
              <td><code>{entry.requested_by_user_id ?? "—"}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function LegalHolds() {
  const holds = useLegalHolds();
  const release = useReleaseHold();
  const handleRelease = async (holdId: string) => {
    const reason = window.prompt("Reason for releasing the hold");
    if (!reason) return;
    await release.mutateAsync({ holdId, reason });
    toast.success("Legal hold released");
  };
  return (
    <section aria-labelledby="legal-holds">
      <h2 id="legal-holds">Active legal holds</h2>
      {holds.error ? <ErrorNotice error={holds.error} /> : null}
      {release.error ? <ErrorNotice error={release.error} /> : null}
      <ul>
        {(holds.data?.items ?? []).map((hold) => (
          <li key={hold.id}>
            {hold.contact_id ? `Contact ${hold.contact_id}` : `Campaign ${hold.campaign_id}`} — {hold.reason}{" "}
            <button type="button" onClick={() => handleRelease(hold.id)}>Release</button>
          </li>
        ))}
      </ul>
      {holds.data?.items.length === 0 ? <p>No active hold.</p> : null}
    </section>
  );
}

type Days = Record<keyof RetentionPolicies, string>;

function RetentionSettings() {
  const retention = useRetention();
  const save = useSaveRetention();
  const [days, setDays] = useState<Days>({ events: "", deliveries: "", rendered_messages: "", audit: "" });
  const [report, setReport] = useState<RetentionReport | null>(null);
  const [dryRunError, setDryRunError] = useState<unknown>(null);
  useEffect(() => {
    if (!retention.data) return;
    const data = retention.data;
    setDays({
      events: data.events == null ? "" : String(data.events),
      deliveries: data.deliveries == null ? "" : String(data.deliveries),
      rendered_messages: data.rendered_messages == null ? "" : String(data.rendered_messages),
      audit: data.audit == null ? "" : String(data.audit),
    });
  }, [retention.data]);
  const handleSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    const toDays = (value: string) => (value.trim() === "" ? null : Number(value));
    await save.mutateAsync({
      events: toDays(days.events),
      deliveries: toDays(days.deliveries),
      rendered_messages: toDays(days.rendered_messages),
      audit: toDays(days.audit),
    });
    toast.success("Retention saved");
  };
  const handleDryRun = async () => {
    setDryRunError(null);
    try {
      setReport(await retentionDryRun());
    } catch (caught) {
      setDryRunError(caught);
    }
  };
  return (
    <section aria-labelledby="retention">
      <h2 id="retention">Retention</h2>
      <form onSubmit={handleSubmit}>
        {DATA_CLASSES.map(({ key, label }) => (
          <Field key={key} label={`${label} (days)`} hint="Empty keeps them indefinitely.">
            {(props) => (
              <input
                {...props}
                type="number"
                min={1}
                max={36500}
                value={days[key]}
                onChange={(event) => setDays({ ...days, [key]: event.target.value })}
              />
            )}
          </Field>
        ))}
        {save.error ? <ErrorNotice error={save.error} /> : null}
        <div className="actions">
          <button type="submit" disabled={save.isPending}>Save retention</button>
          <button type="button" onClick={handleDryRun}>Dry run</button>
        </div>
      </form>
      {dryRunError ? <ErrorNotice error={dryRunError} /> : null}
      {report ? (
        <table aria-label="Dry run">
          <thead><tr><th>Data class</th><th>Would delete</th></tr></thead>
          <tbody>
            {Object.entries(report.totals).map(([name, count]) => (
              <tr key={name}><td>{name}</td><td>{count}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** Data-subject requests: find a contact, export or erase it, legal holds, retention. */
export function DataRequestsPage() {
  return (
    <div className="page data-requests">
      <h1>Data requests</h1>
      <ContactFinder />
      <LegalHolds />
      <RetentionSettings />
      <RequestLog />
    </div>
  );
}
