"""newsdesk: a self-hostable, multilingual news-monitoring engine."""

__version__ = "0.1.0"
