"""Campaign segments: a campaign's audiences and their targeting rules."""
