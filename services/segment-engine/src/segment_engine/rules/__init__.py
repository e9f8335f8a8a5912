"""Segment rules: the compiler to SQL and the plain-Python reference evaluator."""
