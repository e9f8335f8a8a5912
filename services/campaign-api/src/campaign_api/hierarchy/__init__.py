"""Campaign hierarchy: parents (programme → campaign → sub-campaign) and roll-ups."""
