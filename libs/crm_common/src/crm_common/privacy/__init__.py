"""Privacy: the consent ledger (`consent`), double opt-in tokens (`opt_in_tokens`), the
company's privacy settings (`settings`), data classification (`classification`) and data
residency (`residency`)."""
