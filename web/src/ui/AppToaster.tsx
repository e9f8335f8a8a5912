import { Toaster } from "sonner";

/** The app's one toast region: bottom right, clear of the header (its navigation and Sign out)
 * at every width; each toast has a close button, and the region is a polite live region. */
export function AppToaster() {
  return <Toaster position="bottom-right" closeButton />;
}
