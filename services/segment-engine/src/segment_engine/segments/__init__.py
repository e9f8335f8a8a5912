"""Segments: validation, estimates, materialised membership, members and explanations."""
