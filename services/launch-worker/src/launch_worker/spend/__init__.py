"""The budget guard on sending: spend reserved before each batch, settled after it."""
