import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/http";
import { session } from "../../api/session";
import { FISCAL_YEAR_EVENTS, invalidateBudgets } from "../campaigns/budgetApi";
import { toastLiveEvent } from "./eventToasts";

export type EventEnvelope = {
  id: string;
  type: string;
  company_id: string;
  occurred_at: string;
  actor_user_id: string | null;
  data: Record<string, unknown>;
};
type Listener = (event: EventEnvelope) => void;
export type LiveState = "connecting" | "live" | "offline";

type LiveValue = { state: LiveState; subscribe: (listener: Listener) => () => void };
const LiveContext = createContext<LiveValue>({ state: "offline", subscribe: () => () => undefined });

/** A ticket for the WebSocket's auth message (never the long-lived token in a URL). */
async function wsTicket(): Promise<string | null> {
  const result = await api.POST("/api/ws-ticket/");
  return result.data?.ticket ?? session.accessToken();
}

function wsUrl(): string {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${window.location.host}/ws`;
}

export type LiveEventsProviderProps = { children: ReactNode };

/**
 * One WebSocket per signed-in tab: authenticates with a ticket, resumes with the last event id
 * after a drop (backing off up to 30 s), refreshes the queries an event touches (the fiscal
 * years' positions as well, after a change to budgets or campaigns' money) and toasts
 * approvals and launches, naming their campaign.
 */
export function LiveEventsProvider({ children }: LiveEventsProviderProps) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");
  const listeners = useRef(new Set<Listener>());
  const lastEventId = useRef<string | null>(null);

  useEffect(() => {
    let socket: WebSocket | null = null;
    let stopped = false;
    let attempt = 0;
    let retryTimer: number | undefined;

    const handleEvent = (event: EventEnvelope) => {
      const campaignId = event.data.campaign_id as string | undefined;
      if (event.type.startsWith("campaign.") && event.type !== "campaign.launch_progress") {
        void queryClient.invalidateQueries({ queryKey: ["campaigns"] });
        if (campaignId) void queryClient.invalidateQueries({ queryKey: ["campaign", campaignId] });
      }
      if (FISCAL_YEAR_EVENTS.has(event.type)) void invalidateBudgets(queryClient);
      toastLiveEvent(event, queryClient);
      listeners.current.forEach((listener) => listener(event));
    };

    const connect = async () => {
      setState("connecting");
      const token = await wsTicket().catch(() => null);
      if (stopped || !token) {
        if (!stopped) scheduleRetry();
        return;
      }
      socket = new WebSocket(wsUrl());
      socket.onopen = () => {
        const auth: Record<string, string> = { type: "auth", token };
        if (lastEventId.current) auth.last_event_id = lastEventId.current;
        socket?.send(JSON.stringify(auth));
      };
      socket.onmessage = (message) => {
        const payload = JSON.parse(String(message.data)) as { type: string; id?: string; event?: EventEnvelope };
        if (payload.type === "auth_ok") {
          attempt = 0;
          setState("live");
        } else if (payload.type === "ping") {
          socket?.send(JSON.stringify({ type: "pong" }));
        } else if (payload.type === "token_expiring") {
          // Re-authenticate on the same socket before the credential lapses.
          void wsTicket().then((fresh) => fresh && socket?.send(JSON.stringify({ type: "auth", token: fresh })));
        } else if (payload.type === "reload_required") {
          // The missed events are gone from the stream: refetch everything instead.
          lastEventId.current = null;
          void queryClient.invalidateQueries();
        } else if (payload.type === "event" && payload.event) {
          if (payload.id) lastEventId.current = payload.id;
          handleEvent(payload.event);
        }
      };
      socket.onclose = () => {
        if (!stopped) scheduleRetry();
      };
    };

    const scheduleRetry = () => {
      setState("offline");
      attempt += 1;
      retryTimer = window.setTimeout(() => void connect(), Math.min(30_000, 500 * 2 ** attempt));
    };

    void connect();
    return () => {
      stopped = true;
      window.clearTimeout(retryTimer);
      socket?.close();
    };
  }, [queryClient]);

  const value = useRef<LiveValue>({
    state,
    subscribe: (listener) => {
      listeners.current.add(listener);
      return () => {
        listeners.current.delete(listener);
      };
    },
  });
  value.current = { ...value.current, state };

  return <LiveContext.Provider value={value.current}>{children}</LiveContext.Provider>;
}

export function useLiveEvents(): LiveValue {
  return useContext(LiveContext);
}

/** Calls `onEvent` for every live event while mounted. */
export function useLiveEvent(onEvent: Listener) {
  const { subscribe } = useLiveEvents();
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => subscribe((event) => handler.current(event)), [subscribe]);
}
