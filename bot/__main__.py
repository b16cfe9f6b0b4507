"""The ``lotse`` command line: parses arguments, loads settings, calls into the factories."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING

from pydantic import SecretStr

from bot.languages import CODES, SOURCE_LANGUAGE
from bot.logredact import RedactingFilter, install, secrets_of
from bot.settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:
    from bot.services.booking import Booking
    from bot.services.schedule import Schedule

log = logging.getLogger("bot")


def _configure_logging(settings: Settings) -> RedactingFilter:
    """Logging to stderr, every record redacted before any handler sees it (bot/logredact.py)."""
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    # httpx logs every request URL at INFO (Bot API URLs carry the token; redacted anyway).
    logging.getLogger("httpx").setLevel(logging.WARNING)
    return install(RedactingFilter(secrets_of(settings)))


@contextlib.contextmanager
def _nlu_for(settings: Settings, wanted: bool) -> Iterator[Settings]:
    """Settings with a RASA_URL: the configured one, or a Rasa server started for this run."""
    if not wanted or settings.rasa_url:
        yield settings
        return
    from bot import nlu_cli

    if not nlu_cli.rasa_bin().exists():
        log.info("Rasa is not installed (make nlu-venv): typed questions get the menu")
        yield settings
        return
    log.info("starting the NLU server for this run (RASA_URL is not set); this takes 20-60 s")
    try:
        server = nlu_cli.start_server()
    except (RuntimeError, OSError, SystemExit) as exc:
        log.warning("the NLU server did not start (%s): typed questions get the menu", exc)
        yield settings
        return
    try:
        yield settings.model_copy(update={"rasa_url": server.url})
    finally:
        server.stop()


@contextlib.contextmanager
def _redis_for(settings: Settings) -> Iterator[Settings]:
    """Settings with a REDIS_URL: the configured one, or a private redis-server for the local
    chat (kept in ``.lotse/redis``), so bookings and handoffs work there as in production."""
    if settings.redis_dsn:
        yield settings
        return
    from bot import PROJECT_ROOT
    from bot.local_redis import RedisServer

    try:
        server = RedisServer(PROJECT_ROOT / ".lotse" / "redis")
    except (FileNotFoundError, RuntimeError, OSError) as exc:
        log.info("no Redis for the local chat (%s): bookings and handoffs are unavailable", exc)
        yield settings
        return
    log.info("REDIS_URL is not set: started a private redis-server for the local chat")
    try:
        yield settings.model_copy(update={"redis_url": SecretStr(server.url)})
    finally:
        server.stop()


def _refusing_a_bad_group(start: Callable[[], int]) -> int:
    """Runs a serving role; an unsafe counsellors' group stops it with the sentence why."""
    from bot.group_check import GroupMisconfigured

    try:
        return start()
    except GroupMisconfigured as exc:
        log.error("not started: %s", exc)
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _run(settings: Settings, *, with_nlu: bool = True) -> int:
    return _refusing_a_bad_group(lambda: _serve(settings, with_nlu=with_nlu))


def _serve(settings: Settings, *, with_nlu: bool = True) -> int:
    from bot.app import ALLOWED_UPDATES, build_application

    if not settings.token:
        log.info("TELEGRAM_BOT_TOKEN is not set: starting the local chat instead of Telegram")
        return _chat(settings, language_code=None, with_nlu=with_nlu)
    if settings.redis_dsn or settings.webhook_url:
        from bot import roles
        from bot.webhook import webhook_path, webhook_secret

        if settings.webhook_url:
            try:
                webhook_secret(settings)
                webhook_path(settings)
            except SettingsError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 2

        # Durable: updates pass the Redis stream (or, without Redis, the webhook feeds the
        # Application directly); see bot/roles.py.
        with _nlu_for(settings, with_nlu) as effective:
            return asyncio.run(roles.run_service(effective))
    with _nlu_for(settings, with_nlu) as effective:
        app = build_application(effective, sighup_reload=True)
        log.info(
            "serving Telegram by long polling via %s",
            settings.telegram_api_base_url.split("/bot")[0],
        )
        app.run_polling(allowed_updates=list(ALLOWED_UPDATES))
    return 0


def _role(settings: Settings, args: argparse.Namespace) -> int:
    """``lotse ingress|worker|jobs``: one role of a scaled-out deployment (bot/roles.py)."""
    from bot import roles

    if args.command == "ingress":
        return _refusing_a_bad_group(lambda: asyncio.run(roles.run_ingress(settings)))
    health = None
    if args.health:
        health = settings.model_copy(update={"webhook_listen": args.health}).webhook_host_port
    if args.command == "worker":
        return _refusing_a_bad_group(lambda: asyncio.run(roles.run_worker(settings, health)))
    return _refusing_a_bad_group(lambda: asyncio.run(roles.run_jobs(settings, health)))


