"""Test sends: a campaign's message rendered exactly as a recipient gets it, sent to one
named address by the launch worker."""
