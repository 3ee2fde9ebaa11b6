"""The Zigbee2MQTT model: bridge payloads, devices and what each can do."""
