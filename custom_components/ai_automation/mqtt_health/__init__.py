"""The MQTT path AI Automation depends on: the connection check and the health monitor."""
