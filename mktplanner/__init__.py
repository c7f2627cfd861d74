"""mktplanner: offline marketing planning for small businesses."""

__version__ = "0.1.0"
APP_NAME = "mktplanner"
