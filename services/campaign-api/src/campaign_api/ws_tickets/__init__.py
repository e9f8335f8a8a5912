"""One-time tickets for opening the notify gateway's WebSocket."""
