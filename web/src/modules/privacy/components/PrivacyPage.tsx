import { NavLink, Navigate, Route, Routes } from "react-router-dom";
import { useAuth } from "../../auth/useAuth";
import { CampaignConsentSummary } from "./CampaignConsentSummary";
import { ContactConsentLookup } from "./ContactConsentLookup";
import { PrivacySettingsForm } from "./PrivacySettingsForm";

/** Privacy: a contact's consent and its ledger, a campaign's consent summary, the settings. */
export function PrivacyPage() {
  const { can } = useAuth();
  return (
    <section aria-labelledby="privacy-title">
      <h1 id="privacy-title">Privacy</h1>
      <nav aria-label="Privacy sections" className="actions">
        {can("read_reference_data") && <NavLink to="/privacy/contacts">Contact consent</NavLink>}
        <NavLink to="/privacy/campaigns">Campaign consent</NavLink>
        <NavLink to="/privacy/settings">Settings</NavLink>
      </nav>
      <Routes>
        <Route index element={<Navigate to={can("read_reference_data") ? "contacts" : "campaigns"} replace />} />
        <Route path="contacts" element={<ContactConsentLookup />} />
        <Route path="campaigns" element={<CampaignConsentSummary />} />
        <Route path="settings" element={<PrivacySettingsForm />} />
      </Routes>
    </section>
  );
}
