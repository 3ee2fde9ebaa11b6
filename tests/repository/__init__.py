"""Checks on the files HACS, hassfest and Home Assistant's loader read."""
