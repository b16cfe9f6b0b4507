"""Rendering for Telegram: the Markdown subset, message limits, right-to-left lines."""

from __future__ import annotations

from bot.i18n import RLM, bidi
from bot.render import clip, markdown_to_html, to_plain


def test_markdown_is_escaped_and_rendered() -> None:
    html = markdown_to_html(
        "**Wo:** <script>x</script> & [Integreat](https://integreat.app)\n"
        "- eins\n- [bad](javascript:alert(1))"
    )
    assert "<b>Wo:</b>" in html
    assert "&lt;script&gt;" in html and "&amp;" in html
    assert '<a href="https://integreat.app">Integreat</a>' in html
    assert "• eins" in html
    assert 'href="javascript' not in html  # only https links become links
    assert "• [bad](javascript:alert(1))" in html
    assert to_plain("<b>A</b> &amp; B") == "A & B"


def test_clip_keeps_replies_within_telegrams_limit() -> None:
    long = "\n".join(["x" * 99] * 100)
    clipped = clip(long)
    assert len(clipped) <= 4096 and clipped.endswith("…")
    assert clip("short") == "short"


def test_rtl_lines_are_marked_and_ltr_untouched() -> None:
    assert bidi("ar", "MigraDO\n\nFriedensplatz 7") == f"{RLM}MigraDO\n\n{RLM}Friedensplatz 7"
    assert bidi("ar", bidi("ar", "a")) == f"{RLM}a"
    assert bidi("de", "MigraDO") == "MigraDO"


def test_chunks_split_at_words() -> None:
    from bot.render import split_message as chunks

    text = "wort " * 2000
    parts = chunks(text, 1000)
    assert all(len(p) <= 1000 for p in parts)
    assert " ".join(p.strip() for p in parts).split() == text.split()
    assert chunks("kurz") == ["kurz"]
