import { useEffect, useState } from "react";
import { refreshSession } from "../../../api/http";
import { session } from "../../../api/session";
import { Modal } from "../../../ui/Modal";
import { useAuth } from "../useAuth";

const WARN_BEFORE_MS = 2 * 60 * 1000;

/** Warns two minutes before the session ends; "Stay signed in" rotates the refresh token. */
export function SessionTimeoutWarning() {
  const { signOut } = useAuth();
  const [remaining, setRemaining] = useState<number | null>(null);

  useEffect(() => {
    const timer = window.setInterval(() => {
      const left = session.expiresAt() - Date.now();
      if (left <= 0 && session.refreshToken()) void signOut("expired");
      setRemaining(left > 0 && left < WARN_BEFORE_MS ? left : null);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [signOut]);

  const handleStay = async () => {
    await refreshSession();
    setRemaining(null);
  };

  return (
    <Modal
      open={remaining !== null}
      title="Your session is about to end"
      description={`You will be signed out in ${Math.ceil((remaining ?? 0) / 1000)} seconds.`}
      onOpenChange={(open) => !open && void handleStay()}
    >
      <div className="actions">
        <button type="button" onClick={() => void handleStay()}>
          Stay signed in
        </button>
        <button type="button" className="secondary" onClick={() => void signOut()}>
          Sign out
        </button>
      </div>
    </Modal>
  );
}
