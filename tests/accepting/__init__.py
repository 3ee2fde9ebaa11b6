"""Tests that accept suggestions into a real automations.yaml."""
