"""Run the one-shot connection check with the settings of Home Assistant's MQTT entry."""

from __future__ import annotations

from collections.abc import Mapping
import os
from pathlib import Path
import ssl
import tempfile
from typing import Any

import certifi

from homeassistant.components import mqtt
from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_PASSWORD, CONF_PORT, CONF_PROTOCOL, CONF_USERNAME
from homeassistant.core import HomeAssistant

from ..engine.mqtt_connect import BrokerAddress, CheckResult, Protocol, check_connection

DEFAULT_MQTT_PORT = 1883
PROTOCOLS: dict[str, Protocol] = {"3.1": "3.1", "3.1.1": "3.1.1", "5": "5"}


def mqtt_entry(hass: HomeAssistant) -> ConfigEntry | None:
    """Return Home Assistant's MQTT config entry, loaded or not, if there is one."""
    entries = hass.config_entries.async_entries(mqtt.DOMAIN, include_disabled=False)
    return entries[0] if entries else None


def broker_label(hass: HomeAssistant) -> tuple[str, str]:
    """Return the broker's host and port as the MQTT entry names them."""
    entry = mqtt_entry(hass)
    if entry is None:
        return "?", "?"
    return str(entry.data.get("broker", "?")), str(entry.data.get(CONF_PORT, DEFAULT_MQTT_PORT))


def _tls_context(data: Mapping[str, Any]) -> ssl.SSLContext | None:
    """Build the TLS context the MQTT entry asks for (blocking: reads certificates)."""
    certificate = data.get("certificate")
    if not certificate:
        return None
    if certificate == "auto":
        context = ssl.create_default_context(cafile=certifi.where())
    else:
        context = ssl.create_default_context(cadata=str(certificate))
    if data.get("tls_insecure"):
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    client_cert, client_key = data.get("client_cert"), data.get("client_key")
    if client_cert and client_key:
        # ssl only loads a client certificate from files: write them privately, then remove them.
        with tempfile.TemporaryDirectory() as folder:
            cert_file, key_file = Path(folder, "cert.pem"), Path(folder, "key.pem")
            for path, content in ((cert_file, client_cert), (key_file, client_key)):
                path.write_text(str(content))
                os.chmod(path, 0o600)
            context.load_cert_chain(cert_file, key_file)
    return context


async def async_check_broker(hass: HomeAssistant) -> CheckResult | None:
    """Check the broker of the MQTT entry; None when there is no entry or it uses websockets."""
    entry = mqtt_entry(hass)
    if entry is None or entry.data.get("transport", "tcp") != "tcp":
        return None
    data = entry.data
    host, port = str(data.get("broker", "")), int(data.get(CONF_PORT, DEFAULT_MQTT_PORT))
    protocol = PROTOCOLS.get(str(data.get(CONF_PROTOCOL, "3.1.1")), "3.1.1")
    try:
        tls = await hass.async_add_executor_job(_tls_context, data)
    except (ssl.SSLError, ValueError, OSError) as err:
        return CheckResult(
            host=host,
            port=port,
            protocol=protocol,
            reachable=False,
            error=f"the MQTT entry's TLS certificates cannot be used ({err})",
        )
    address = BrokerAddress(
        host=host,
        port=port,
        protocol=protocol,
        username=data.get(CONF_USERNAME),
        password=data.get(CONF_PASSWORD),
        tls=tls,
    )
    return await check_connection(address)
