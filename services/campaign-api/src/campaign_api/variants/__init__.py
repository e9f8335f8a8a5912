"""A campaign's A/B variants: their messages and weights, and the results per variant."""
