"""Zigbee2MQTT devices in Home Assistant: the device list, its use, and the answer the card reads."""
