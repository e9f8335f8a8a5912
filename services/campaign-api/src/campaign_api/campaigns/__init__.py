"""Campaigns: create, read, list, update, delete and the status lifecycle."""
