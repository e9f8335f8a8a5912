"""Outbound webhooks: the pieces the API and the launch worker share — statuses, the
signature scheme, the encryption of stored secrets and the checks of target addresses."""
