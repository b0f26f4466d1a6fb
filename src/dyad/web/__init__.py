"""The HTTP API and the web dashboard."""

from .app import create_app

__all__ = ["create_app"]
