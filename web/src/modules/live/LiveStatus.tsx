import { useLiveEvents } from "./LiveEvents";

const LABELS = { connecting: "Connecting…", live: "Live", offline: "Offline, reconnecting" };

export function LiveStatus() {
  const { state } = useLiveEvents();
  return (
    <span className={`live live-${state}`} role="status" aria-live="polite">
      {LABELS[state]}
    </span>
  );
}
