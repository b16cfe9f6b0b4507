"""Free text through the real Rasa server and the Application: routing, entities, outages."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from bot import PROJECT_ROOT, nlu_cli
from bot.channels.local import LocalChat
from bot.services.analytics import UNANSWERED
from bot.services.content import load_snapshot
from bot.services.nlu import Decision, NluResult, NluUnavailable, RasaClient, Thresholds
from tests.conftest import AppFactory
from tests.helpers import all_text, data_of, messages

pytestmark = pytest.mark.nlu
SNAPSHOT = load_snapshot(PROJECT_ROOT / "content", PROJECT_ROOT / "translations")
LANGS = sorted(p.stem for p in (PROJECT_ROOT / "nlu" / "tests").glob("*.yml"))


@pytest.fixture(scope="session")
def rasa_url() -> Iterator[str]:
    """The real Rasa server on the trained model (trained first if the data changed)."""
    if not nlu_cli.rasa_bin().exists():
        pytest.fail("Rasa is not installed; run the README's test command (make test)")
    server = nlu_cli.start_server()
    yield server.url
    server.stop()


def first_training_example(intent: str, lang: str) -> str:
    path = PROJECT_ROOT / "nlu" / "data" / "nlu" / intent / f"{lang}.yml"
    return nlu_cli.read_examples(path)[intent][0]


async def nlu_chat(make_chat: AppFactory, url: str, lang: str, **kwargs: object) -> LocalChat:
    chat = await make_chat(language_code=lang, **kwargs)
    chat.app.bot_data.nlu = RasaClient(url, timeout=5.0)
    await chat.press_data(f"lang:v1:{lang}")
    return chat


def cat(chat: LocalChat, lang: str, key: str, **args: object) -> str:
    text = chat.app.bot_data.catalogues.t(lang, key, **args)
    return text.replace("\u200f", "").replace("\u2068", "").replace("\u2069", "")


@pytest.mark.parametrize("lang", LANGS)
async def test_typed_questions_in_every_language(
    make_chat: AppFactory, rasa_url: str, lang: str, redis
) -> None:
    chat = await nlu_chat(make_chat, rasa_url, lang)
    # A topic question leads to that topic: its answer, its follow-up question, or (when the
    # model is unsure) a "did you mean" that offers it.
    for topic in ("registration", "kita", "language_course", "health"):
        calls = await chat.send(first_training_example(topic, lang))
        offered = data_of(calls, f"topic:v1:{topic}")
        title = SNAPSHOT.text(topic, lang).title
        assert offered or title in all_text(calls), f"{topic}: {all_text(calls)[:200]}"
    # Something Lotse does not do is never answered as a topic.
    calls = await chat.send(first_training_example("out_of_scope", lang))
    text = all_text(calls)
    said = (
        cat(chat, lang, "nlu-not-understood") in text or cat(chat, lang, "nlu-did-you-mean") in text
    )
    assert said
    assert not any(SNAPSHOT.text(t, lang).title in text for t in ("registration", "kita", "health"))


async def test_gibberish_is_said_honestly_and_noted_for_editors(
    make_chat: AppFactory, rasa_url: str, redis
) -> None:
    chat = await nlu_chat(make_chat, rasa_url, "fa")
    before = await redis.xlen(UNANSWERED)
    calls = await chat.send("asdfghjkl qwertzuiop yxcvbnm")
    assert cat(chat, "fa", "nlu-not-understood") in all_text(calls)
    assert len(data_of(calls, "topic:v1:")) == 12 and data_of(calls, "handoff:v1:")
    assert await redis.xlen(UNANSWERED) == before + 1
    entry = (await redis.xrevrange(UNANSWERED, count=1))[0][1]
    # No user id, no name: the text, its language, what the bot did and the model's best guess.
    assert set(entry) == {b"text", b"language", b"intent", b"guess"}
    intents = {p.name for p in (PROJECT_ROOT / "nlu" / "data" / "nlu").iterdir()}
    assert entry[b"guess"].decode() in intents | {"nlu_fallback"}
    assert entry[b"language"] == b"fa"


async def test_district_entity_names_the_office(make_chat: AppFactory, rasa_url: str) -> None:
    chat = await nlu_chat(make_chat, rasa_url, "en")
    text = all_text(await chat.send("I live in Mengede, where can I get help"))
    assert "Westerfilder Straße 11a" in text


async def test_child_age_entity_picks_the_kita_variant(
    make_chat: AppFactory, rasa_url: str
) -> None:
    chat = await nlu_chat(make_chat, rasa_url, "en")
    text = all_text(await chat.send("my son is 2, kita?"))
    expected = SNAPSHOT.answer("kita", "en", "age_1_2")
    assert expected is not None
    first_line = expected.markdown.strip().splitlines()[0].replace("**", "")
    assert first_line in text


async def test_citizenship_entity_picks_the_registration_path(
    make_chat: AppFactory, rasa_url: str
) -> None:
    chat = await nlu_chat(make_chat, rasa_url, "en")
    eu = all_text(await chat.send("I'm from Romania, where do I register"))
    non_eu = all_text(await chat.send("I am from Syria, where do I register my address"))
    assert "Friedensplatz 7" in eu and "Bürgerdienste" in eu
    assert "Ausländerbehörde" in non_eu


async def test_other_language_gets_answer_in_it_and_an_offer_to_switch(
    make_chat: AppFactory, rasa_url: str
) -> None:
    chat = await nlu_chat(make_chat, rasa_url, "de")
    calls = await chat.send("где и как мне сделать анмельдунг квартиры в дортмунде")
    text = all_text(calls)
    assert SNAPSHOT.text("registration", "ru").ask in text or "Friedensplatz 7" in text
    assert "lang:v1:ru" in [d for c in calls for _, d in c.buttons]
    assert (
        chat.app.bot_data.catalogues.t("ru", "language-switch-offer", language="Русский")[
            :20
        ].replace("\u200f", "")
        in text
    )


async def test_short_message_keeps_the_users_language(make_chat: AppFactory, rasa_url: str) -> None:
    chat = await nlu_chat(make_chat, rasa_url, "ar")
    calls = await chat.send("kita?")
    assert "lang:v1:" not in " ".join(d for c in calls for _, d in c.buttons)


class Proxy:
    """A TCP proxy in front of the Rasa server that can be cut, like a crashed server."""

    def __init__(self, target: str) -> None:
        host, port = target.removeprefix("http://").split(":")
        self.target = (host, int(port))
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen()
        self.port = self.listener.getsockname()[1]
        self.open = True
        self.sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while self.open:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.open:
                client.close()
                return
            upstream = socket.create_connection(self.target)
            self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(a: socket.socket, b: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := a.recv(65536):
                b.sendall(data)
        with contextlib.suppress(OSError):
            b.shutdown(socket.SHUT_WR)

    def cut(self) -> None:
        self.open = False
        self.listener.close()
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()


async def test_rasa_stopped_mid_conversation_gives_the_menu(
    make_chat: AppFactory, rasa_url: str
) -> None:
    proxy = Proxy(rasa_url)
    chat = await nlu_chat(make_chat, f"http://127.0.0.1:{proxy.port}", "en")
    assert "Westerfilder" in all_text(await chat.send("I live in Mengede, where can I get help"))
    proxy.cut()
    await chat.app.bot_data.nlu.aclose()  # drop the kept-alive connection, as a crash would
    for _ in range(4):
        started = time.monotonic()
        calls = await chat.send("where can I find a German course")
        assert time.monotonic() - started < 6
        assert cat(chat, "en", "nlu-unavailable") in all_text(calls)
        assert len(data_of(calls, "topic:v1:")) == 12
    assert chat.app.bot_data.nlu.is_open  # the breaker now spares the user the wait
    started = time.monotonic()
    await chat.send("hello?")
    assert time.monotonic() - started < 0.5
    # Buttons keep working without the NLU.
    assert "Friedensplatz 7" in all_text(await chat.press_data("topic:v1:registration:eu"))


@contextlib.contextmanager
def silent_server(reply: bytes | None) -> Iterator[str]:
    """A loopback server that never answers (reply None) or answers with ``reply``."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    conns: list[socket.socket] = []

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            conns.append(conn)
            if reply is not None:
                conn.recv(65536)
                conn.sendall(reply)
                conn.close()

    threading.Thread(target=serve, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        listener.close()
        for conn in conns:
            conn.close()


async def test_hanging_rasa_times_out() -> None:
    with silent_server(None) as url:
        client = RasaClient(url, timeout=0.3, retries=1)
        started = time.monotonic()
        with pytest.raises(NluUnavailable):
            await client.parse("hallo")
        assert time.monotonic() - started < 2
        await client.aclose()


@pytest.mark.parametrize(
    "reply",
    [
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{broken",
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
        b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n",
    ],
)
async def test_malformed_or_failing_rasa_answers_are_unavailable(reply: bytes) -> None:
    with silent_server(reply) as url:
        client = RasaClient(url, timeout=1.0, retries=0)
        with pytest.raises(NluUnavailable):
            await client.parse("hallo")
        await client.aclose()


def test_thresholds_decide() -> None:
    th = Thresholds(answer=0.5, clarify=0.2)
    sure = NluResult("x", "kita", 0.9, (("kita", 0.9),))
    assert th.decide(sure) == (Decision.ANSWER, "kita", ())
    unsure = NluResult(
        "x", "kita", 0.35, (("kita", 0.35), ("school", 0.3), ("out_of_scope", 0.2), ("health", 0.1))
    )
    assert th.decide(unsure) == (Decision.CLARIFY, "nlu_fallback", ("kita", "school", "health"))
    lost = NluResult("x", "kita", 0.1, (("kita", 0.1),))
    assert th.decide(lost) == (Decision.FALLBACK, "nlu_fallback", ())
    oos = NluResult("x", "out_of_scope", 0.4, (("out_of_scope", 0.4),))
    assert th.decide(oos) == (Decision.FALLBACK, "out_of_scope", ())


def test_nlu_parse_command_prints_the_json_lines_contract(
    rasa_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "bot", "nlu", "parse", "--language", "en"],
        input="wo muss ich mich anmelden\nasdfghjkl qwertz\n",
        capture_output=True,
        text=True,
        timeout=120,
        cwd=PROJECT_ROOT,
        env={**__import__("os").environ, "RASA_URL": rasa_url},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in rows] == ["wo muss ich mich anmelden", "asdfghjkl qwertz"]
    assert rows[0]["intent"] == "registration" and rows[0]["language"] == "de"
    assert rows[1]["intent"] in {"out_of_scope", "nlu_fallback"}
    assert {"text", "intent", "confidence", "language"} <= set(rows[0])
    # Added with the question level: the question the bot would answer (or null), the best
    # question's confidence, and the runner-up topic offered beside the answer (or null).
    assert {"question", "question_confidence", "runner_up"} <= set(rows[0])
    assert rows[1]["question"] is None


async def test_a_long_question_is_understood_at_both_levels(rasa_url: str) -> None:
    client = RasaClient(rasa_url, timeout=10.0)
    text = (
        "We are a family of four and our warm rent is 820 euros. The Jobcenter wrote that it "
        "only pays 700 because the flat is too expensive. Do we have to move?"
    )
    result = await client.parse(text)
    await client.aclose()
    plan = Thresholds(answer=0.4, clarify=0.15).plan(result)
    assert plan.decision is Decision.ANSWER and plan.intent == "housing"
    assert plan.question == "housing/rent_too_high"
    assert result.questions_of("housing")[0].id == "housing/rent_too_high"
    # The runner-up is exposed: the benefits side of the same question.
    assert [name for name, _ in result.ranking[:2]] == ["housing", "jobcenter_benefits"]


async def test_a_close_second_topic_is_offered_beside_the_answer(
    make_chat: AppFactory, rasa_url: str
) -> None:
    chat = await nlu_chat(make_chat, rasa_url, "en", nlu_runner_up_threshold=0.05)
    calls = await chat.send(
        "my rent is 650 and the jobcenter says it is too much and will not pay all of it"
    )
    text = all_text(calls)
    faq = SNAPSHOT.faqs.text("housing/rent_too_high", "en")
    assert faq is not None and faq.question in text  # the better topic's question, answered
    assert cat(chat, "en", "nlu-also-topic") in text
    assert data_of(calls, "topic:v1:") == ["topic:v1:jobcenter_benefits"]


def test_local_chat_understands_typed_questions(rasa_url: str) -> None:
    import os
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--telegram-language", "en"],
        input="/start\n1\nI live in Mengede, where can I get help\n",
        capture_output=True,
        text=True,
        timeout=120,
        cwd=PROJECT_ROOT,
        env={**os.environ, "RASA_URL": rasa_url},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Westerfilder Straße 11a" in result.stdout


def test_eval_shows_the_effect_of_reading_via_german(rasa_url: str) -> None:
    from tests.conftest import make_settings
    from tests.fake_libretranslate import FakeLibreTranslate

    rows = [r for r in nlu_cli.held_out() if r[0] == "ku"][:60]
    with FakeLibreTranslate() as libre:
        settings = make_settings(libretranslate_url=libre.url)
        figures = nlu_cli._via_translation(rasa_url, settings, rows, ["ku"])
        asked = len(libre.requests)
    assert set(figures["ku"]) == {"direct", "via_german", "translator_calls"}
    assert 0 <= figures["ku"]["direct"] <= 1 and 0 <= figures["ku"]["via_german"] <= 1
    # Only readings below the answer threshold are re-read, each through the translator.
    assert 0 < asked < len(rows)


async def test_the_pool_skips_a_dead_server_and_caches_rasas_raw_answer(
    rasa_url: str, redis
) -> None:
    from bot.local_redis import free_port
    from bot.services.nlu_pool import NluPool
    from tests.conftest import make_settings

    dead = f"http://127.0.0.1:{free_port()}"
    settings = make_settings(rasa_url=f"{dead}, {rasa_url}")
    assert settings.rasa_urls == [dead, rasa_url]
    pool = NluPool(
        dead, timeout=5.0, urls=settings.rasa_urls, redis=redis, breaker_threshold=1, retries=0
    )
    text = first_training_example("registration", "de")
    first = await pool.parse(text)
    assert first.intent == "registration" and pool.misses == 1
    assert pool._servers[0].is_open and not pool.is_open  # the dead one is skipped for now
    # The same words, differently spaced and cased: from the cache, the same reading.
    again = await pool.parse(f"  {text.upper()}  ")
    assert pool.hits == 1 and pool.misses == 1
    assert (again.intent, again.confidence, again.ranking) == (
        first.intent,
        first.confidence,
        first.ranking,
    )
    [key] = [k async for k in redis.scan_iter(match="lotse:nlu:*")]
    stored = json.loads(await redis.get(key))
    assert "intent_ranking" in stored and "text" not in stored  # raw JSON, never the message
    assert 0 < await redis.ttl(key) <= 86_400
    await pool.aclose()
    # One URL, as before; every server down: the flows get NluUnavailable (then the menu).
    single = NluPool(rasa_url, timeout=5.0)
    assert (await single.parse(text)).intent == "registration"
    await single.aclose()
    down = NluPool(dead, timeout=1.0, retries=0)
    with pytest.raises(NluUnavailable):
        await down.parse(text)
    await down.aclose()


async def test_arabic_duldung_question_gets_its_own_answer_in_arabic_with_a_person(
    make_chat: AppFactory, rasa_url: str
) -> None:
    """Issue 15: "I have a Duldung, do I have to go to the integration course?" in Arabic."""
    chat = await nlu_chat(make_chat, rasa_url, "ar")
    calls = await chat.send("عندي Duldung، هل أنا مجبر على حضور دورة الاندماج؟")
    text = all_text(calls)
    faq = SNAPSHOT.faqs.text("language_course/integration_course_duty", "ar")
    assert faq is not None and faq.lang == "ar"
    assert faq.question in text
    first_line = faq.body.strip().splitlines()[0].replace("**", "")
    assert first_line in text
    # Not the whole topic page: that question's answer.
    assert SNAPSHOT.text("language_course", "ar").title not in text
    # The way to a person (and to an appointment at MigraDO) under the answer.
    sent = [d for c in messages(calls) for _, d in c.buttons]
    assert "handoff:v1:start" in sent
    assert any(d.startswith("book:v1:") for d in sent)


async def test_a_short_message_gets_its_topic_and_the_topics_questions(
    make_chat: AppFactory, rasa_url: str
) -> None:
    chat = await nlu_chat(make_chat, rasa_url, "de")
    calls = await chat.send("Kindergeld beantragen")
    sent = [d for c in messages(calls) for _, d in c.buttons]
    # Two words name a topic, not one of its questions: the topic, then its questions.
    questions = [d for d in sent if d.startswith("faq:v1:jobcenter_benefits:")]
    assert len(questions) == len(SNAPSHOT.faqs.ids("jobcenter_benefits"))
    assert "faq:v1:jobcenter_benefits:child_benefit" in questions


@pytest.mark.parametrize(
    ("lang", "text", "topic"),
    [
        ("de", "Wo kann ich mich anmelden?", "registration"),
        ("en", "I want to learn German", "language_course"),
    ],
)
async def test_a_general_question_gets_its_topic_not_one_narrow_question(
    make_chat: AppFactory, rasa_url: str, lang: str, text: str, topic: str
) -> None:
    """A question about the topic in general is answered with the topic and its questions as
    buttons. Before the question level knew the topic in general, "Wo kann ich mich anmelden?"
    got the answer to "I live with friends, can I register there?" (question confidence 0.84)."""
    client = RasaClient(rasa_url, timeout=10.0)
    result = await client.parse(text)
    await client.aclose()
    plan = Thresholds(answer=0.4, clarify=0.15).plan(result)
    assert plan.decision is Decision.ANSWER and plan.intent == topic
    assert plan.question is None
    chat = await nlu_chat(make_chat, rasa_url, lang)
    calls = await chat.send(text)
    sent = [d for c in messages(calls) for _, d in c.buttons]
    # The topic's own flow (registration asks for the citizenship, courses for the kind).
    assert any(d.startswith(f"topic:v1:{topic}") for d in sent)
    narrow = [SNAPSHOT.faqs.text(q, lang) for q in SNAPSHOT.faqs.ids(topic)]
    assert not any(f is not None and f.body.strip()[:60] in all_text(calls) for f in narrow)
