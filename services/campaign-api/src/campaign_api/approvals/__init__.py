"""Approvals: submitting a campaign's budget for approval, approving and rejecting it."""
