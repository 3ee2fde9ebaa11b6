"""Suggestions: findings turned into automations, with their words and evidence."""
