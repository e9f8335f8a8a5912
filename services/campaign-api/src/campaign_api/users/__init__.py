"""Tenant administration of users and their roles."""
