import { NavLink, Outlet } from "react-router-dom";
import { useAuth } from "../modules/auth/useAuth";
import { hasUnsavedChanges } from "../modules/campaigns/useUnsavedChangesGuard";
import { SessionTimeoutWarning } from "../modules/auth/components/SessionTimeoutWarning";
import { LiveEventsProvider } from "../modules/live/LiveEvents";
import { LiveStatus } from "../modules/live/LiveStatus";

export function Layout() {
  const { me, can, signOut } = useAuth();

  // Signing out leaves the page as a navigation would: unsaved input is not dropped unasked.
  const handleSignOut = () => {
    if (hasUnsavedChanges() && !window.confirm("You have unsaved changes. Sign out without saving them?")) return;
    void signOut();
  };
  return (
    <LiveEventsProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Campaign Creation</span>
        <nav aria-label="Main">
          <NavLink to="/campaigns" end>
            Campaigns
          </NavLink>
          {can("create_campaign") && <NavLink to="/campaigns/new">New campaign</NavLink>}
          {can("approve_campaign") && <NavLink to="/approvals">Approvals</NavLink>}
          {can("read_campaign") && <NavLink to="/privacy">Privacy</NavLink>}
          {can("manage_privacy") && <NavLink to="/data-requests">Data requests</NavLink>}
          {can("manage_users") && <NavLink to="/settings/approval-policy">Approval policy</NavLink>}
          {can("manage_budget") && <NavLink to="/settings/unit-costs">Unit costs</NavLink>}
          {can("manage_webhooks") && <NavLink to="/settings/webhooks">Webhooks</NavLink>}
          {can("read_audit_log") && <NavLink to="/audit">Audit log</NavLink>}
        </nav>
        <div className="user">
          <LiveStatus />
          <span title={me?.email}>
            {me?.full_name} · {me?.company.name}
          </span>
          <button type="button" className="secondary" onClick={handleSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <SessionTimeoutWarning />
    </LiveEventsProvider>
  );
}
