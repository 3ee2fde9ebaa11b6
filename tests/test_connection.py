"""The connection check with the settings of Home Assistant's real MQTT entry."""

from datetime import UTC, datetime, timedelta
import ssl
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.ai_automation.mqtt_health.check import _tls_context, async_check_broker
from homeassistant.core import HomeAssistant

from .mosquitto import Broker


async def test_check_with_home_assistants_settings(
    real_mqtt_entry: MockConfigEntry, hass: HomeAssistant, mosquitto: Broker
) -> None:
    """The MQTT entry's host, port, protocol and credentials are what the check uses."""
    result = await async_check_broker(hass)
    assert result is not None
    assert (result.host, result.port, result.protocol) == (mosquitto.host, mosquitto.port, "5")
    assert result.accepted


@pytest.mark.parametrize("mqtt_overrides", [{"password": "wrong", "protocol": "3.1.1"}])
async def test_check_names_refused_credentials(
    real_mqtt_entry: MockConfigEntry, hass: HomeAssistant, mqtt_overrides: dict[str, Any]
) -> None:
    """A wrong password in the MQTT entry comes back as refused credentials."""
    result = await async_check_broker(hass)
    assert result is not None
    assert result.auth_failed
    assert result.meaning == "not authorised"


async def test_no_check_without_mqtt_or_over_websockets(
    hass: HomeAssistant, enable_custom_integrations: None
) -> None:
    """Without an MQTT entry, or with websockets, there is nothing this check can ask."""
    assert await async_check_broker(hass) is None
    MockConfigEntry(domain="mqtt", data={"broker": "h", "transport": "websockets"}).add_to_hass(
        hass
    )
    assert await async_check_broker(hass) is None


async def test_unusable_certificate_is_reported(
    hass: HomeAssistant, enable_custom_integrations: None
) -> None:
    """A CA certificate that cannot be loaded is named instead of connecting without TLS."""
    MockConfigEntry(
        domain="mqtt", data={"broker": "h", "port": 8883, "certificate": "not a certificate"}
    ).add_to_hass(hass)
    result = await async_check_broker(hass)
    assert result is not None
    assert not result.reachable
    assert "TLS certificates cannot be used" in result.meaning


def test_tls_settings() -> None:
    """Home Assistant's TLS options become the matching TLS context."""
    assert _tls_context({}) is None
    context = _tls_context({"certificate": "auto"})
    assert context is not None
    assert context.verify_mode is ssl.CERT_REQUIRED
    insecure = _tls_context({"certificate": "auto", "tls_insecure": True})
    assert insecure is not None
    assert insecure.verify_mode is ssl.CERT_NONE
    assert not insecure.check_hostname


def _self_signed() -> tuple[str, str]:
    """Return a throwaway certificate and key, PEM encoded."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ai-automation-test")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    return (
        cert.public_bytes(serialization.Encoding.PEM).decode(),
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode(),
    )


def test_tls_with_own_ca_and_client_certificate() -> None:
    """A custom CA and a client certificate from the MQTT entry are both used."""
    cert, key = _self_signed()
    context = _tls_context({"certificate": cert, "client_cert": cert, "client_key": key})
    assert context is not None
    assert context.get_ca_certs()[0]["subject"] == ((("commonName", "ai-automation-test"),),)
