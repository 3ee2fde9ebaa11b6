"""Tests for the one-shot MQTT connection check, against a real Mosquitto broker."""

import asyncio
from collections.abc import AsyncGenerator, Callable
import re
import socket

import pytest

from custom_components.ai_automation.engine.mqtt_connect import (
    BrokerAddress,
    Protocol,
    check_connection,
)

from ..mosquitto import Broker

# Every test here talks TCP on loopback.
pytestmark = pytest.mark.usefixtures("socket_enabled")


def _address(broker: Broker, protocol: Protocol, password: str | None = None) -> BrokerAddress:
    return BrokerAddress(
        host=broker.host,
        port=broker.port,
        protocol=protocol,
        username=broker.username,
        password=broker.password if password is None else password,
    )


@pytest.mark.parametrize("protocol", ["3.1", "3.1.1", "5"])
async def test_accepted_and_gone_at_once(mosquitto: Broker, protocol: Protocol) -> None:
    """Right credentials: accepted, with a client id of its own, and disconnected straight away."""
    result = await check_connection(_address(mosquitto, protocol))
    assert result.reachable
    assert result.accepted
    assert not result.auth_failed
    assert result.meaning == "connection accepted"
    await asyncio.sleep(0.2)
    log = mosquitto.log.read_text()
    client = re.search(r"New client connected from \S+ as (ai-automation-check-[0-9a-f]{8})", log)
    assert client is not None
    assert f"Client {client.group(1)} disconnected" in log


@pytest.mark.parametrize(
    ("protocol", "code", "meaning"),
    [("3.1.1", 5, "not authorised"), ("5", 0x87, "not authorised")],
)
async def test_wrong_password_is_named(
    mosquitto: Broker, protocol: Protocol, code: int, meaning: str
) -> None:
    """Mosquitto refuses a wrong password; the check reports the CONNACK code and its meaning."""
    result = await check_connection(_address(mosquitto, protocol, password="wrong"))
    assert result.reachable
    assert result.code == code
    assert result.auth_failed
    assert result.meaning == meaning


async def test_nothing_listening() -> None:
    """A port with no broker: not reachable, with the operating system's reason."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = await check_connection(BrokerAddress(host="127.0.0.1", port=port))
    assert not result.reachable
    assert result.code is None
    assert result.meaning == f"cannot reach 127.0.0.1:{port}: Connection refused"


@pytest.fixture
async def fake_server() -> AsyncGenerator[Callable[[bytes | None], asyncio.Future[int]]]:
    """Start loopback TCP servers that answer CONNECT with fixed bytes, or never (None)."""
    servers: list[asyncio.Server] = []

    async def start(answer: bytes | None) -> int:
        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            await reader.read(1)
            if answer is None:
                await reader.read()  # say nothing until the client gives up
            else:
                writer.write(answer)
                await writer.drain()
            writer.close()

        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        servers.append(server)
        port: int = server.sockets[0].getsockname()[1]
        return port

    yield lambda answer: asyncio.ensure_future(start(answer))
    for server in servers:
        server.close()
        server.close_clients()
        await server.wait_closed()


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (b"HTTP/1.1 400 Bad Request\r\n\r\n", "expected CONNACK, got packet type 4"),
        (b"", "connection closed without a CONNACK"),
        (b"\x20\x01\x00", "CONNACK too short"),
        (None, "no answer to CONNECT"),
    ],
)
async def test_not_a_broker(
    fake_server: Callable[[bytes | None], asyncio.Future[int]], answer: bytes | None, error: str
) -> None:
    """Something that is not an MQTT broker is reachable but says nothing useful; the check says so."""
    port = await fake_server(answer)
    result = await check_connection(BrokerAddress(host="127.0.0.1", port=port), wait=0.5)
    assert result.reachable
    assert result.code is None
    assert error in (result.error or "")
    assert result.meaning.startswith(f"127.0.0.1:{port} did not answer as an MQTT broker")


@pytest.mark.parametrize(("protocol", "code"), [("3.1.1", 3), ("5", 0x8A), ("5", 0xFE)])
async def test_other_refusals_are_explained(
    fake_server: Callable[[bytes | None], asyncio.Future[int]], protocol: Protocol, code: int
) -> None:
    """Refusals other than credentials are not taken for an authentication problem."""
    port = await fake_server(bytes([0x20, 0x02, 0x00, code]))
    result = await check_connection(BrokerAddress(host="127.0.0.1", port=port, protocol=protocol))
    assert result.code == code
    assert not result.accepted
    assert not result.auth_failed
    expected = {3: "server unavailable", 0x8A: "banned", 0xFE: "unknown reason code 254"}[code]
    assert result.meaning == expected


def test_password_is_never_shown() -> None:
    """The broker address can be logged: its text carries no password."""
    address = BrokerAddress(host="h", port=1, username="u", password="hunter2")
    assert "hunter2" not in repr(address)
    assert "hunter2" not in str(address)
