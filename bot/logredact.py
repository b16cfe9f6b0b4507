"""Logs that can be published: one ``logging.Filter`` that redacts every record.

Installed on the root logger's handlers by ``lotse`` at start (``install``), so it runs before
any handler formats a record, whichever logger the record came from. It rewrites the record in
place: the message with its arguments, the exception text and traceback, and the stack.

What it removes, by shape: the values of the configured secrets (bot token, API keys, the Redis
password, …), Telegram bot tokens (``123456:ABC…``, ``bot<token>`` in URLs), passwords in URLs,
URL query strings and form fields, API-key headers, the values of personal fields in reprs and
JSON (``text='…'``, ``first_name='…'``, ``"phone": "…"``), phone numbers and e-mail addresses,
and quoted values in exception messages (``invalid literal for int(): '…'``). Telegram objects
passed as arguments become their class name and id; python-telegram-bot's debug lines with
request parameters, return values and received data keep only their method and keys.

Message texts cannot be recognised by their shape. They are kept out by the code: no log call
hands a message text, a name or an exception's text to a logger (see the README's privacy
table); this filter is the second line.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.settings import Settings

REDACTED = "<redacted>"

#: Fields whose values are personal data wherever they appear as ``name='…'`` / ``"name": "…"``.
_PERSONAL_FIELDS = (
    "text",
    "caption",
    "first_name",
    "last_name",
    "full_name",
    "username",
    "name",
    "title",
    "phone",
    "phone_number",
    "vcard",
    "email",
    "subject",
    "subject_de",
    "question",
    "answer",
    "translation",
    "translatedText",
    "translated_text",
    "q",
    "bio",
    "description",
    "address",
    "data",
    "query",
    "message",
    "quote",
)
_FIELDS = "|".join(sorted(_PERSONAL_FIELDS, key=len, reverse=True))
_SECRET_FIELDS = (
    r"api_key|apikey|auth_key|authkey|key|token|secret|password|passwd|pwd|access_token|"
    r"secret_token|webhook_secret"
)

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Telegram bot tokens, also as ``bot<token>`` in Bot API URLs.
    (re.compile(r"(?<!\d)\d{3,}:[A-Za-z0-9_-]{20,}"), "<token>"),
    # user:password@ in URLs (Redis, proxies).
    (re.compile(r"(\b[a-z][a-z0-9+.-]*://)([^:/@\s]*):([^@/\s]+)@", re.I), r"\1\2:<redacted>@"),
    # Query strings: everything after '?' in a URL or request line.
    (re.compile(r"\?[^\s\"'<>#`]*=[^\s\"'<>#`]*"), "?<redacted>"),
    # Form fields and key=value pairs carrying secrets or texts (q=…&api_key=…).
    (
        re.compile(rf"(?<![\w.])((?:{_SECRET_FIELDS}|q|text|source_text)=)[^&\s\"'<>,;)]+", re.I),
        r"\1<redacted>",
    ),
    # Authorization headers (DeepL, Bearer, Basic).
    (
        re.compile(
            r"\b(authorization|x-api-key|x-goog-api-key)(['\"]?\s*[:=]\s*['\"]?)[^'\"\n,}]+", re.I
        ),
        r"\1\2<redacted>",
    ),
    (re.compile(r"\b(DeepL-Auth-Key|Bearer|Basic)\s+[A-Za-z0-9._:+/=-]+"), r"\1 <redacted>"),
    # Google API keys and DeepL keys by their shape.
    (re.compile(r"\bAIza[0-9A-Za-z_-]{20,}"), "<api-key>"),
    (re.compile(r"\b[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}(?::fx)?\b"), "<id>"),
    # Personal fields in reprs: text='…', first_name="…".
    (
        re.compile(rf"\b({_FIELDS})=('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")", re.S),
        r"\1=<redacted>",
    ),
    # … and in JSON or dict reprs: "text": "…", 'first_name': '…'.
    (
        re.compile(
            rf"(['\"])({_FIELDS}|{_SECRET_FIELDS})\1(\s*:\s*)"
            r"('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")",
            re.S,
        ),
        r"\1\2\1\3<redacted>",
    ),
    # E-mail addresses.
    (re.compile(r"[\w.+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]+"), "<email>"),
    # Phone numbers: + or 0 first, at least seven digits with spaces, dashes, slashes, brackets.
    (
        re.compile(r"(?<![\w:.,/+-])(?:\+|00?)\(?\d[\d \t()/-]{5,}\d(?![\w.:])"),
        "<phone>",
    ),
)

#: Quoted values in exception messages (the input that failed to parse, a key not found, …).
_QUOTED = re.compile(r"'(?:[^'\\\n]|\\.){1,}'|\"(?:[^\"\\\n]|\\.){1,}\"")

#: python-telegram-bot's debug lines whose arguments carry request data, replies or updates.
_PAYLOAD_MESSAGES = (
    "with parameters",
    "return value",
    "received data",
    "webhook received data",
    "invalid json data",
    "dropping pending update",
    "processing update",
    "error while building callbackcontext",
)


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


class RedactingFilter(logging.Filter):
    """Redacts a record in place (message, arguments, exception, stack); never drops one."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        # Longest first, so a secret that contains another is removed whole.
        self.secrets = sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True)

    # -- text ------------------------------------------------------------------------------

    def redact(self, text: str) -> str:
        """Removes secrets and the known shapes of personal data from a text."""
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        for pattern, replacement in _PATTERNS:
            if replacement == "<phone>":
                text = pattern.sub(
                    lambda m: "<phone>" if _digits(m.group(0)) >= 7 else m.group(0), text
                )
            else:
                text = pattern.sub(replacement, text)
        return text

    def redact_exception_text(self, text: str) -> str:
        """A formatted traceback: frames kept; exception messages lose their quoted values."""
        lines = []
        for line in text.splitlines():
            stripped = line.lstrip(" |")
            frame = stripped.startswith('File "') or line.startswith("    ")
            if frame or line.startswith("Traceback ") or line.startswith("  + "):
                lines.append(self.redact(line))
            else:
                lines.append(_QUOTED.sub("'<redacted>'", self.redact(line)))
        return "\n".join(lines)

    def describe(self, value: object) -> object:
        """An argument as it may be logged."""
        if isinstance(value, BaseException):
            text = "".join(traceback.format_exception_only(type(value), value)).strip()
            return self.redact_exception_text(text)
        try:
            from telegram import TelegramObject, Update
        except ImportError:  # pragma: no cover - telegram is a dependency of the bot
            return value
        if isinstance(value, Update):
            return f"<Update {value.update_id}>"
        if isinstance(value, TelegramObject):
            return f"<{type(value).__name__}>"
        return value

    # -- the record ------------------------------------------------------------------------

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            self._redact_record(record)
        except Exception:  # noqa: BLE001 - a log line must never break the caller
            record.msg = "(a log line could not be redacted and was dropped)"
            record.args = None
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True

    def _redact_record(self, record: logging.LogRecord) -> None:
        template = str(record.msg)
        args = record.args
        if args:
            if any(marker in template.lower() for marker in _PAYLOAD_MESSAGES):
                args = self._payload_args(args)
            elif isinstance(args, Mapping):
                args = {k: self.describe(v) for k, v in args.items()}
            else:
                args = tuple(self.describe(a) for a in args)
            try:
                message = template % args
            except (TypeError, ValueError, KeyError):
                message = f"{template} {args!r}"
        else:
            message = template
        record.msg = self.redact(message)
        record.args = None
        if record.exc_info and record.exc_info != (None, None, None):
            text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
            record.exc_text = self.redact_exception_text(text)
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = self.redact_exception_text(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)

    def _payload_args(self, args: tuple[Any, ...] | Mapping[str, Any]) -> tuple[Any, ...]:
        """Keeps the method name (a short word) and the keys of a payload; drops the values."""
        values = args.values() if isinstance(args, Mapping) else args
        kept: list[object] = []
        for value in values:
            if isinstance(value, str) and re.fullmatch(r"[A-Za-z_]{1,40}", value):
                kept.append(value)
            elif isinstance(value, Mapping):
                kept.append("{" + ", ".join(sorted(str(k) for k in value)) + ": <redacted>}")
            elif isinstance(value, int | float | bool) or value is None:
                kept.append(value)
            else:
                kept.append(f"<{type(value).__name__}: redacted>")
        return tuple(kept)


