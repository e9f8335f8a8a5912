import type { ReactNode } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider, createMemoryRouter } from "react-router-dom";
import { act, render } from "@testing-library/react";
import { AuthProvider } from "./modules/auth/useAuth";

type Route = { path: string; element: ReactNode };

/** Renders with a fresh query cache, the auth provider and a memory router at `path` (returned,
 * to go back and forth in its history). */
export function renderApp(routes: Route[], path: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(
    routes.map((route) => ({ path: route.path, element: <AuthProvider>{route.element}</AuthProvider> })),
    { initialEntries: [path] },
  );
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...result, router };
}

/** A fetch that answers by method and path; unknown calls fail the test loudly. */
export function fakeApi(handlers: Record<string, (request: Request) => unknown>) {
  const calls: Request[] = [];
  const fetchMock = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), "http://localhost"), init);
    calls.push(request.clone());
    const path = new URL(request.url, "http://localhost").pathname;
    const handler = handlers[`${request.method} ${path}`];
    if (!handler) throw new Error(`unexpected ${request.method} ${path}`);
    const result = await handler(request);
    if (result instanceof Response) return result;
    return new Response(JSON.stringify(result), { status: 200, headers: { "Content-Type": "application/json" } });
  };
  return { fetchMock, calls };
}

/** The signed-in user `GET /api/auth/me` answers, with `permissions` (and `roles`). */
export function signedInUser(permissions: string[], roles: string[] = [], email = "someone@acme.test") {
  return {
    id: "u",
    email,
    full_name: "Someone",
    company: { id: "co", name: "Acme", slug: "acme" },
    roles,
    permissions,
    mfa_enabled: false,
    last_login_at: null,
  };
}

/** A WebSocket the test speaks for: the server's side of the live events. */
export class FakeSocket {
  static last: FakeSocket | null = null;
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor() {
    FakeSocket.last = this;
    setTimeout(() => this.onopen?.());
  }
  send() {}
  close() {}
  receive(payload: unknown) {
    act(() => this.onmessage?.({ data: JSON.stringify(payload) }));
  }
}
