"""Helpers every campaign-api feature uses: company policy, concurrency, responses, values."""
