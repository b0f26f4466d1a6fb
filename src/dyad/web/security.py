"""Who may write over HTTP: nobody unless the server was started with a token, and never a page of
another origin (a browser sends its cookies and forms anywhere; the token and the origin check
keep a website the user visits from writing into the store)."""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="token",
    description="The write token that `dyad serve --allow-writes` prints (or $DYAD_TOKEN).",
)
Bearer = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]

WRITES_OFF = (
    "writes over HTTP are off: start the server with `dyad serve --allow-writes` and send the token it "
    "prints as `Authorization: Bearer TOKEN`"
)


def new_token() -> str:
    """A random write token (32 URL-safe characters)."""
    return secrets.token_urlsafe(24)


def is_loopback(host: str) -> bool:
    """Whether a listening address is this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_write(request: Request, credentials: HTTPAuthorizationCredentials | None) -> None:
    """Refuse a write unless writes are on, it comes from no other origin, and it has the token:
    403 (writes off, or cross-origin), 401 (no token or a wrong one)."""
    token: str | None = request.app.state.write_token
    if not token:
        raise HTTPException(403, WRITES_OFF)
    if _cross_origin(request):
        raise HTTPException(403, "cross-origin write refused: a page of another origin cannot write here")
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode("utf-8", "replace"), token.encode()):
        what = "a wrong token" if given else "no token"
        raise HTTPException(
            401,
            f"{what}: send the token `dyad serve --allow-writes` printed as `Authorization: Bearer TOKEN`",
            headers={"WWW-Authenticate": "Bearer"},
        )


def _cross_origin(request: Request) -> bool:
    """Whether a browser says the request comes from a page of another origin. Clients that are not
    browsers send neither header and are judged by the token alone."""
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return True
    origin = request.headers.get("origin")
    if origin is None:
        return False
    own = f"{request.url.scheme}://{request.headers.get('host', '')}".lower()
    return origin.lower() != own
