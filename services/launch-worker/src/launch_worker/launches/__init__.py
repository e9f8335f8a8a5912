"""Launches: the state machine, its lease and the sweeper."""
