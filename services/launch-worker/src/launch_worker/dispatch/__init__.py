"""Sending the deliveries of running launches."""
