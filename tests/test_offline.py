"""The whole suite runs offline: conftest's session guard refuses any connection beyond this machine."""

from __future__ import annotations

import socket

import pytest


@pytest.mark.parametrize("address", [("93.184.216.34", 443), ("2606:2800:220:1:248:1893:25c8:1946", 443, 0, 0)])
def test_a_remote_connection_fails_the_test(address: tuple[object, ...]) -> None:
    family = socket.AF_INET if len(address) == 2 else socket.AF_INET6
    with socket.socket(family) as probe, pytest.raises(AssertionError, match="evalkit must run offline"):
        probe.connect(address)


def test_loopback_stays_open() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.socket() as client:
            client.connect(server.getsockname())
