"""Test sends: the message campaign-api rendered and stored, sent to its one address through
the company's adapter for the channel."""
