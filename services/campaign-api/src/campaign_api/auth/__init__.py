"""Sign-in, token rotation, sessions, MFA step-up and the public keys of the tokens."""
