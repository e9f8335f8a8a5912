import { useState } from "react";
import { describeError } from "../../../api/errors";
import { Field } from "../../../ui/Field";
import { findContactId } from "../api";

/** A contact to preview the message for: its id, and how the user named it. */
export type PreviewContact = { id: string; label: string };

/** `canLookUp`: the user may read contacts, so an external id can be looked up. */
export type PreviewContactFieldProps = {
  contact: PreviewContact | null;
  canLookUp: boolean;
  onChange: (contact: PreviewContact | null) => void;
};

const CONTACT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Chooses whose data fills the preview: a contact named by id or external id, else a sample. */
export function PreviewContactField({ contact, canLookUp, onChange }: PreviewContactFieldProps) {
  const [value, setValue] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const handleSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const typed = value.trim();
    if (!typed) {
      onChange(null);
      return;
    }
    if (CONTACT_ID.test(typed)) {
      onChange({ id: typed.toLowerCase(), label: typed });
      return;
    }
    if (!canLookUp) {
      setError("Type the contact's id: finding one by external id needs the permission to read contacts.");
      return;
    }
    setBusy(true);
    try {
      const id = await findContactId(typed);
      if (id) onChange({ id, label: typed });
      else setError(`No contact has the external id “${typed}”.`);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const handleSample = () => {
    setValue("");
    setError(undefined);
    onChange(null);
  };

  return (
    <form className="inline-form" onSubmit={(e) => void handleSubmit(e)} noValidate aria-label="Preview as a contact">
      <Field
        label="Preview as contact (optional)"
        error={error}
        hint={`${canLookUp ? "A contact's id or external id" : "A contact's id"}; empty: a sample contact.`}
      >
        {(p) => (
          <input
            {...p}
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={255}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="secondary" disabled={busy}>
          {busy ? "Finding the contact…" : "Use contact"}
        </button>
        {contact && (
          <button type="button" className="secondary" onClick={handleSample}>
            Use a sample contact
          </button>
        )}
      </div>
    </form>
  );
}
