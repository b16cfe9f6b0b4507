"""Settings: errors that name the variable, secrets never shown."""

from __future__ import annotations

import pytest

from bot.settings import SettingsError, load_settings


def test_settings_errors_name_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNSELLOR_CHAT_ID", "not-a-number")
    with pytest.raises(SettingsError, match="COUNSELLOR_CHAT_ID"):
        load_settings(_env_file=None)


def test_secrets_are_not_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:secret-token")
    settings = load_settings(_env_file=None)
    assert "secret-token" not in repr(settings)
    assert settings.token == "123:secret-token"
