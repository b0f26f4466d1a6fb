"""Before `dyad serve` starts: is the address free? A taken port is one line that names it and
a free one to use instead."""

from __future__ import annotations

import errno
import socket


def port_problem(host: str, port: int) -> str | None:
    """None when (host, port) can be listened on, else what is wrong, for a person."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as err:
        return f"cannot listen on {host}: not an address of this machine ({err.strerror})"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            s.bind(address)
        except OSError as err:
            if err.errno == errno.EADDRINUSE:
                return (
                    f"port {port} on {host} is taken (another server is listening there): "
                    f"pick another with --port, e.g. --port {free_port(host, port)}"
                )
            if err.errno == errno.EACCES:
                return (
                    f"port {port} on {host}: not allowed (ports below 1024 need root); pick one with --port"
                )
            return f"cannot listen on {host}:{port} ({err.strerror})"
    return None


def free_port(host: str, after: int) -> int:
    """A port after `after` that is free on `host` now (the system's choice if none is near)."""
    for port in range(after + 1, min(after + 50, 65535)):
        with socket.socket() as s:
            try:
                s.bind((host, port))
            except OSError:
                continue
            return port
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]