def _chat(settings: Settings, *, language_code: str | None, with_nlu: bool = True) -> int:
    from bot.app import build_application
    from bot.channels.local import LOCAL_COUNSELLOR_CHAT_ID, run_chat
    from bot.channels.local_api import LocalBotApi

    if settings.counsellor_chat_id is None:
        # The local chat plays the counsellors' group too ("!" lines), so handoff can be tried.
        settings = settings.model_copy(update={"counsellor_chat_id": LOCAL_COUNSELLOR_CHAT_ID})
    with (
        _nlu_for(settings, with_nlu) as with_nlu_settings,
        _redis_for(with_nlu_settings) as effective,
    ):
        api = LocalBotApi()
        app = build_application(effective, request=api)
        asyncio.run(run_chat(app, api, language_code=language_code))
    return 0


def _content(settings: Settings, args: argparse.Namespace) -> int:
    from bot.i18n import Catalogues
    from bot.services.catalogue import stamp_catalogue, status_overview, validate_catalogues
    from bot.services.content import TOPIC_IDS, ContentError, Status, load_snapshot

    try:
        snapshot = load_snapshot(settings.content_dir, settings.translations_dir)
        catalogues = Catalogues.load(settings.translations_dir)
    except (ContentError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    langs = tuple(args.lang) if getattr(args, "lang", None) else CODES

    if args.content_command == "validate":
        problems = snapshot.validate(langs) + validate_catalogues(catalogues, langs)
        for problem in problems:
            print(problem)
        unverified = sum(len(s.unverified_facts) for s in snapshot.sources.values())
        unverified += len(snapshot.booking.unverified_facts) if snapshot.booking else 0
        unverified += len(snapshot.faqs.unverified_facts)
        print(
            f"{len(TOPIC_IDS)} topics and {len(snapshot.faqs.ids())} frequent questions × "
            f"{len(langs)} languages checked, UI catalogue "
            f"{len(catalogues.keys())} strings; {len(problems)} problem(s); "
            f"{unverified} unverified fact(s) for editors to confirm"
        )
        return 1 if problems else 0

    if args.content_command == "status":
        if args.hashes:
            for topic_id, source in sorted(snapshot.sources.items()):
                print(f"{topic_id:20} {source.source_hash}")
            # Frequent questions: the id a translation file is named after, and its hash.
            for question_id in snapshot.faqs.ids():
                print(f"{question_id:44} {snapshot.faqs.sources[question_id].source_hash}")
            return 0
        overview = status_overview(snapshot, catalogues, langs)
        # Frequent questions: one row per topic (its questions' worst status), or with --faq
        # one row per question.
        faq_rows = overview.faqs if args.faq else overview.faq_topics()
        width = max(len(t) for t in (*TOPIC_IDS, *faq_rows)) + 2
        col = max(len(s.value) for s in Status) + 1

        def row(name: str, states: dict[str, Status]) -> str:
            return name.ljust(width) + "".join(states[lang].value.ljust(col) for lang in langs)

        print("topic".ljust(width) + "".join(lang.ljust(col) for lang in langs))
        for topic_id, states in overview.topics.items():
            print(row(topic_id, states))
        print(row("(UI strings)", overview.ui))
        if overview.booking:
            print(row("(booking)", overview.booking))
        if faq_rows:
            print("\nfrequent questions" + ("" if args.faq else " (worst per topic; --faq: each)"))
        for name, states in faq_rows.items():
            print(row(name, states))
        counts = overview.counts()
        print(
            "\nde is the source. MACHINE_TRANSLATED: current, but no person has reviewed it. "
            + ", ".join(f"{s.value}: {counts[s]}" for s in Status)
        )
        faq_counts = overview.faq_counts()
        print("Frequent questions: " + ", ".join(f"{s.value}: {faq_counts[s]}" for s in Status))
        return 0

    if args.content_command == "stamp-ui":
        for lang in args.languages:
            if lang == SOURCE_LANGUAGE or lang not in CODES:
                print(f"error: {lang} is not a translated curated language", file=sys.stderr)
                return 2
            path = stamp_catalogue(
                catalogues, lang, machine_translated=not args.reviewed, reviewed=args.reviewed
            )
            print(f"wrote {path}")
        return 0

    if args.content_command == "translate":
        from bot.content_translate import translate

        if args.lang_code == SOURCE_LANGUAGE:
            print("error: German is the source", file=sys.stderr)
            return 2
        return translate(settings, args.lang_code, missing=args.missing, outdated=args.outdated)

    if args.content_command == "reload":
        if not settings.redis_dsn:
            print(
                "REDIS_URL is not set, so no bot listens for reloads on Redis. Send SIGHUP to the "
                "bot process instead (kill -HUP <pid>).",
                file=sys.stderr,
            )
            return 1
        return asyncio.run(_publish_reload(settings))
    return 2


async def _publish_reload(settings: Settings) -> int:
    """Publishes the files as a new content version; every bot with this Redis switches."""
    import socket

    from redis.asyncio import Redis
    from redis.exceptions import RedisError

    from bot.services.content import prepare_snapshot
    from bot.services.content_files import read_tree
    from bot.services.content_store import ContentStore
    from bot.services.reload import CHANNEL

    snapshot, problems = prepare_snapshot(settings.content_dir, settings.translations_dir)
    if snapshot is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        print("error: not published: the files cannot be loaded", file=sys.stderr)
        return 1
    tree = read_tree(settings.content_dir, settings.translations_dir)
    redis = Redis.from_url(settings.redis_dsn or "", socket_timeout=5, socket_connect_timeout=5)
    try:
        store = ContentStore(redis)
        current = await store.current_id()
        before = await store.tree(current) if current is not None else None
        changed = tuple(
            sorted(p for p in set(tree) | set(before or {}) if (before or {}).get(p) != tree.get(p))
        )
        version = await store.publish(
            tree,
            author="lotse content reload",
            note=f"files on {socket.gethostname()}",
            changed=changed if before is not None else (),
        )
        listeners = dict(await redis.pubsub_numsub(CHANNEL)).get(CHANNEL.encode(), 0)
    except RedisError as exc:
        print(f"error: cannot reach Redis: {exc}", file=sys.stderr)
        return 1
    finally:
        await redis.aclose()
    print(
        f"published the files as content version {version.id} ({len(changed)} file(s) changed); "
        f"{listeners} running bot(s) listening"
    )
    return 0


def _nlu(settings: Settings, args: argparse.Namespace) -> int:
    from bot import nlu_cli

    if args.nlu_command == "train":
        nlu_cli.train(force=args.force)
        return 0
    if args.nlu_command == "serve":
        return nlu_cli.serve(settings)
    if args.nlu_command == "parse":
        return nlu_cli.parse(settings, args.language)
    if args.nlu_command == "eval":
        return nlu_cli.evaluate(
            settings,
            cross_validation=args.cross_validation,
            folds=args.folds,
            via_translation=args.via_translation,
        )
    return 2


async def _unanswered(settings: Settings, limit: int) -> int:
    from redis.asyncio import Redis

    from bot.services.analytics import Analytics

    if not settings.redis_dsn:
        print("error: REDIS_URL is not set", file=sys.stderr)
        return 1
    redis = Redis.from_url(settings.redis_dsn)
    try:
        for item in await Analytics(redis).unanswered(limit):
            print(f"{item.language}\t{item.intent}\t{item.text}")
    finally:
        await redis.aclose()
    return 0


async def _feedback(settings: Settings, limit: int) -> int:
    """Votes per answer and language (most 👎 first), then the newest 'what was missing' lines."""
    from datetime import datetime

    from redis.asyncio import Redis
    from redis.exceptions import RedisError

    from bot.services.feedback import FeedbackService

    if not settings.redis_dsn:
        print("error: REDIS_URL is not set", file=sys.stderr)
        return 1
    redis = Redis.from_url(settings.redis_dsn, socket_timeout=5, socket_connect_timeout=5)
    service = FeedbackService(redis, retention_days=settings.analytics_retention_days)
    try:
        counts = await service.counts()
        comments = await service.comments(limit)
    except RedisError as exc:
        print(f"error: cannot reach Redis: {exc}", file=sys.stderr)
        return 1
    finally:
        await redis.aclose()
    print(f"{'topic':20} {'question':28} {'lang':5} {'up':>5} {'down':>5}")
    for c in counts[:limit]:
        variant = c.answer.partition(":")[2]
        question = c.question or (f"(answer: {variant})" if variant else "(answer)")
        print(f"{c.topic:20} {question:28} {c.language:5} {c.up:>5} {c.down:>5}")
    if not counts:
        print("(no votes yet)")
    days = settings.analytics_retention_days
    print(f"\nwhat was missing (newest first, kept {days} days, no user ids):")
    for comment in comments:
        when = datetime.fromtimestamp(comment.timestamp).strftime("%Y-%m-%d %H:%M")
        print(f"{when}  {comment.language:3} {comment.answer:40} {comment.text}")
    if not comments:
        print("(none)")
    return 0


def _export(settings: Settings, day_text: str, out: str) -> int:
    """Writes a day's appointments as CSV and ICS for the front desk."""
    from pathlib import Path

    from redis.exceptions import RedisError

    from bot.i18n import Catalogues
    from bot.services.export import day_csv, day_ics, desk_rows
    from bot.services.schedule import ScheduleError, load_schedule

    try:
        day = date.fromisoformat(day_text)
    except ValueError:
        print(f"error: --day {day_text!r} is not a date (YYYY-MM-DD)", file=sys.stderr)
        return 2
    if not settings.redis_dsn:
        print("error: REDIS_URL is not set: the bookings live in Redis", file=sys.stderr)
        return 1
    try:
        schedule = load_schedule(settings.content_dir, settings.translations_dir)
        bookings = asyncio.run(_day_bookings(settings.redis_dsn, schedule, day))
    except ScheduleError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except RedisError as exc:
        print(f"error: cannot reach Redis: {exc}", file=sys.stderr)
        return 1
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    csv_path = folder / f"migrado-{day.isoformat()}.csv"
    ics_path = folder / f"migrado-{day.isoformat()}.ics"
    catalogues = Catalogues.load(settings.translations_dir)
    csv_path.write_text(day_csv(desk_rows(bookings, schedule, catalogues)), encoding="utf-8")
    ics_path.write_bytes(day_ics(bookings, schedule, catalogues))
    print(f"{len(bookings)} appointment(s) on {day.isoformat()}: wrote {csv_path} and {ics_path}")
    return 0


async def _day_bookings(url: str, schedule: Schedule, day: date) -> list[Booking]:
    from redis.asyncio import Redis

    from bot.services.booking import BookingService

    redis = Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)
    try:
        return await BookingService(redis, lambda: schedule).day_bookings(day)
    finally:
        await redis.aclose()


