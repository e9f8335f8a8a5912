"""Double opt-in: the confirmation message of a pending email consent, sent through the
company's email adapter when the consent ledger asks for it, and the periodic expiry of
implied consent."""
