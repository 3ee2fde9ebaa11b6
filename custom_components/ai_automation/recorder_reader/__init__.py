"""Reading the recorder: its tables directly, or Home Assistant's history API as a fallback."""
