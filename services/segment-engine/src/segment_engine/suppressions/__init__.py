"""Suppressions: addresses never to be sent to, on one channel or all of them."""
