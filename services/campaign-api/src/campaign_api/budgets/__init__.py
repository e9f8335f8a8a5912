"""Budgets: the company's reference budgets, their availability and campaign allocations."""
