"""Conversions, attribution to campaigns, ROI, and the company's rate table and window."""
