import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { useAuth } from "../../auth/useAuth";
import { exportAuditLog, useAuditLog, verifyAuditLog, type AuditPeriod, type AuditVerification } from "../api";

/** A `datetime-local` value (the browser's local time) as an instant with offset. */
function toInstant(local: string): string | undefined {
  return local ? new Date(local).toISOString() : undefined;
}

function formatTime(value: string): string {
  return new Date(value).toLocaleString();
}

export type VerificationResultProps = { result: AuditVerification };

export function VerificationResult({ result }: VerificationResultProps) {
  if (result.ok) {
    return (
      <div className="notice" role="status" data-testid="audit-verification">
        <strong>The audit chain holds.</strong> {result.rows} rows verified
        {result.rows > 0 && ` (seq ${result.first_seq}–${result.last_seq})`}
        {result.redacted_rows > 0 && `, ${result.redacted_rows} redacted by recorded erasure requests`}.
      </div>
    );
  }
  const first = result.first_problem;
  return (
    <div className="notice notice-error" role="alert" data-testid="audit-verification">
      <strong>The audit chain does not hold: {result.problem_count} problem(s).</strong>
      {first && (
        <p>
          First: <strong>{first.kind}</strong> at seq {first.chain_seq ?? "?"} — {first.message}
        </p>
      )}
      {result.problems.length > 1 && (
        <ul>
          {result.problems.slice(1).map((problem, index) => (
            <li key={index}>
              {problem.kind} at seq {problem.chain_seq ?? "?"}: {problem.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The company's tamper-evident audit log: rows by period, a verification of the chain, and
 * an export that verifies on its own (`crm audit-verify <file>`). */
export function AuditPage() {
  const { can } = useAuth();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [period, setPeriod] = useState<AuditPeriod>({});
  const [page, setPage] = useState(1);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [busy, setBusy] = useState<"verify" | "export" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const log = useAuditLog(period, page);

  if (!can("read_audit_log")) {
    return <p role="alert">Only administrators and auditors read the audit log.</p>;
  }

  const handleFilter = (event: FormEvent) => {
    event.preventDefault();
    setPeriod({ from: toInstant(from), to: toInstant(to) });
    setPage(1);
    setVerification(null);
  };

  const handleVerify = async () => {
    setError(null);
    setBusy("verify");
    try {
      setVerification(await verifyAuditLog(period));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  const handleExport = async () => {
    setError(null);
    setBusy("export");
    try {
      const { name, blob } = await exportAuditLog(period);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
      toast.success(`Exported ${name}.`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  const items = log.data?.items ?? [];
  const total = log.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / 50));

  return (
    <div>
      <h1>Audit log</h1>
      <p className="muted">
        Every change, hash-chained per company: a verification names any altered, removed, inserted or reordered row,
        and an export verifies on its own with <code>crm audit-verify</code>.
      </p>
      <form className="filters" onSubmit={handleFilter} aria-label="Audit period">
        <label>
          From
          <input type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label>
          To
          <input type="datetime-local" value={to} onChange={(event) => setTo(event.target.value)} />
        </label>
        <button type="submit">Apply period</button>
        <button type="button" className="secondary" disabled={busy !== null} onClick={() => void handleVerify()}>
          {busy === "verify" ? "Verifying…" : "Verify chain"}
        </button>
        <button type="button" className="secondary" disabled={busy !== null} onClick={() => void handleExport()}>
          {busy === "export" ? "Exporting…" : "Export"}
        </button>
      </form>
      <ErrorNotice error={log.error ?? error} />
      {verification && <VerificationResult result={verification} />}
      <div className="table-wrap">
        <table>
          <caption>
            Audit rows, newest first ({total} in the period)
          </caption>
          <thead>
            <tr>
              <th>Seq</th>
              <th>When</th>
              <th>Action</th>
              <th>Entity</th>
              <th>Actor</th>
              <th>Row hash</th>
            </tr>
          </thead>
          <tbody>
            {items.map((row) => (
              <tr key={row.id}>
                <td>{row.chain_seq}</td>
                <td>{formatTime(row.chained_at)}</td>
                <td>
                  {row.action}
                  {row.redacted_at && <span className="muted"> (redacted)</span>}
                </td>
                <td>
                  {row.entity_type} <code title={row.entity_id}>{row.entity_id.slice(0, 8)}</code>
                </td>
                <td>{row.actor_user_id ? <code title={row.actor_user_id}>{row.actor_user_id.slice(0, 8)}</code> : "system"}</td>
                <td>
                  <code title={row.row_hash}>{row.row_hash.slice(0, 12)}…</code>
                </td>
              </tr>
            ))}
            {!log.isLoading && items.length === 0 && (
              <tr>
                <td colSpan={6}>No audit rows in this period.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label="Audit pages" className="pager">
          <button type="button" className="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Previous page
          </button>{" "}
          Page {page} of {pages}{" "}
          <button type="button" className="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            Next page
          </button>
        </nav>
      )}
    </div>
  );
}
