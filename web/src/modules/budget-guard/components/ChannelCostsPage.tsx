import { useEffect, useState } from "react";
import { toast } from "sonner";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { useAuth } from "../../auth/useAuth";
import { type ChannelCosts, useChannelCosts, useSaveChannelCosts } from "../api";

type Prices = Record<string, { unit_cost: string; providers: Record<string, string> }>;

function pricesOf(costs: ChannelCosts): Prices {
  return Object.fromEntries(
    Object.entries(costs.channels).map(([channel, cost]) => [
      channel,
      {
        unit_cost: cost.unit_cost == null ? "" : String(cost.unit_cost),
        providers: Object.fromEntries(cost.available_providers.map((name) => [name, cost.providers[name] == null ? "" : String(cost.providers[name])])),
      },
    ]),
  );
}

/** The company's price per message on each channel and provider (budget managers edit it). */
export function ChannelCostsPage() {
  const { can } = useAuth();
  const costs = useChannelCosts();
  const save = useSaveChannelCosts();
  const [prices, setPrices] = useState<Prices>({});
  const editable = can("manage_budget");

  useEffect(() => {
    if (costs.data) setPrices(pricesOf(costs.data));
  }, [costs.data]);

  const handleSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    const channels = Object.fromEntries(
      Object.entries(prices).map(([channel, price]) => [
        channel,
        {
          unit_cost: price.unit_cost.trim() === "" ? null : price.unit_cost.trim(),
          providers: Object.fromEntries(Object.entries(price.providers).filter(([, value]) => value.trim() !== "")),
        },
      ]),
    );
    try {
      await save.mutateAsync({ channels } as never);
      toast.success("Unit costs saved.");
    } catch {
      // shown below
    }
  };

  return (
    <section aria-labelledby="costs-title">
      <h1 id="costs-title">Unit costs</h1>
      <p className="muted">What one message costs on each channel; a provider's price wins over its channel's. Launches are forecast and sending is capped with these prices.</p>
      <ErrorNotice error={costs.error ?? save.error} />
      <form onSubmit={(event) => void handleSubmit(event)} className="card">
        {Object.entries(prices).map(([channel, price]) => (
          <fieldset key={channel}>
            <legend>{channel.replace("_", " ")}</legend>
            <label>
              Per message{" "}
              <input
                aria-label={`${channel} unit cost`}
                inputMode="decimal"
                value={price.unit_cost}
                disabled={!editable}
                onChange={(event) => setPrices((current) => ({ ...current, [channel]: { ...current[channel], unit_cost: event.target.value } }))}
              />
            </label>
            {Object.entries(price.providers).map(([provider, value]) => (
              <label key={provider}>
                {provider}{" "}
                <input
                  aria-label={`${channel} ${provider} unit cost`}
                  inputMode="decimal"
                  value={value}
                  disabled={!editable}
                  onChange={(event) =>
                    setPrices((current) => ({
                      ...current,
                      [channel]: { ...current[channel], providers: { ...current[channel].providers, [provider]: event.target.value } },
                    }))
                  }
                />
              </label>
            ))}
          </fieldset>
        ))}
        {editable && (
          <div className="actions">
            <button type="submit" disabled={save.isPending}>
              Save unit costs
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