def parser() -> argparse.ArgumentParser:
    """The command line: run, chat, content."""
    p = argparse.ArgumentParser(
        prog="lotse", description="Lotse, a Telegram assistant for people new in Dortmund."
    )
    sub = p.add_subparsers(dest="command", required=True)
    run = sub.add_parser(
        "run", help="serve Telegram (long polling); without a token, the local chat"
    )
    run.add_argument("--no-nlu", action="store_true", help="do not start a Rasa server")
    ingress = sub.add_parser(
        "ingress", help="the webhook: check the secret, append updates to Redis (scaled out)"
    )
    ingress.set_defaults(health=None)
    worker = sub.add_parser("worker", help="handle the updates in Redis, each chat in order")
    worker.add_argument(
        "--health", metavar="HOST:PORT", help="serve /healthz and /readyz for probes"
    )
    jobs = sub.add_parser("jobs", help="background jobs (reminders, case maintenance), once")
    jobs.add_argument("--health", metavar="HOST:PORT", help="serve /healthz and /readyz")
    chat = sub.add_parser("chat", help="talk to the bot in this terminal, no Telegram needed")
    chat.add_argument("--no-nlu", action="store_true", help="do not start a Rasa server")
    chat.add_argument(
        "--telegram-language", default="en", help="language_code Telegram would send (default en)"
    )
    content = sub.add_parser("content", help="check, inspect and publish content")
    csub = content.add_subparsers(dest="content_command", required=True)
    validate = csub.add_parser(
        "validate",
        help="fail on missing/outdated translations, broken placeholders, unknown office ids",
    )
    validate.add_argument("--lang", action="append", help="only these languages (repeatable)")
    status = csub.add_parser(
        "status", help="topics × languages: MISSING / OUTDATED / MACHINE_TRANSLATED / UP_TO_DATE"
    )
    status.add_argument("--lang", action="append", help="these languages (default: the twelve)")
    status.add_argument(
        "--faq", action="store_true", help="one row per frequent question (default: per topic)"
    )
    status.add_argument(
        "--hashes",
        action="store_true",
        help="print the German source hash of each topic and frequent question",
    )
    csub.add_parser(
        "reload", help="publish the files as a new content version: every bot (Redis) switches"
    )
    ctranslate = csub.add_parser(
        "translate", help="machine-translate topics into a language (marked machine-made)"
    )
    ctranslate.add_argument("--lang", dest="lang_code", required=True)
    ctranslate.add_argument("--missing", action="store_true", help="only missing translations")
    ctranslate.add_argument("--outdated", action="store_true", help="only outdated translations")
    stamp = csub.add_parser(
        "stamp-ui", help="record that a UI catalogue was translated from the current German"
    )
    stamp.add_argument("languages", nargs="+")
    stamp.add_argument(
        "--reviewed", action="store_true", help="a person who reads the language checked it"
    )
    nlu = sub.add_parser("nlu", help="the Rasa NLU: train, serve, parse, eval")
    nsub = nlu.add_subparsers(dest="nlu_command", required=True)
    ntrain = nsub.add_parser(
        "train", help="train the model (skipped if data and config are unchanged)"
    )
    ntrain.add_argument("--force", action="store_true")
    nsub.add_parser("serve", help="run the Rasa HTTP server on RASA_URL")
    nparse = nsub.add_parser(
        "parse", help="one message per line on stdin -> one JSON object per line"
    )
    nparse.add_argument(
        "--language", default="de", choices=CODES, help="the user's language (prior)"
    )
    neval = nsub.add_parser(
        "eval", help="score the held-out set; JSON report and confusion-matrix PNG"
    )
    neval.add_argument(
        "--cross-validation", action="store_true", help="also run Rasa's cross-validation"
    )
    neval.add_argument("--folds", type=int, default=3)
    neval.add_argument(
        "--via-translation",
        action="append",
        metavar="LANG",
        help="also score LANG as if it were beyond the twelve: unsure readings re-read via German",
    )
    translate = sub.add_parser("translate", help="machine translation engines: coverage, quality")
    tsub = translate.add_subparsers(dest="translate_command", required=True)
    tsub.add_parser(
        "coverage", help="which engine serves each language both ways with German (exit 1: gaps)"
    )
    benchmark = tsub.add_parser(
        "benchmark", help="score each engine against a curated language's translations (chrF)"
    )
    benchmark.add_argument("--lang", dest="lang_code", required=True)
    booking = sub.add_parser("booking", help="MigraDO appointments: the front desk's files")
    bsub = booking.add_subparsers(dest="booking_command", required=True)
    export = bsub.add_parser("export", help="write a day's appointments as CSV and ICS")
    export.add_argument("--day", required=True, help="YYYY-MM-DD")
    export.add_argument("--out", default=".", help="directory for the files (default: here)")
    editor = sub.add_parser("editor", help="the editors' web page on EDITOR_LISTEN")
    esub = editor.add_subparsers(dest="editor_command")
    add_user = esub.add_parser(
        "add-user", help="create an account (password from stdin when it is not a terminal)"
    )
    add_user.add_argument("name")
    add_user.add_argument("--role", required=True, choices=["admin", "reviewer", "editor"])
    add_user.add_argument(
        "--languages", help="comma-separated codes, e.g. ar,fa (what a reviewer reviews)"
    )
    analytics = sub.add_parser("analytics", help="what editors learn from the bot")
    asub = analytics.add_subparsers(dest="analytics_command", required=True)
    unanswered = asub.add_parser("unanswered", help="the newest questions Lotse could not answer")
    unanswered.add_argument("--limit", type=int, default=50)
    feedback = asub.add_parser(
        "feedback", help="👍 / 👎 per answer and language, and the newest 'what was missing' lines"
    )
    feedback.add_argument("--limit", type=int, default=50)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``lotse`` console script."""
    args = parser().parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    _configure_logging(settings)
    if args.command == "run":
        return _run(settings, with_nlu=not args.no_nlu)
    if args.command in {"ingress", "worker", "jobs"}:
        try:
            return _role(settings, args)
        except SettingsError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    if args.command == "chat":
        return _chat(settings, language_code=args.telegram_language, with_nlu=not args.no_nlu)
    if args.command == "content":
        return _content(settings, args)
    if args.command == "nlu":
        return _nlu(settings, args)
    if args.command == "translate":
        from bot import translate_cli

        try:
            if args.translate_command == "coverage":
                return translate_cli.run_coverage(settings)
            return translate_cli.run_benchmark(settings, args.lang_code)
        except SettingsError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    if args.command == "booking":
        return _export(settings, args.day, args.out)
    if args.command == "editor":
        from bot.editor import cli

        try:
            if args.editor_command == "add-user":
                return cli.add_user(settings, args.name, args.role, args.languages)
            return cli.serve(settings)
        except SettingsError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    if args.command == "analytics":
        if args.analytics_command == "feedback":
            return asyncio.run(_feedback(settings, args.limit))
        return asyncio.run(_unanswered(settings, args.limit))
    return 2


if __name__ == "__main__":
    sys.exit(main())
