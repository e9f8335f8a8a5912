export type MessageViewProps = {
  /** Names the message for screen readers: what this view shows. */
  title: string;
  subject?: string | null;
  html?: string | null;
  text?: string | null;
};

const FIGURE_STYLE = { margin: "1rem 0" };
const FRAME_STYLE = { width: "100%", minHeight: "20rem", border: "1px solid var(--border)", borderRadius: 6, background: "#fff" };
const TEXT_STYLE = { whiteSpace: "pre-wrap", overflowWrap: "anywhere", margin: 0 } as const;

/** A message as a recipient reads it: HTML in a sandboxed frame (no scripts, no forms, no
 * access to this page), text as text. */
export function MessageView({ title, subject, html, text }: MessageViewProps) {
  return (
    <figure className="card" aria-label={title} style={FIGURE_STYLE}>
      {subject !== undefined && (
        <p>
          <strong>Subject:</strong> {subject ?? "—"}
        </p>
      )}
      {html ? (
        <iframe title={title} sandbox="" srcDoc={html} referrerPolicy="no-referrer" style={FRAME_STYLE} />
      ) : (
        <pre style={TEXT_STYLE}>{text ?? ""}</pre>
      )}
    </figure>
  );
}

export type NoMessageProps = { channelLabel: string };

/** A channel that has nothing to send yet. */
export function NoMessage({ channelLabel }: NoMessageProps) {
  return (
    <p className="muted" data-testid="no-content">
      No {channelLabel} message yet: link a template above, or give an A/B variant content of its own.
    </p>
  );
}
