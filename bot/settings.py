"""The one settings object, read from the environment and ``.env``."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot import PROJECT_ROOT
from bot.services.nlu import Thresholds

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
#: The machine translation engines Lotse can talk to (TRANSLATORS).
ENGINE_NAMES = ("libre", "nllb", "deepl", "google")


class SettingsError(RuntimeError):
    """The configuration is unusable; the message names the variable."""


class Settings(BaseSettings):
    """Everything Lotse reads from its environment. Loaded once, at start."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False
    )

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = DEFAULT_API_BASE_URL
    redis_url: SecretStr | None = None
    rasa_url: str | None = None
    counsellor_chat_id: int | None = None

    content_dir: Path = PROJECT_ROOT / "content"
    translations_dir: Path = PROJECT_ROOT / "translations"

    #: How long a user's profile (language choice) and open conversation states are kept
    #: after their last change.
    user_data_retention_days: int = Field(default=180, ge=1)
    #: How often in-memory state is written to Redis, in seconds.
    persistence_interval_seconds: float = Field(default=2.0, gt=0)
    #: NLU confidence bands: answer at or above ``nlu_answer_threshold``, offer choices at or
    #: above ``nlu_clarify_threshold``, otherwise say so and show the menu.
    nlu_answer_threshold: float = Field(default=0.4, ge=0, le=1)
    nlu_clarify_threshold: float = Field(default=0.15, ge=0, le=1)
    #: The question level: answer a frequent question itself at or above
    #: ``nlu_question_threshold`` in a message of at least ``nlu_question_min_words`` words
    #: (else the topic, with its questions as buttons), and offer a second topic beside the
    #: answer at or above ``nlu_runner_up_threshold``.
    nlu_question_threshold: float = Field(default=0.5, ge=0, le=1)
    nlu_question_min_words: int = Field(default=4, ge=1)
    nlu_runner_up_threshold: float = Field(default=0.2, ge=0, le=1)
    nlu_timeout_seconds: float = Field(default=2.0, gt=0)
    #: How long unanswered questions (text and language only) are kept for editors.
    analytics_retention_days: int = Field(default=30, ge=1)
    #: Machine translation engines in the order they are asked, e.g. "libre,nllb": each
    #: language pair goes to the first engine that serves it. "libre" (self-hosted
    #: LibreTranslate), "nllb" (the self-hosted NLLB-200 service, deploy/nllb), "deepl"
    #: (DEEPL_API_KEY), "google" (GOOGLE_API_KEY; explicit opt-in: messages go to Google), or
    #: "none". Unset: TRANSLATOR decides (the older, single-engine setting).
    translators: str | None = None
    #: The single-engine setting: "auto" (every self-hosted engine whose URL is set, LibreTranslate
    #: first), "libre", "nllb", "deepl", "google", "none". TRANSLATORS, when set, wins.
    translator: Literal["auto", "libre", "nllb", "deepl", "google", "none"] = "auto"
    libretranslate_url: str | None = None
    libretranslate_api_key: SecretStr | None = None
    nllb_url: str | None = None
    deepl_api_key: SecretStr | None = None
    google_api_key: SecretStr | None = None
    #: Bound of one call to an engine; and of a whole translation (retries, a pivot's two
    #: hops and glossary explanations included) unless the caller gives less.
    translator_timeout_seconds: float = Field(default=8.0, gt=0)
    translator_budget_seconds: float = Field(default=20.0, gt=0)
    translation_memory_days: int = Field(default=90, ge=1)
    #: Conversations with counsellors (transcripts, forum topics) are deleted this many days
    #: after the case ends.
    handoff_retention_days: int = Field(default=30, ge=1)
    #: A case nobody has answered is announced again in the group after this many minutes.
    handoff_reannounce_minutes: int = Field(default=30, ge=1)
    #: Every newcomer gets a first reply within this many seconds, whatever the NLU or the
    #: translator do (a degraded answer with a sentence why, when they are too slow).
    reply_budget_seconds: float = Field(default=3.0, gt=0.5)
    #: Flood control per person: this many updates at once, then this many a minute.
    flood_burst: int = Field(default=20, ge=1)
    flood_per_minute: float = Field(default=30.0, gt=0)
    log_level: str = "INFO"

    # -- the editors' page (`lotse editor`) ----------------------------------------------------
    #: host:port the page listens on.
    editor_listen: str = "127.0.0.1:8090"
    #: Signs the session cookie. Unset: one is made once and kept in Redis, shared by every
    #: editor process.
    editor_secret_key: SecretStr | None = None
    #: Send the session cookie over HTTPS only (set it when the page is served behind TLS).
    editor_cookie_secure: bool = False
    #: A browser is logged out after this many hours without a request.
    editor_session_hours: float = Field(default=8.0, gt=0)
    #: How long the audit log (who changed what, when) is kept.
    editor_audit_retention_days: int = Field(default=365, ge=1)
    #: The Rasa project whose training data the page extends (nlu/data) and whose held-out set
    #: (nlu/tests) decides whether a newly trained model replaces the running one.
    nlu_dir: Path = PROJECT_ROOT / "nlu"
    #: Where the Rasa server finds nlu/models, when it sees the folder under another path (in
    #: docker-compose: /app/models). Unset: the same path as here.
    editor_rasa_model_dir: str | None = None

    @field_validator("translators")
    @classmethod
    def _known_engines(cls, value: str | None) -> str | None:
        if value is None:
            return None
        names = [n.strip().lower() for n in value.split(",") if n.strip()]
        unknown = [n for n in names if n not in ENGINE_NAMES and n != "none"]
        if unknown:
            raise ValueError(
                f"unknown engine {unknown[0]!r}; use a comma-separated list of "
                f"{', '.join(ENGINE_NAMES)} (or none)"
            )
        if len(set(names)) != len(names):
            raise ValueError("an engine is listed twice")
        if "none" in names and len(names) > 1:
            raise ValueError("'none' cannot be combined with engines")
        return ",".join(names)

    @property
    def engine_names(self) -> tuple[str, ...]:
        """The translation engines in the order they are asked (TRANSLATORS, else TRANSLATOR)."""
        if self.translators is not None:
            return tuple(n for n in self.translators.split(",") if n and n != "none")
        if self.translator == "auto":
            return tuple(
                name
                for name, url in (("libre", self.libretranslate_url), ("nllb", self.nllb_url))
                if url
            )
        return () if self.translator == "none" else (self.translator,)

    # -- serving at scale (README "Lotse as a service") --------------------------------------
    #: The public URL Telegram posts updates to; set: webhook mode (its path is served).
    webhook_url: str | None = None
    #: Checked in ``X-Telegram-Bot-Api-Secret-Token`` on every webhook request.
    webhook_secret: SecretStr | None = None
    #: host:port the webhook (and /healthz, /readyz) listens on.
    webhook_listen: str = "0.0.0.0:8080"
    #: Updates handled at once per process (different chats; one chat is always one at a time).
    concurrent_updates: int = Field(default=64, ge=1)
    #: Redis Streams the updates are sharded into by chat id; a worker leases whole shards.
    stream_shards: int = Field(default=16, ge=1, le=1024)
    #: Updates waiting per shard before the ingress answers 503 (Telegram delivers them later).
    stream_max_backlog: int = Field(default=50_000, ge=100)
    #: A worker that stops renewing loses its shards after this many seconds.
    worker_lease_seconds: float = Field(default=5.0, gt=0.5)
    #: Telegram's limits, shared by every process through Redis: messages per second for the
    #: bot, per second in one private chat, per minute in one group (the counsellors' included).
    telegram_rate_per_second: float = Field(default=30.0, gt=0)
    telegram_rate_per_chat_second: float = Field(default=1.0, gt=0)
    telegram_rate_per_group_minute: float = Field(default=20.0, gt=0)
    #: Parse results of the NLU are cached in Redis this long (by model and normalised text).
    nlu_cache_seconds: int = Field(default=86_400, ge=0)

    @property
    def nlu_thresholds(self) -> Thresholds:
        """The NLU thresholds as the bot and ``lotse nlu`` apply them."""
        return Thresholds(
            answer=self.nlu_answer_threshold,
            clarify=self.nlu_clarify_threshold,
            question=self.nlu_question_threshold,
            runner_up=self.nlu_runner_up_threshold,
            question_min_words=self.nlu_question_min_words,
        )

    @property
    def redis_dsn(self) -> str | None:
        """The Redis URL as a plain string, or None when no Redis is configured."""
        return self.redis_url.get_secret_value() if self.redis_url else None

    @property
    def rasa_urls(self) -> list[str]:
        """Every configured Rasa server (``RASA_URL`` may hold a comma-separated list)."""
        return [u.strip() for u in (self.rasa_url or "").split(",") if u.strip()]

    @property
    def webhook_host_port(self) -> tuple[str, int]:
        """``WEBHOOK_LISTEN`` split into host and port."""
        host, _, port = self.webhook_listen.rpartition(":")
        try:
            return host or "0.0.0.0", int(port)
        except ValueError:
            raise SettingsError(
                f"Config 'WEBHOOK_LISTEN' must be host:port, not {self.webhook_listen!r}."
            ) from None

    @property
    def token(self) -> str | None:
        """The Telegram bot token as a plain string, or None."""
        return self.telegram_bot_token.get_secret_value() if self.telegram_bot_token else None


def load_settings(**overrides: object) -> Settings:
    """Loads the settings, failing with a sentence that names the offending variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']).upper() or 'settings'}: {err['msg']}"
            for err in exc.errors()
        )
        raise SettingsError(f"Configuration is not usable: {problems}") from None
