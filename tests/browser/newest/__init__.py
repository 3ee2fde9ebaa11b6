"""The integration on the newest Home Assistant release (its own step of scripts/test)."""
