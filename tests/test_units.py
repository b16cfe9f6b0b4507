"""Small parts: offices, rendering, callback data, settings, bidi marks."""

from __future__ import annotations

import pytest

from bot import PROJECT_ROOT, callbacks
from bot.i18n import RLM, bidi
from bot.languages import curated_from_telegram
from bot.render import clip, markdown_to_html, to_plain
from bot.services.offices import load_offices
from bot.settings import SettingsError, load_settings

OFFICES = load_offices(PROJECT_ROOT / "content" / "offices.yml")


def test_offices_file_is_consistent() -> None:
    assert OFFICES.problems == ()
    assert len(OFFICES.districts) == 12
    assert OFFICES.migrado.address.startswith("Friedensplatz 7")
    assert OFFICES.office_for("mengede").address.endswith("Westerfilder Straße 11a, Dortmund")
    assert OFFICES.office_for("eving") is None


@pytest.mark.parametrize(
    ("typed", "district"),
    [
        ("Hörde", "hoerde"),
        ("hoerde", "hoerde"),
        ("HORDE", None),
        ("Lütgendortmund", "luetgendortmund"),
        ("luetgendortmund", "luetgendortmund"),
        ("Innenstadt-Nord", "innenstadt_nord"),
        ("innenstadt nord", "innenstadt_nord"),
        ("ich wohne in Eving!", "eving"),
        ("Mengede oder Huckarde", None),
        ("Berlin", None),
        ("", None),
    ],
)
def test_typed_district_names(typed: str, district: str | None) -> None:
    found = OFFICES.match_district(typed)
    assert (found.id if found else None) == district


def test_location_to_district() -> None:
    assert OFFICES.district_at(51.571, 7.385).id == "mengede"
    assert OFFICES.district_at(51.48, 7.56).id == "aplerbeck"
    assert OFFICES.district_at(48.14, 11.58) is None  # Munich


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


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("ar", "ar"),
        ("de-AT", "de"),
        ("pt-br", None),
        ("uk", "uk"),
        ("kmr", "ku"),
        ("TR", "tr"),
        ("UA", "uk"),
        ("GB", None),
        (None, None),
        ("", None),
    ],
)
def test_telegram_language_codes(code: str | None, expected: str | None) -> None:
    assert curated_from_telegram(code) == expected


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


def test_settings_errors_name_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNSELLOR_CHAT_ID", "not-a-number")
    with pytest.raises(SettingsError, match="COUNSELLOR_CHAT_ID"):
        load_settings(_env_file=None)


def test_secrets_are_not_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:secret-token")
    settings = load_settings(_env_file=None)
    assert "secret-token" not in repr(settings)
    assert settings.token == "123:secret-token"
