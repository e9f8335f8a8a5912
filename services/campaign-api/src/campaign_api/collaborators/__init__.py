"""Collaborators: the users working on a campaign and their roles."""
