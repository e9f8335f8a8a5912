/** What a page that failed to render shows instead: a sentence and a way back, never a stack. */
export function RouteError() {
  return (
    <main id="main" className="error-page">
      <h1>Something went wrong</h1>
      <p role="alert">This page could not be shown.</p>
      <div className="actions">
        {/* A full load: a fresh start, without the state that failed. */}
        <a className="button" href="/campaigns">
          Back to campaigns
        </a>
        <button type="button" className="secondary" onClick={() => window.location.reload()}>
          Try again
        </button>
      </div>
    </main>
  );
}
