"""Synthetic contacts and behavioural events for demos, tests and benchmarks."""
