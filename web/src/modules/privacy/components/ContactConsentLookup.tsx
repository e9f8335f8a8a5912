import { useState, type FormEvent } from "react";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { Field } from "../../../ui/Field";
import { formatDate } from "../../../ui/format";
import { useConsentHistory, useConsentState, useContactLookup } from "../api";

const STATUS_LABELS: Record<string, string> = {
  granted: "Granted",
  pending: "Pending confirmation",
  withdrawn: "Withdrawn",
};

/** Find a contact by external id; show its consent per channel and its consent ledger. */
export function ContactConsentLookup() {
  const [draft, setDraft] = useState("");
  const [externalId, setExternalId] = useState("");
  const [page, setPage] = useState(1);
  const lookup = useContactLookup(externalId);
  const contact = lookup.data?.items[0];
  const state = useConsentState(contact?.id);
  const history = useConsentHistory(contact?.id, page);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setPage(1);
    setExternalId(draft.trim());
  };

  const pages = history.data ? Math.max(1, Math.ceil(history.data.total / history.data.page_size)) : 1;
  return (
    <div>
      <form onSubmit={handleSubmit} className="filters" role="search" aria-label="Find a contact">
        <Field label="Contact external id">
          {(props) => <input {...props} value={draft} maxLength={100} onChange={(e) => setDraft(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit" disabled={!draft.trim()}>
            Find
          </button>
        </div>
      </form>
      <ErrorNotice error={lookup.error ?? state.error ?? history.error} />
      {externalId && lookup.data && !contact && <p role="status">No contact with external id {externalId}.</p>}
      {contact && (
        <article aria-labelledby="contact-title">
          <h2 id="contact-title">
            {[contact.first_name, contact.last_name].filter(Boolean).join(" ") || contact.external_id}
          </h2>
          <p className="muted">
            {contact.external_id} · {contact.email ?? "no email"} · {contact.phone ?? "no phone"}
          </p>
          <div className="table-wrap" role="region" aria-label="Current consent" tabIndex={0}>
            <table>
              <caption>Current consent</caption>
              <thead>
                <tr>
                  <th>Channel</th>
                  <th>Status</th>
                  <th>Legal basis</th>
                  <th>Ends</th>
                  <th>Source</th>
                  <th>Given</th>
                </tr>
              </thead>
              <tbody>
                {state.data?.channels.map((entry) => (
                  <tr key={entry.channel}>
                    <td>{entry.channel}</td>
                    <td>
                      <span className={`chip chip-consent-${entry.status}`}>{STATUS_LABELS[entry.status] ?? entry.status}</span>
                    </td>
                    <td>{entry.legal_basis}</td>
                    <td>{entry.expires_at ? formatDate(entry.expires_at) : "—"}</td>
                    <td>{entry.source}</td>
                    <td>{formatDate(entry.recorded_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {state.data && state.data.channels.length === 0 && <p>No consent recorded.</p>}
          <div className="table-wrap" role="region" aria-label="Consent history" tabIndex={0}>
            <table>
              <caption>Consent history (newest first)</caption>
              <thead>
                <tr>
                  <th>When</th>
                  <th>Channel</th>
                  <th>What</th>
                  <th>Status</th>
                  <th>Legal basis</th>
                  <th>Source</th>
                  <th>Proof</th>
                </tr>
              </thead>
              <tbody>
                {history.data?.items.map((entry) => (
                  <tr key={entry.id}>
                    <td>{formatDate(entry.recorded_at)}</td>
                    <td>{entry.channel}</td>
                    <td>{entry.action}</td>
                    <td>
                      {entry.previous_status ? `${entry.previous_status} → ` : ""}
                      {entry.status}
                    </td>
                    <td>{entry.legal_basis ?? "—"}</td>
                    <td>{entry.source ?? "—"}</td>
                    <td>
                      {Object.entries(entry.proof)
                        .map(([key, value]) => `${key}: ${String(value)}`)
                        .join(", ") || "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {history.data && pages > 1 && (
            <div className="pager">
              <button type="button" className="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Newer
              </button>
              <span>
                Page {page} of {pages}
              </span>
              <button type="button" className="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                Older
              </button>
            </div>
          )}
        </article>
      )}
    </div>
  );
}
