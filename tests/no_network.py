"""A pytest plugin that blocks network access for the whole test suite.

Reviewer is an offline app: nothing it does may reach the network. While the tests run,
``socket.socket.connect``/``connect_ex``, ``socket.create_connection`` and
``socket.getaddrinfo`` refuse every address that is not local, so any attempt to fetch an
image, a style sheet or a model fails the test that made it, loudly, with the address it
tried. Unix sockets and loopback stay allowed: Qt, D-Bus and subprocess plumbing use them.

Loaded from ``tests/conftest.py`` (``pytest_plugins``). ``socket_guard_installed()`` lets a
test check that the guard is active.
"""

from __future__ import annotations

import ipaddress
import socket

import pytest

_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", ""}


class NetworkBlocked(RuntimeError):
    """Raised (and reported as a test failure) when code under test tries to reach the network."""


_originals: dict[str, object] = {}


def _is_local_host(host: object) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).strip("[]").split("%", 1)[0]
    if host.lower() in _LOCAL_NAMES:
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False  # a name other than localhost would need DNS: not allowed
    return address.is_loopback or address.is_unspecified


def _is_local_address(family: int, address: object) -> bool:
    if family == getattr(socket, "AF_UNIX", object()):
        return True
    if isinstance(address, (str, bytes)):  # a Unix socket path given to an inet socket: let it fail by itself
        return True
    if isinstance(address, tuple) and address:
        return _is_local_host(address[0])
    return False


def _refuse(what: str, target: object) -> NetworkBlocked:
    return NetworkBlocked(
        f"Network access is blocked in the tests ({what} {target!r}). Reviewer must work offline; "
        "use a local file or a loopback server instead."
    )


def _guarded_connect(self: socket.socket, address, *args, **kwargs):
    if not _is_local_address(self.family, address):
        raise _refuse("connect to", address)
    return _originals["connect"](self, address, *args, **kwargs)


def _guarded_connect_ex(self: socket.socket, address, *args, **kwargs):
    if not _is_local_address(self.family, address):
        raise _refuse("connect_ex to", address)
    return _originals["connect_ex"](self, address, *args, **kwargs)


def _guarded_create_connection(address, *args, **kwargs):
    if not _is_local_address(socket.AF_INET, address):
        raise _refuse("create_connection to", address)
    return _originals["create_connection"](address, *args, **kwargs)


def _guarded_getaddrinfo(host, *args, **kwargs):
    if not _is_local_host(host):
        raise _refuse("DNS lookup of", host)
    return _originals["getaddrinfo"](host, *args, **kwargs)


def install() -> None:
    """Patch the socket module (idempotent)."""
    if _originals:
        return
    _originals["connect"] = socket.socket.connect
    _originals["connect_ex"] = socket.socket.connect_ex
    _originals["create_connection"] = socket.create_connection
    _originals["getaddrinfo"] = socket.getaddrinfo
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
    socket.create_connection = _guarded_create_connection  # type: ignore[assignment]
    socket.getaddrinfo = _guarded_getaddrinfo  # type: ignore[assignment]


def uninstall() -> None:
    if not _originals:
        return
    socket.socket.connect = _originals.pop("connect")  # type: ignore[method-assign]
    socket.socket.connect_ex = _originals.pop("connect_ex")  # type: ignore[method-assign]
    socket.create_connection = _originals.pop("create_connection")  # type: ignore[assignment]
    socket.getaddrinfo = _originals.pop("getaddrinfo")  # type: ignore[assignment]


def socket_guard_installed() -> bool:
    return bool(_originals) and socket.socket.connect is _guarded_connect


def pytest_configure(config: pytest.Config) -> None:
    # Installed at configure time, before any test module is imported, so import-time
    # fetches are caught too; kept for the whole session.
    install()


def pytest_unconfigure(config: pytest.Config) -> None:
    uninstall()
