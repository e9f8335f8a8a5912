import { useEffect, useState, type FormEvent } from "react";
import { ApiError } from "../../../api/errors";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { Field } from "../../../ui/Field";
import { useAuth } from "../../auth/useAuth";
import { RESIDENCY_REGIONS, usePrivacySettings, useSavePrivacySettings, type PrivacySettingsUpdate } from "../api";

function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldErrors()[field] : undefined;
}

/** Double opt-in for email and the data residency region; administrators change them. */
export function PrivacySettingsForm() {
  const { can } = useAuth();
  const editable = can("manage_users");
  const settings = usePrivacySettings();
  const save = useSavePrivacySettings();
  const [draft, setDraft] = useState<PrivacySettingsUpdate>({
    double_opt_in_email: false,
    residency_region: null,
    residency_allowed_hosts: [],
  });
  const [hosts, setHosts] = useState("");

  useEffect(() => {
    if (!settings.data) return;
    setDraft(settings.data);
    setHosts(settings.data.residency_allowed_hosts.join("\n"));
  }, [settings.data]);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const allowed = hosts
      .split(/[\s,]+/)
      .map((host) => host.trim())
      .filter(Boolean);
    save.mutate({ ...draft, residency_allowed_hosts: allowed });
  };

  if (!settings.data) return <ErrorNotice error={settings.error} />;
  return (
    <form onSubmit={handleSubmit} aria-label="Privacy settings">
      <div className="field">
        <label>
          <input
            type="checkbox"
            checked={draft.double_opt_in_email ?? false}
            disabled={!editable}
            onChange={(e) => setDraft({ ...draft, double_opt_in_email: e.target.checked })}
          />{" "}
          Double opt-in for email
        </label>
        <p className="hint">
          A new email consent stays pending until the contact confirms it from the message we send; pending contacts
          never receive marketing.
        </p>
      </div>
      <Field label="Data residency region" hint="Exports and webhook destinations outside it are refused.">
        {(props) => (
          <select
            {...props}
            value={draft.residency_region ?? ""}
            disabled={!editable}
            onChange={(e) =>
              setDraft({ ...draft, residency_region: (e.target.value || null) as PrivacySettingsUpdate["residency_region"] })
            }
          >
            <option value="">No region</option>
            {RESIDENCY_REGIONS.map((region) => (
              <option key={region.value} value={region.value}>
                {region.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="Hosts inside the region"
        hint="One per line: destinations whose name shows no region, vouched for by you."
        error={fieldError(save.error, "residency_allowed_hosts")}
      >
        {(props) => <textarea {...props} rows={3} value={hosts} disabled={!editable} onChange={(e) => setHosts(e.target.value)} />}
      </Field>
      <ErrorNotice error={fieldError(save.error, "residency_allowed_hosts") ? null : save.error} />
      {editable ? (
        <div className="actions">
          <button type="submit" disabled={save.isPending}>
            Save privacy settings
          </button>
          {save.isSuccess && <span role="status">Saved.</span>}
        </div>
      ) : (
        <p className="muted">Only administrators change these settings.</p>
      )}
    </form>
  );
}
