"""Follow the MQTT path AI Automation depends on: the broker connection and the Zigbee2MQTT bridge."""

from __future__ import annotations

from collections.abc import Callable
import logging

from homeassistant.components import mqtt
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback

from .const import bridge_state_topic
from .engine.zigbee2mqtt import PayloadError, parse_bridge_state

_LOGGER = logging.getLogger(__name__)


class MqttHealthMonitor:
    """Know whether the broker is connected and whether the Zigbee2MQTT bridge is online."""

    def __init__(self, hass: HomeAssistant, base_topic: str) -> None:
        """Prepare a monitor for the Zigbee2MQTT instance below `base_topic`."""
        self._hass = hass
        self.base_topic = base_topic
        self.broker_connected = False
        self.bridge_online: bool | None = None
        self._listeners: list[Callable[[], None]] = []
        self._unsubscribe: list[CALLBACK_TYPE] = []

    async def async_start(self) -> None:
        """Subscribe through Home Assistant's MQTT integration."""
        self.broker_connected = mqtt.is_connected(self._hass)
        self._unsubscribe.append(
            mqtt.async_subscribe_connection_status(self._hass, self._on_connection_change)
        )
        self._unsubscribe.append(
            await mqtt.async_subscribe(
                self._hass, bridge_state_topic(self.base_topic), self._on_bridge_state, qos=1
            )
        )

    @callback
    def async_stop(self) -> None:
        """Remove every subscription and listener."""
        while self._unsubscribe:
            self._unsubscribe.pop()()
        self._listeners.clear()

    @callback
    def async_add_listener(self, listener: Callable[[], None]) -> CALLBACK_TYPE:
        """Call `listener` whenever the broker or bridge state changes."""
        self._listeners.append(listener)

        @callback
        def remove() -> None:
            self._listeners.remove(listener)

        return remove

    @callback
    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()

    @callback
    def _on_connection_change(self, connected: bool) -> None:
        if connected == self.broker_connected:
            return
        self.broker_connected = connected
        if connected:
            _LOGGER.info("The MQTT broker is connected again")
        else:
            _LOGGER.warning(
                "Lost the connection to the MQTT broker; Home Assistant's MQTT integration "
                "is reconnecting, and AI Automation receives nothing until it succeeds"
            )
        self._notify()

    @callback
    def _on_bridge_state(self, message: mqtt.ReceiveMessage) -> None:
        try:
            online = parse_bridge_state(message.payload)
        except PayloadError as err:
            _LOGGER.warning("Ignoring the message on %s: %s", message.topic, err)
            return
        if online == self.bridge_online:
            return
        previous, self.bridge_online = self.bridge_online, online
        if not online:
            _LOGGER.warning("The Zigbee2MQTT bridge on %s reports offline", message.topic)
        elif previous is False:
            _LOGGER.info("The Zigbee2MQTT bridge on %s is online again", message.topic)
        self._notify()
