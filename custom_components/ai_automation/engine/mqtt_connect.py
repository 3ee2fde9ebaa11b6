"""A short MQTT connection check: TCP connect, one CONNECT, read the CONNACK, disconnect.

Home Assistant does not expose the broker's CONNACK code, so this check asks the broker itself, with
a client id of its own, and never stays connected.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from functools import partial
import os
import secrets
import ssl
from typing import Literal

type Protocol = Literal["3.1", "3.1.1", "5"]

CONNECT_TIMEOUT = 10.0
KEEPALIVE_SECONDS = 10

# The classic CONNACK return codes (MQTT 3.1 / 3.1.1).
CONNACK_V3: dict[int, str] = {
    0: "connection accepted",
    1: "unsupported protocol version",
    2: "client identifier rejected",
    3: "server unavailable",
    4: "bad user name or password",
    5: "not authorised",
}
# MQTT 5 CONNACK reason codes.
CONNACK_V5: dict[int, str] = {
    0x00: "connection accepted",
    0x80: "unspecified error",
    0x81: "malformed packet",
    0x82: "protocol error",
    0x83: "implementation specific error",
    0x84: "unsupported protocol version",
    0x85: "client identifier not valid",
    0x86: "bad user name or password",
    0x87: "not authorised",
    0x88: "server unavailable",
    0x89: "server busy",
    0x8A: "banned",
    0x8C: "bad authentication method",
    0x95: "packet too large",
    0x97: "quota exceeded",
    0x99: "payload format invalid",
    0x9A: "retain not supported",
    0x9B: "QoS not supported",
    0x9C: "use another server",
    0x9D: "server moved",
    0x9F: "connection rate exceeded",
}
AUTH_FAILURES: dict[Protocol, frozenset[int]] = {
    "3.1": frozenset({4, 5}),
    "3.1.1": frozenset({4, 5}),
    "5": frozenset({0x86, 0x87, 0x8C}),
}


@dataclass(frozen=True, kw_only=True)
class BrokerAddress:
    """Where and how to connect, as Home Assistant's MQTT entry says."""

    host: str
    port: int
    protocol: Protocol = "3.1.1"
    username: str | None = None
    password: str | None = None
    tls: ssl.SSLContext | None = None

    def __repr__(self) -> str:
        """Describe the broker without its password."""
        return (
            f"BrokerAddress({self.host}:{self.port}, MQTT {self.protocol}, user={self.username!r})"
        )


@dataclass(frozen=True, kw_only=True)
class CheckResult:
    """What the broker answered, or why it could not be reached."""

    host: str
    port: int
    protocol: Protocol
    reachable: bool
    error: str | None = None
    code: int | None = None

    @property
    def accepted(self) -> bool:
        """Return whether the broker accepted the connection."""
        return self.code == 0

    @property
    def auth_failed(self) -> bool:
        """Return whether the broker refused the credentials."""
        return self.code is not None and self.code in AUTH_FAILURES[self.protocol]

    @property
    def meaning(self) -> str:
        """Say in plain words what happened."""
        if not self.reachable:
            return f"cannot reach {self.host}:{self.port}: {self.error}"
        if self.code is None:
            return f"{self.host}:{self.port} did not answer as an MQTT broker: {self.error}"
        table = CONNACK_V5 if self.protocol == "5" else CONNACK_V3
        return table.get(self.code, f"unknown reason code {self.code}")


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value % 128, value // 128
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _field(data: bytes) -> bytes:
    return len(data).to_bytes(2, "big") + data


def connect_packet(address: BrokerAddress, client_id: str) -> bytes:
    """Build the CONNECT packet for `address`."""
    name, level = (b"MQIsdp", 3) if address.protocol == "3.1" else (b"MQTT", 4)
    if address.protocol == "5":
        level = 5
    flags = 0x02  # clean session: leave nothing behind on the broker
    payload = _field(client_id.encode())
    if address.username is not None:
        flags |= 0x80
        payload += _field(address.username.encode())
        if address.password is not None:
            flags |= 0x40
            payload += _field(address.password.encode())
    header = _field(name) + bytes([level, flags]) + KEEPALIVE_SECONDS.to_bytes(2, "big")
    if address.protocol == "5":
        header += _varint(0)  # no properties
    body = header + payload
    return b"\x10" + _varint(len(body)) + body


async def _read_connack(reader: asyncio.StreamReader) -> int:
    """Return the CONNACK's return code; raise ValueError for anything else."""
    packet_type = (await reader.readexactly(1))[0]
    if packet_type >> 4 != 2:
        raise ValueError(f"expected CONNACK, got packet type {packet_type >> 4}")
    length = 0
    for shift in range(0, 28, 7):
        byte = (await reader.readexactly(1))[0]
        length |= (byte & 0x7F) << shift
        if not byte & 0x80:
            break
    if length < 2:
        raise ValueError("CONNACK too short")
    body = await reader.readexactly(length)
    return body[1]


async def check_connection(address: BrokerAddress, *, wait: float = CONNECT_TIMEOUT) -> CheckResult:
    """Connect once with a fresh client id, report the broker's answer, and disconnect."""
    client_id = f"ai-automation-check-{secrets.token_hex(4)}"
    result = partial(CheckResult, host=address.host, port=address.port, protocol=address.protocol)
    try:
        async with asyncio.timeout(wait):
            reader, writer = await asyncio.open_connection(
                address.host, address.port, ssl=address.tls
            )
    except TimeoutError:
        return result(reachable=False, error="timed out")
    except OSError as err:
        reason = os.strerror(err.errno) if err.errno else str(err)
        return result(reachable=False, error=reason)
    try:
        async with asyncio.timeout(wait):
            writer.write(connect_packet(address, client_id))
            await writer.drain()
            code = await _read_connack(reader)
            if code == 0:
                writer.write(b"\xe0\x00")  # DISCONNECT
                await writer.drain()
    except TimeoutError:
        return result(reachable=True, error="no answer to CONNECT")
    except asyncio.IncompleteReadError:
        return result(reachable=True, error="connection closed without a CONNACK")
    except (OSError, ValueError) as err:
        return result(reachable=True, error=str(err) or type(err).__name__)
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()
    return result(reachable=True, code=code)