def secrets_of(settings: Settings) -> list[str]:
    """Every secret value in the settings (all ``SecretStr`` fields; the password in REDIS_URL)."""
    from pydantic import SecretStr

    found: list[str] = []
    for name in type(settings).model_fields:
        value = getattr(settings, name, None)
        if isinstance(value, SecretStr):
            secret = value.get_secret_value()
            if secret:
                found.append(secret)
                match = re.match(r"[a-z][a-z0-9+.-]*://[^:/@\s]*:([^@/\s]+)@", secret, re.I)
                if match:
                    found.append(match.group(1))
    return found


def install(
    redacting: RedactingFilter, handlers: Iterable[logging.Handler] | None = None
) -> RedactingFilter:
    """Adds the filter to the handlers (default: the root logger's), replacing an older one."""
    chosen = list(handlers if handlers is not None else logging.getLogger().handlers)
    uninstall(chosen)
    for handler in chosen:
        handler.addFilter(redacting)
    return redacting


def uninstall(handlers: Iterable[logging.Handler] | None = None) -> None:
    """Removes every RedactingFilter from the handlers (default: the root logger's)."""
    for handler in handlers if handlers is not None else logging.getLogger().handlers:
        for existing in [f for f in handler.filters if isinstance(f, RedactingFilter)]:
            handler.removeFilter(existing)
