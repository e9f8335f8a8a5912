"""Outbound webhook delivery: a consumer group queues one delivery per event and matching
subscription; a dispatcher sends due deliveries (signed, to the checked address, following
redirects itself), logs every attempt, retries with back-off and disables a subscription
after repeated failures (docs/webhooks.md)."""
