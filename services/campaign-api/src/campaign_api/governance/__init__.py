"""Campaign governance: approvals bound to content, approval chains and audience drift."""
