"""Follow the MQTT path AI Automation depends on and turn lasting problems into Repairs issues."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
import logging

from homeassistant.components import mqtt
from homeassistant.config_entries import (
    SIGNAL_CONFIG_ENTRY_CHANGED,
    SOURCE_REAUTH,
    ConfigEntry,
    ConfigEntryChange,
    ConfigEntryState,
)
from homeassistant.core import CALLBACK_TYPE, CoreState, Event, HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.util import dt as dt_util

from ..const import (
    BROKER_ISSUES,
    CONNECTION_CHECK_INTERVAL,
    DATA_ZIGBEE2MQTT_SEEN_ON,
    DOMAIN,
    GRACE_PERIOD,
    ISSUE_AUTH_FAILED,
    ISSUE_BRIDGE_OFFLINE,
    ISSUE_BROKER_UNREACHABLE,
    ISSUE_CONNECTION_REFUSED,
    ISSUE_MQTT_NOT_SET_UP,
    ISSUE_ZIGBEE2MQTT_NOT_FOUND,
    STARTUP_GRACE_PERIOD,
    ZIGBEE2MQTT_NOT_FOUND_AFTER,
    bridge_devices_topic,
    bridge_state_topic,
)
from ..engine.mqtt_connect import CheckResult
from ..engine.zigbee2mqtt.bridge import PayloadError, parse_bridge_state
from ..issues import async_clear_issue, async_raise_issue
from ..listeners import Observable
from .check import async_check_broker, broker_label, mqtt_entry
from .timers import DelayedJobs

_LOGGER = logging.getLogger(__name__)


def _mqtt_connected(hass: HomeAssistant) -> bool:
    """Tell whether Home Assistant's MQTT client is connected (False without MQTT)."""
    try:
        return mqtt.is_connected(hass)
    except KeyError:
        return False


def _unreachable_reason(result: CheckResult | None) -> str:
    """Say why the broker counts as unreachable, from a check made during the outage."""
    if result is None:
        return "no connection check could be made"
    if result.accepted:
        # The broker is back, but Home Assistant's MQTT client has not reconnected yet.
        return (
            "the broker accepts a new connection again, but Home Assistant's MQTT integration "
            "is not connected yet"
        )
    return result.meaning


