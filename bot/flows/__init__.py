"""Conversations, one module each. Thin: read the update, call services, render, reply."""
