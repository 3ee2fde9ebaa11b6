"""Suggestions kept across restarts and what the user decided: store, automations.yaml, titles."""
