"""Callback data: namespaced, versioned, bounded, routed by one pattern helper."""

from __future__ import annotations

import re

import pytest

from bot import callbacks
from bot.callbacks import BookAction


def test_callback_data_is_namespaced_versioned_and_bounded() -> None:
    assert callbacks.make("topic", "registration") == "topic:v1:registration"
    assert callbacks.parse("topic:v1:registration:eu", "topic").args == ("registration", "eu")
    assert callbacks.parse("topic:v2:registration", "topic") is None
    assert callbacks.parse("lang:v1:ar", "topic") is None
    assert callbacks.parse("topic:v1:<script>", "topic") is None
    with pytest.raises(ValueError):
        callbacks.make("topic", "a" * 70)
    with pytest.raises(ValueError):
        callbacks.make("topic", "Bad Token")


def test_patterns_route_actions_of_the_current_version() -> None:
    confirm = re.compile(callbacks.pattern(callbacks.BOOK, BookAction.CONFIRM, BookAction.ABORT))
    assert confirm.match("book:v1:confirm") and confirm.match("book:v1:abort")
    assert not confirm.match("book:v1:confirmed")  # a longer action is another action
    assert not confirm.match("book:v2:confirm")  # an old button goes to the stale answer
    interpreter = re.compile(callbacks.pattern(callbacks.BOOK, BookAction.INTERPRETER))
    assert interpreter.match("book:v1:int:ar") and not interpreter.match("book:v1:intx:ar")
    whole = re.compile(callbacks.pattern(callbacks.TOPIC, "counselling", whole=True))
    assert whole.match("topic:v1:counselling") and not whole.match("topic:v1:counselling:x")
    anything = re.compile(callbacks.pattern(callbacks.BOOK))
    assert anything.match("book:v0:whatever") and not anything.match("booking:v1:x")


def test_actions_are_enums_and_unknown_ones_parse_to_none() -> None:
    data = callbacks.parse("book:v1:time:eu_registration:202612030810", callbacks.BOOK)
    assert data is not None
    assert data.action(BookAction) == (BookAction.TIME, ("eu_registration", "202612030810"))
    forged = callbacks.parse("book:v1:teleport:x", callbacks.BOOK)
    assert forged is not None and forged.action(BookAction) is None
    # Every booking action is routed by exactly one of the two booking flows.
    assert set(callbacks.BOOKING_ACTIONS) | set(callbacks.MYBOOKINGS_ACTIONS) == set(BookAction) - {
        BookAction.INTERPRETER  # the typed steps' conversation handles this one
    }
    assert not set(callbacks.BOOKING_ACTIONS) & set(callbacks.MYBOOKINGS_ACTIONS)
