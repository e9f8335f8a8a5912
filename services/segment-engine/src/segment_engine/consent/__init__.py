"""Consent ledger reads (a contact's history) and the public double opt-in confirmation."""
