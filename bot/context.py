"""Typed context: what lives in bot data (services) and user data (the profile)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from telegram.ext import CallbackContext, ContextTypes, ExtBot

from bot.services.membership import MembershipCache

if TYPE_CHECKING:
    from redis.asyncio import Redis

    from bot.budget import Budget
    from bot.i18n import Catalogues
    from bot.jobs import JobRunner
    from bot.published import ContentFollower
    from bot.services.analytics import Analytics
    from bot.services.booking import BookingService
    from bot.services.content import ContentRepository
    from bot.services.coverage import Coverage
    from bot.services.emergency import EmergencyWords
    from bot.services.feedback import FeedbackService
    from bot.services.flood import FloodGuard
    from bot.services.handoff import HandoffService, OfficeHours
    from bot.services.langdetect import LanguageDetector
    from bot.services.localize import Localizer
    from bot.services.nlu import RasaClient
    from bot.services.translator import Translator
    from bot.settings import Settings


@dataclass
class UserProfile:
    """What Lotse keeps about one user. No message text, ever."""

    language: str | None = None
    #: The curated language used before switching to one beyond the twelve: where answers
    #: fall back when the translator cannot be reached.
    second_language: str | None = None
    #: The user tapped "another language" and the next typed text names it.
    awaiting_language: bool = False
    #: Set once the profile has been read from storage; internal, never stored.
    loaded: bool = field(default=False, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The stored form."""
        return {
            "v": 1,
            "language": self.language,
            "second_language": self.second_language,
            "awaiting_language": self.awaiting_language,
        }

    def load(self, data: dict[str, Any]) -> None:
        """Fills this profile from its stored form."""
        language = data.get("language")
        self.language = language if isinstance(language, str) else None
        second = data.get("second_language")
        self.second_language = second if isinstance(second, str) else None
        self.awaiting_language = bool(data.get("awaiting_language", False))
        self.loaded = True

    def clear(self) -> None:
        """Forgets everything (after /delete_my_data)."""
        self.language = None
        self.second_language = None
        self.awaiting_language = False


@dataclass
class BotData:
    """Services shared by all handlers; wired by ``build_application``. Never persisted."""

    _settings: Settings | None = None
    _content: ContentRepository | None = None
    _catalogues: Catalogues | None = None
    redis: Redis | None = None
    nlu: RasaClient | None = None
    detector: LanguageDetector | None = None
    analytics: Analytics | None = None
    translator: Translator | None = None
    localizer: Localizer | None = None
    booking: BookingService | None = None
    handoff: HandoffService | None = None
    office_hours: OfficeHours | None = None
    emergency: EmergencyWords | None = None
    #: 👍 / 👎 under answers (needs Redis).
    feedback: FeedbackService | None = None
    #: Who is a member of the counsellors' group, as Telegram last said.
    members: MembershipCache = field(default_factory=MembershipCache)
    #: Per-person flood control (flows/guard.py).
    flood: FloodGuard | None = None
    #: The Redis client was made from REDIS_URL here (and is closed at shutdown).
    owns_redis: bool = False
    #: SIGHUP reloads the content (``lotse run``; not in tests or the local chat).
    sighup_reload: bool = False
    #: Listens for "content changed" on Redis, in every process.
    reload_task: asyncio.Task[None] | None = None
    #: Keeps this process on the newest published content version (with Redis).
    content_follower: ContentFollower | None = None
    #: Logs once at start which translation engine serves which language.
    coverage_task: asyncio.Task[Coverage] | None = None
    #: The background jobs (reminders, notices, maintenance, retention), where this process
    #: may run them; they run in one process of the deployment at a time.
    jobs: JobRunner | None = None

    @property
    def settings(self) -> Settings:
        assert self._settings is not None, "build_application wires the settings"
        return self._settings

    @property
    def content(self) -> ContentRepository:
        assert self._content is not None, "build_application wires the content"
        return self._content

    @property
    def catalogues(self) -> Catalogues:
        assert self._catalogues is not None, "build_application wires the catalogues"
        return self._catalogues


class LotseContext(CallbackContext[ExtBot[None], UserProfile, dict[Any, Any], BotData]):
    """The context every Lotse callback receives (one per update, shared by its handlers)."""

    #: The update's time budget, started by the guard before any other handler (bot/budget.py).
    budget: Budget | None = None


CONTEXT_TYPES = ContextTypes(
    context=LotseContext, bot_data=BotData, user_data=UserProfile, chat_data=dict
)
