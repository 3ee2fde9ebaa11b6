"""Tests of MQTT health: Repairs issues for the broker and Zigbee2MQTT."""
