import { useCallback, useEffect, useRef } from "react";
import { useBlocker } from "react-router-dom";

/** The guards of the pages shown that hold unsaved changes now. */
const dirtyGuards = new Set<symbol>();

/** Whether a page shown holds unsaved changes (an action that leaves it, such as signing out,
 * asks first). */
export function hasUnsavedChanges(): boolean {
  return dirtyGuards.size > 0;
}

/** Asks before leaving the page (in-app navigation or closing the tab) with unsaved changes. */
export function useUnsavedChangesGuard(dirty: boolean): () => void {
  const released = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !released.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm("You have unsaved changes. Leave without saving?")) blocker.proceed();
    else blocker.reset();
  }, [blocker]);
  useEffect(() => {
    if (!dirty) return;
    const guard = Symbol("unsaved changes");
    dirtyGuards.add(guard);
    const handleBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", handleBeforeUnload);
    return () => {
      dirtyGuards.delete(guard);
      window.removeEventListener("beforeunload", handleBeforeUnload);
    };
  }, [dirty]);
  /** Lets the next navigation through (after a successful save). */
  return useCallback(() => {
    released.current = true;
  }, []);
}
