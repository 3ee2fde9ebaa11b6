"""Tests that accept suggestions into a large automations.yaml of the user's."""
