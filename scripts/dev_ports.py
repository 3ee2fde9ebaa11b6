"""`dev_bootstrap.py free-port`: a loopback port the dev broker can listen on."""

import argparse
import socket

from dev_instance import LOOPBACK, OK


def _can_bind(port: int) -> bool:
    with socket.socket() as sock:
        # Mosquitto sets this too, so TIME_WAIT leftovers do not make a port look busy.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((LOOPBACK, port))
        except OSError:
            return False
    return True


def cmd_free_port(args: argparse.Namespace) -> int:
    """Print the preferred port if it is free, else one the kernel picks."""
    if args.prefer and _can_bind(args.prefer):
        print(args.prefer)
        return OK
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        print(sock.getsockname()[1])
    return OK
