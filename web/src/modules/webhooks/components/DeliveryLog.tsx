import { ErrorNotice } from "../../../ui/ErrorNotice";
import { StatusChip } from "../../../ui/StatusChip";
import { useDeliveries, type Webhook } from "../api";

export type DeliveryLogProps = { webhook: Webhook };

const when = (value: string | null | undefined) => (value ? new Date(value).toLocaleString() : "—");

/** The subscription's deliveries, newest first, each with every attempt the worker made. */
export function DeliveryLog({ webhook }: DeliveryLogProps) {
  const deliveries = useDeliveries(webhook.id);
  const items = deliveries.data?.items ?? [];
  return (
    <section aria-label={`Deliveries of ${webhook.name}`} className="card">
      <h2>Deliveries of {webhook.name}</h2>
      <ErrorNotice error={deliveries.error} />
      <div className="table-wrap">
        <table>
          <caption className="sr-only">Delivery log</caption>
          <thead>
            <tr>
              <th>Created</th>
              <th>Event</th>
              <th>Status</th>
              <th>Attempts</th>
              <th>Last answer</th>
              <th>Next attempt</th>
            </tr>
          </thead>
          <tbody>
            {items.map((delivery) => (
              <tr key={delivery.id} data-testid="delivery">
                <td>{when(delivery.created_at)}</td>
                <td>
                  {delivery.event_type}
                  {delivery.is_test && " (test)"}
                </td>
                <td>
                  <StatusChip status={delivery.status} />
                </td>
                <td>
                  <details>
                    <summary>{delivery.attempts}</summary>
                    <ol>
                      {delivery.attempt_log.map((attempt) => (
                        <li key={attempt.attempt}>
                          {attempt.outcome} · {attempt.status_code ?? "no answer"} · {attempt.latency_ms ?? "—"} ms
                          {attempt.error && <> · {attempt.error}</>}
                          {attempt.response_body && <pre className="response-body">{attempt.response_body}</pre>}
                        </li>
                      ))}
                    </ol>
                  </details>
                </td>
                <td>{delivery.last_status_code ?? delivery.last_error ?? "—"}</td>
                <td>{delivery.status === "pending" ? when(delivery.next_attempt_at) : "—"}</td>
              </tr>
            ))}
            {deliveries.data && items.length === 0 && (
              <tr>
                <td colSpan={6}>Nothing sent yet: send a test ping, or wait for a subscribed event.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
