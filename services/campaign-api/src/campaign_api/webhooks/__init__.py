"""Outbound webhooks: subscriptions, their secrets, test pings, the delivery log and the
company's allow-list of private targets (docs/webhooks.md)."""
