const HOME = "/campaigns";

/** A router location (or a path) as one path with its query and fragment; "" when it is neither. */
function pathOf(from: unknown): string {
  if (typeof from === "string") return from;
  if (!from || typeof from !== "object") return "";
  const { pathname, search, hash } = from as Record<string, unknown>;
  if (typeof pathname !== "string") return "";
  return `${pathname}${typeof search === "string" ? search : ""}${typeof hash === "string" ? hash : ""}`;
}

/** Where to go once signed in: the app page the visitor was sent to sign in from (the router's
 * `state.from`), or the campaigns. Only a path of this app qualifies, never another origin
 * (`//host`, `https:`) or the sign-in page itself. */
export function returnPath(state: unknown): string {
  const target = pathOf((state as { from?: unknown } | null)?.from);
  if (!target.startsWith("/") || target.startsWith("//") || target.includes("\\")) return HOME;
  const url = new URL(target, window.location.origin);
  if (url.origin !== window.location.origin || url.pathname === "/sign-in") return HOME;
  return `${url.pathname}${url.search}${url.hash}`;
}
