"""The campaign audit trail: recording changes with their events, and listing history."""
