import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { useAuth } from "../useAuth";

export type RequirePermissionProps = {
  /** What the page needs: every one of these permissions (the API refuses its requests without them). */
  permissions: readonly string[];
  /** The page's title, kept when it is refused. */
  title: string;
  /** What the page is for, to end "You do not have permission to …". */
  action: string;
  children: ReactNode;
};

/** The page when the user holds its permissions; otherwise a page that says so, never a form
 * whose every request can only be refused. */
export function RequirePermission({ permissions, title, action, children }: RequirePermissionProps) {
  const { can } = useAuth();
  if (permissions.every(can)) return <>{children}</>;
  return (
    <section aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">{title}</h1>
      <p className="notice" role="alert">
        You do not have permission to {action}. Ask an administrator if your role should allow it.
      </p>
      <p>
        <Link to="/campaigns">Back to campaigns</Link>
      </p>
    </section>
  );
}
