"""The Home Assistant-free core of AI Automation: parsers and analysis, plain typed Python."""
