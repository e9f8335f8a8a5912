"""Privacy in the campaign API: a campaign audience's consent summary and the company's
privacy settings (double opt-in for email, data residency)."""
