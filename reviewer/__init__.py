"""Reviewer: an offline desktop app for fact-checkers."""

__version__ = "0.1.0"
APP_NAME = "Reviewer"