class MqttHealthMonitor(Observable):
    """Know whether the broker and the Zigbee2MQTT bridge work; raise and clear Repairs issues."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry_id: str,
        base_topic: str,
        *,
        zigbee2mqtt_expected: bool = False,
    ) -> None:
        """Prepare the monitor of config entry `entry_id` for Zigbee2MQTT below `base_topic`.

        Silence on `base_topic` is a problem only where Zigbee2MQTT is expected: the entry came
        from its discovery, or it was heard on that base topic before.
        """
        super().__init__()
        self._hass = hass
        self._entry_id = entry_id
        self.base_topic = base_topic
        self.broker_connected = False
        self.bridge_online: bool | None = None
        self.bridge_seen = False
        self.zigbee2mqtt_expected = zigbee2mqtt_expected
        self.last_check: CheckResult | None = None
        self.last_check_time: datetime | None = None
        self._disconnected_since: datetime | None = None
        self._bridge_offline_since: datetime | None = None
        self._broker_warned = False
        # The broker issue raised for the current outage, and what it said.
        self._broker_issue: tuple[str, dict[str, str]] | None = None
        self._unsubscribe: list[CALLBACK_TYPE] = []
        self._jobs = DelayedJobs(hass)
        # Right after Home Assistant starts, brokers and add-ons are often still starting too.
        self._startup_until = (
            None if hass.state is CoreState.running else dt_util.utcnow() + STARTUP_GRACE_PERIOD
        )

    async def async_start(self) -> None:
        """Subscribe through Home Assistant's MQTT integration and look at the broker once."""
        async_clear_issue(self._hass, ISSUE_MQTT_NOT_SET_UP)
        self._unsubscribe.append(
            mqtt.async_subscribe_connection_status(self._hass, self._on_connection_change)
        )
        self._unsubscribe.append(
            async_dispatcher_connect(
                self._hass, SIGNAL_CONFIG_ENTRY_CHANGED, self._on_config_entry_change
            )
        )
        self._unsubscribe.append(
            self._hass.bus.async_listen(
                ir.EVENT_REPAIRS_ISSUE_REGISTRY_UPDATED, self._on_issue_removed
            )
        )
        self._unsubscribe.append(
            await mqtt.async_subscribe(
                self._hass, bridge_state_topic(self.base_topic), self._on_bridge_state, qos=1
            )
        )
        if mqtt.is_connected(self._hass):
            self._on_connected()
        else:
            self._on_disconnected()

    @callback
    def async_stop(self) -> None:
        """Remove every subscription, timer and listener (issues stay until resolved)."""
        while self._unsubscribe:
            self._unsubscribe.pop()()
        self._jobs.cancel_all()
        self._listeners.clear()

    @callback
    def async_release_issues(self) -> None:
        """Let the issues go (the entry is being disabled): none is brought back from now on."""
        self._broker_issue = None

    async def async_check_connection(self) -> CheckResult | None:
        """Run the connection check now and remember its result."""
        result = await async_check_broker(self._hass)
        self.last_check, self.last_check_time = result, dt_util.utcnow()
        if result is not None:
            _LOGGER.info(
                "MQTT connection check of %s:%s: %s", result.host, result.port, result.meaning
            )
        self._notify()
        return result

    @property
    def _grace(self) -> timedelta:
        """Return how long a problem must last before it becomes an issue."""
        if self._startup_until is not None and dt_util.utcnow() < self._startup_until:
            return STARTUP_GRACE_PERIOD
        return GRACE_PERIOD

    # Broker -------------------------------------------------------------------------------

    @callback
    def _on_connection_change(self, connected: bool) -> None:
        if connected == self.broker_connected:
            return
        if connected:
            self._on_connected()
        else:
            _LOGGER.debug(
                "The MQTT broker connection dropped; waiting %s before reporting it", self._grace
            )
            self._on_disconnected()
        self._notify()

    @callback
    def _on_connected(self) -> None:
        self.broker_connected = True
        self._disconnected_since = None
        self._supersede_failed_check()
        self._jobs.cancel("broker")
        self._broker_issue = None
        cleared = [async_clear_issue(self._hass, issue) for issue in BROKER_ISSUES]
        if self._broker_warned or any(cleared):
            _LOGGER.info("The MQTT broker is connected again")
        self._broker_warned = False
        if self.zigbee2mqtt_expected and not self.bridge_seen:
            self._jobs.schedule(
                "not_found", ZIGBEE2MQTT_NOT_FOUND_AFTER, self._zigbee2mqtt_not_found
            )

    @callback
    def _supersede_failed_check(self) -> None:
        """Let a failed check from an outage that is over give way to the connection made since.

        The broker accepted Home Assistant's MQTT client: that answers the check's question.
        """
        failed = self.last_check
        if failed is None or failed.accepted:
            return
        self.last_check = replace(failed, reachable=True, error=None, code=0)
        self.last_check_time = dt_util.utcnow()

    @callback
    def _on_disconnected(self) -> None:
        self.broker_connected = False
        self._disconnected_since = self._disconnected_since or dt_util.utcnow()
        self._jobs.cancel("not_found")
        self._jobs.cancel("bridge_offline")
        self._bridge_offline_since = None
        self._jobs.schedule("broker", self._grace, self._async_report_broker)

    async def _async_report_broker(self) -> None:
        """Report a broker outage that outlasted the grace period, naming its cause."""
        entry = mqtt_entry(self._hass)
        if self.broker_connected or entry is None:
            return
        host, port = broker_label(self._hass)
        since = dt_util.as_local(self._disconnected_since or dt_util.utcnow()).strftime(
            "%Y-%m-%d %H:%M"
        )
        placeholders = {"host": host, "port": port, "since": since}
        if any(entry.async_get_active_flows(self._hass, {SOURCE_REAUTH})):
            issue, reason = ISSUE_AUTH_FAILED, "the broker refused Home Assistant's credentials"
        else:
            result = await self._async_rate_limited_check()
            if self._is_connected():  # it may have come back while the check ran
                self._supersede_failed_check()
                self._notify()
                return
            if result is not None and result.auth_failed:
                issue, reason = ISSUE_AUTH_FAILED, result.meaning
            elif result is not None and result.code not in (None, 0):
                issue, reason = ISSUE_CONNECTION_REFUSED, result.meaning
                placeholders |= {"code": str(result.code), "meaning": result.meaning}
            else:
                issue = ISSUE_BROKER_UNREACHABLE
                reason = _unreachable_reason(result)
                placeholders |= {"error": reason}
        # Set first: clearing the other issues must not bring them back (see _on_issue_removed).
        self._broker_issue = (issue, placeholders)
        for other in BROKER_ISSUES:
            if other != issue:
                async_clear_issue(self._hass, other)
        if async_raise_issue(self._hass, issue, placeholders):
            _LOGGER.warning(
                "Lost the MQTT broker %s:%s since %s: %s. AI Automation receives nothing until "
                "Home Assistant's MQTT integration is connected again (see Settings > Repairs)",
                host,
                port,
                since,
                reason,
            )
            self._broker_warned = True
        self._jobs.schedule("broker", CONNECTION_CHECK_INTERVAL, self._async_report_broker)

    def _is_connected(self) -> bool:
        return self.broker_connected

    @callback
    def _on_issue_removed(self, event: Event[ir.EventIssueRegistryUpdatedData]) -> None:
        """Bring back a broker issue removed while the broker still fails.

        Submitting a fix dialog deletes its issue (the credentials repair, on handing over to
        MQTT's reauthentication); the issue belongs until the broker accepts Home Assistant again.
        """
        data = event.data
        if (
            data["action"] != "remove"
            or data["domain"] != DOMAIN
            or self._broker_issue is None
            or data["issue_id"] != self._broker_issue[0]
            or self.broker_connected
            or _mqtt_connected(self._hass)  # connected, and the news is on its way to us
        ):
            return
        issue, placeholders = self._broker_issue
        _LOGGER.debug(
            "The %s issue was closed while the broker still fails; raising it again", issue
        )
        async_raise_issue(self._hass, issue, placeholders)

    async def _async_rate_limited_check(self) -> CheckResult | None:
        """Return a check made during this outage, running one unless it ran in the interval.

        A check made before the outage began (the broker still up) never explains the outage.
        """
        checked = self.last_check_time
        outage = self._disconnected_since
        recent = (
            checked is not None
            and outage is not None
            and checked >= outage
            and dt_util.utcnow() - checked < CONNECTION_CHECK_INTERVAL
        )
        if recent:
            return self.last_check
        return await self.async_check_connection()

    @callback
    def _on_config_entry_change(self, change: ConfigEntryChange, entry: ConfigEntry) -> None:
        """Notice when the MQTT entry is removed or disabled while we run."""
        if entry.domain != mqtt.DOMAIN:
            return
        if change is ConfigEntryChange.REMOVED or entry.disabled_by is not None:
            self._jobs.schedule("not_set_up", self._grace, self._mqtt_not_set_up)
            return
        self._jobs.cancel("not_set_up")
        if entry.state is ConfigEntryState.LOADED and async_clear_issue(
            self._hass, ISSUE_MQTT_NOT_SET_UP
        ):
            _LOGGER.info("Home Assistant's MQTT integration is back; AI Automation restarts")
            # Subscriptions made through the removed MQTT entry are gone: start afresh.
            self._hass.config_entries.async_schedule_reload(self._entry_id)

    @callback
    def _mqtt_not_set_up(self) -> None:
        if mqtt_entry(self._hass) is None and async_raise_issue(self._hass, ISSUE_MQTT_NOT_SET_UP):
            _LOGGER.warning(
                "Home Assistant's MQTT integration was removed or disabled; AI Automation "
                "cannot work without it (see Settings > Repairs)"
            )

    # Zigbee2MQTT bridge -------------------------------------------------------------------

    @callback
    def async_bridge_seen(self) -> None:
        """Note that Zigbee2MQTT said something (its state or its device list)."""
        self._jobs.cancel("not_found")
        if not self.bridge_seen:
            self.bridge_seen = True
            self._remember_zigbee2mqtt()
            if async_clear_issue(self._hass, ISSUE_ZIGBEE2MQTT_NOT_FOUND):
                _LOGGER.info("Zigbee2MQTT found on %s", self.base_topic)
            self._notify()

    @callback
    def _remember_zigbee2mqtt(self) -> None:
        """Keep across restarts that Zigbee2MQTT runs on this base topic: from now on, expect it."""
        self.zigbee2mqtt_expected = True
        entry = self._hass.config_entries.async_get_entry(self._entry_id)
        if entry is not None and entry.data.get(DATA_ZIGBEE2MQTT_SEEN_ON) != self.base_topic:
            self._hass.config_entries.async_update_entry(
                entry, data={**entry.data, DATA_ZIGBEE2MQTT_SEEN_ON: self.base_topic}
            )

    @callback
    def _on_bridge_state(self, message: mqtt.ReceiveMessage) -> None:
        try:
            online = parse_bridge_state(message.payload)
        except PayloadError as err:
            _LOGGER.warning("Ignoring the message on %s: %s", message.topic, err)
            return
        self.async_bridge_seen()
        if online:
            self._bridge_offline_since = None
            self._jobs.cancel("bridge_offline")
            if async_clear_issue(self._hass, ISSUE_BRIDGE_OFFLINE):
                _LOGGER.info("The Zigbee2MQTT bridge on %s is online again", message.topic)
        elif self._bridge_offline_since is None:
            self._bridge_offline_since = dt_util.utcnow()
            self._jobs.schedule("bridge_offline", self._grace, self._bridge_offline)
        if online != self.bridge_online:
            self.bridge_online = online
            self._notify()

    @callback
    def _bridge_offline(self) -> None:
        if self.bridge_online is not False or not self.broker_connected:
            return
        since = dt_util.as_local(self._bridge_offline_since or dt_util.utcnow())
        placeholders = {"base_topic": self.base_topic, "since": since.strftime("%Y-%m-%d %H:%M")}
        if async_raise_issue(self._hass, ISSUE_BRIDGE_OFFLINE, placeholders):
            _LOGGER.warning(
                "The Zigbee2MQTT bridge on %s has reported offline since %s",
                bridge_state_topic(self.base_topic),
                placeholders["since"],
            )

    @callback
    def _zigbee2mqtt_not_found(self) -> None:
        if self.bridge_seen or not self.broker_connected or not self.zigbee2mqtt_expected:
            return
        if async_raise_issue(
            self._hass, ISSUE_ZIGBEE2MQTT_NOT_FOUND, {"base_topic": self.base_topic}
        ):
            _LOGGER.warning(
                "Nothing from Zigbee2MQTT on %s or %s: is the base topic right and Zigbee2MQTT "
                "running?",
                bridge_state_topic(self.base_topic),
                bridge_devices_topic(self.base_topic),
            )
