"""The budget guard: unit costs per channel and provider, launch forecasts and overrides."""
