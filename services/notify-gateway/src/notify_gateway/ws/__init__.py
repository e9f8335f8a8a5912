"""WebSocket fan-out of the events stream."""
