"""Launch requests: everything checked, one Launch row recorded, the worker told by event."""
