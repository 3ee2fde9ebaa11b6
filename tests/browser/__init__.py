"""Browser tests of the dashboard card, against a real Home Assistant process."""
