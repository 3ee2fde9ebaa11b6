"""Tests for the AI Automation integration."""
