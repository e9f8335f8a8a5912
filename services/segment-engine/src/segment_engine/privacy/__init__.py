"""Data-subject rights: export, erasure, do-not-sell, legal holds, retention settings."""
