"""Turns the content's small Markdown subset into Telegram HTML."""

from __future__ import annotations

import html
import re

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_LINK = re.compile(r"\[([^\]]+)\]\((https://[^)\s]+)\)")
_HEADING = re.compile(r"^#{1,6}\s+(.*)$")
_BULLET = re.compile(r"^\s*[-*]\s+")

#: Telegram refuses messages longer than this (in UTF-16 code units; we count characters).
MAX_MESSAGE_LENGTH = 4096


def markdown_to_html(markdown: str) -> str:
    """Bold, https links, headings and ``- `` lists; everything else is escaped text."""
    lines: list[str] = []
    for raw in markdown.strip().splitlines():
        line = html.escape(raw.rstrip(), quote=False)
        heading = _HEADING.match(line)
        if heading:
            line = f"**{heading.group(1)}**"
        line = _BULLET.sub("• ", line)
        line = _BOLD.sub(r"<b>\1</b>", line)
        line = _LINK.sub(lambda m: f'<a href="{html.escape(m.group(2))}">{m.group(1)}</a>', line)
        lines.append(line)
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text)


def answer_html(title: str, markdown: str) -> str:
    """An answer as the bot sends it: the title in bold, a blank line, the body."""
    return f"<b>{html.escape(title, quote=False)}</b>\n\n" + markdown_to_html(markdown)


def to_plain(telegram_html: str) -> str:
    """The text a reader sees, without tags (for the terminal chat and tests)."""
    text = re.sub(r"<a href=\"([^\"]+)\">([^<]*)</a>", r"\2 (\1)", telegram_html)
    text = re.sub(r"</?(b|i|u|s|code|pre|strong|em)>", "", text)
    return html.unescape(text)


def clip(text: str, limit: int = MAX_MESSAGE_LENGTH) -> str:
    """Cuts a text to Telegram's limit at a line break, so no reply is ever refused."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit - 2)
    return text[: cut if cut > 0 else limit - 2] + "\n…"


def split_message(text: str, size: int = MAX_MESSAGE_LENGTH - 200) -> list[str]:
    """Splits a long text at line breaks or spaces into parts Telegram accepts."""
    parts: list[str] = []
    while len(text) > size:
        cut = max(text.rfind("\n", 0, size), text.rfind(" ", 0, size))
        cut = cut if cut > size // 2 else size
        parts.append(text[:cut])
        text = text[cut:].lstrip()
    parts.append(text)
    return [p for p in parts if p]
