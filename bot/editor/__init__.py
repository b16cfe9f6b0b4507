"""Lotse Redaktion: the editors' web page (``lotse editor``)."""
