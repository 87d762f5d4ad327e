"""The HTTP API and web UI (`newsdesk serve`): every page has a JSON twin at the same path + `.json`."""

from .app import create_app

__all__ = ["create_app"]
