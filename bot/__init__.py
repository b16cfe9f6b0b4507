"""Lotse: a Telegram assistant for people new in Dortmund."""

from pathlib import Path

__all__ = ["PROJECT_ROOT"]

#: The repository root: where ``content/`` and ``translations/`` live by default.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
