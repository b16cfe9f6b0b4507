"""Engines per language pair: routing, pivoting through English, the memory per engine, the
compose file's LibreTranslate languages, what each provider's request carries, time budgets,
and logs without texts or keys — against loopback servers for every engine."""

from __future__ import annotations

import asyncio
import logging
import time

import pytest
import yaml

from bot import PROJECT_ROOT
from bot.app import build_translator
from bot.languages import CODES
from bot.services.engines import (
    LIBRETRANSLATE_CODES,
    DeeplEngine,
    GoogleEngine,
    LibreEngine,
    NllbEngine,
)
from bot.services.translator import NoEngine, TranslationFailed, Translator
from bot.settings import SettingsError
from tests.conftest import make_settings
from tests.fake_libretranslate import (
    FakeDeepL,
    FakeGoogle,
    FakeLibreTranslate,
    LoopbackServer,
    deployed_languages,
)
from tests.fake_nllb import FakeNllb, load_service

MARKER = "Passnummer C01X00T47, Telefon 0176 5550199"
SECRET = "sk-lotse-secret-4711"


async def _no_sleep(_: float) -> None:
    return None


def translator(*engines: object, redis=None, **options: object) -> Translator:
    values: dict[str, object] = {"timeout": 2.0, "sleep": _no_sleep}
    values.update(options)
    return Translator(list(engines), redis, **values)  # type: ignore[arg-type]


# -- the compose file ---------------------------------------------------------------------------


def test_compose_loads_only_languages_libretranslate_has() -> None:
    compose = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text())
    loaded = compose["services"]["libretranslate"]["environment"]["LT_LOAD_ONLY"].split(",")
    # LibreTranslate maps its ISO spellings back (language.py iso2model) before it checks.
    model_codes = [{"zh-hans": "zh", "zh-hant": "zt", "pt-br": "pb"}.get(c.lower(), c.lower())
                   for c in loaded]  # fmt: skip
    unavailable = sorted(set(model_codes) - LIBRETRANSLATE_CODES)
    assert not unavailable, f"LibreTranslate refuses to load {unavailable}"
    assert len(set(loaded)) == len(loaded) and "en" in loaded  # English: its pivot
    # Every curated language is loaded there, or served by the NLLB service next to it.
    nllb_codes = set(load_service().FLORES)
    for code in CODES:
        assert code in loaded or (code not in LIBRETRANSLATE_CODES and code in nllb_codes), code
    env = compose["services"]["worker"]["environment"]  # the roles share one environment
    assert env["TRANSLATORS"] == "libre,nllb"


# -- routing ------------------------------------------------------------------------------------


async def test_each_pair_goes_to_the_first_engine_that_serves_it(nllb: FakeNllb) -> None:
    with FakeLibreTranslate(deployed_languages()) as libre:
        both = translator(LibreEngine(libre.url), NllbEngine(nllb.url))
        assert await both.translate("Guten Tag", "de", "ar") == "[ar] Guten Tag"
        assert await both.translate("Guten Tag", "de", "ku") == "[kmr_Latn] Guten Tag"
        assert await both.translate("Rojbaş", "ku", "de") == "[deu_Latn] Rojbaş"
        assert await both.translate("Selam", "ti", "de") == "[deu_Latn] Selam"
        assert [(r["source"], r["target"]) for r in libre.requests] == [("de", "ar")]
        assert [(b[1], b[2]) for b in nllb.backend.batches] == [
            ("deu_Latn", "kmr_Latn"),
            ("kmr_Latn", "deu_Latn"),
            ("tir_Ethi", "deu_Latn"),
        ]
        # The order is configuration: NLLB first takes Arabic too.
        reversed_ = translator(NllbEngine(nllb.url), LibreEngine(libre.url))
        assert await reversed_.translate("Guten Tag", "de", "ar") == "[arb_Arab] Guten Tag"
        assert len(libre.requests) == 1
        assert (await reversed_.route("de", "ar")).label == "nllb"


async def test_an_engine_with_only_english_pairs_pivots_through_english() -> None:
    languages = {"de": "German", "en": "English", "ar": "Arabic"}
    with FakeLibreTranslate(languages, english_only=True) as libre:
        engine = translator(LibreEngine(libre.url))
        assert (await engine.route("de", "ar")).label == "libre via en"
        assert (await engine.route("de", "en")).label == "libre"
        assert await engine.translate("Guten Tag", "de", "ar") == "[ar] [en] Guten Tag"
        assert [(r["source"], r["target"]) for r in libre.requests] == [("de", "en"), ("en", "ar")]


async def test_no_engine_for_a_pair_is_its_own_error(nllb: FakeNllb) -> None:
    with FakeLibreTranslate(deployed_languages()) as libre:
        alone = translator(LibreEngine(libre.url))
        with pytest.raises(NoEngine):
            await alone.translate("Rojbaş", "ku", "de")
        assert not libre.requests
        assert await alone.find_route("ku", "de") is None


async def test_an_unreachable_engine_is_skipped(nllb: FakeNllb) -> None:
    both = translator(LibreEngine("http://127.0.0.1:9/"), NllbEngine(nllb.url), timeout=1)
    assert await both.translate("Guten Tag", "de", "ar") == "[arb_Arab] Guten Tag"
    # Unreachable is not "no engine": with only the dead one, it is a plain failure.
    with pytest.raises(TranslationFailed) as failed:
        await translator(LibreEngine("http://127.0.0.1:9/"), timeout=1).translate("x", "de", "ar")
    assert not isinstance(failed.value, NoEngine)


async def test_the_picker_offers_only_languages_served_both_ways() -> None:
    languages = {"de": "German", "en": "English", "ti": "Tigrinya", "so": "Somali"}
    with FakeLibreTranslate(languages, targets_only=frozenset({"so"})) as libre:
        offered = await translator(LibreEngine(libre.url)).languages()
    assert offered == {"en": "English", "ti": "Tigrinya"}  # Somali only one way


async def test_the_memory_keeps_engines_apart(redis, nllb: FakeNllb) -> None:
    with FakeLibreTranslate() as libre:
        first = translator(LibreEngine(libre.url), redis=redis)
        assert await first.translate("Wo ist der Bus?", "de", "ti") == "[ti] Wo ist der Bus?"
        # Another configuration: NLLB serves the pair now; libre's text is not taken for its own.
        second = translator(NllbEngine(nllb.url), redis=redis)
        assert await second.translate("Wo ist der Bus?", "de", "ti") == "[tir_Ethi] Wo ist der Bus?"
        assert second.hits == 0
        # And each comes back from its own memory in a new process.
        again = translator(LibreEngine(libre.url), redis=redis)
        assert await again.translate("Wo ist der Bus?", "de", "ti") == "[ti] Wo ist der Bus?"
        assert again.hits == 1 and again.calls == 0
    keys = sorted([k.decode().rsplit(":", 1)[0] async for k in redis.scan_iter("lotse:tm:*")])
    assert keys == ["lotse:tm:libre:de:ti", "lotse:tm:nllb:de:ti"]


async def test_a_pivot_is_remembered_under_its_own_name(redis) -> None:
    languages = {"de": "German", "en": "English", "ar": "Arabic"}
    with FakeLibreTranslate(languages, english_only=True) as libre:
        await translator(LibreEngine(libre.url), redis=redis).translate("Hallo", "de", "ar")
    keys = [k.decode() async for k in redis.scan_iter("lotse:tm:*")]
    assert len(keys) == 1 and keys[0].startswith("lotse:tm:libre+en:de:ar:")


# -- configuration ------------------------------------------------------------------------------


def test_translators_lists_engines_in_order_and_translator_still_works() -> None:
    urls = {"libretranslate_url": "http://lt/", "nllb_url": "http://nllb/"}
    names = lambda **kw: [e.name for e in build_translator(make_settings(**kw), None).engines]  # noqa: E731
    assert names(translators="libre,nllb", **urls) == ["libre", "nllb"]
    assert names(translators="nllb, libre", **urls) == ["nllb", "libre"]
    assert names(translator="libre", **urls) == ["libre"]  # the older setting
    assert names(**urls) == ["libre", "nllb"]  # auto: every self-hosted engine with a URL
    assert names(translators="libre", translator="nllb", **urls) == ["libre"]  # TRANSLATORS wins
    assert build_translator(make_settings(translators="none", **urls), None) is None
    assert build_translator(make_settings(), None) is None
    with pytest.raises(SettingsError, match="NLLB_URL"):
        build_translator(make_settings(translators="libre,nllb", libretranslate_url="x"), None)
    with pytest.raises(SettingsError, match="GOOGLE_API_KEY"):
        build_translator(make_settings(translators="google"), None)


@pytest.mark.parametrize("value", ["libre,bing", "libre,libre", "none,libre"])
def test_a_wrong_translators_value_names_the_variable(value: str) -> None:
    from bot.settings import load_settings

    with pytest.raises(SettingsError, match="TRANSLATORS"):
        load_settings(_env_file=None, translators=value)


# -- what each provider's request carries -------------------------------------------------------


def _no_secrets_in_urls(server: LoopbackServer) -> None:
    for request in server.raw:
        assert MARKER not in request["path"] + request["query"]
        assert SECRET not in request["path"] + request["query"]


async def test_libretranslate_gets_text_and_key_in_the_body() -> None:
    with FakeLibreTranslate(api_key=SECRET) as libre:
        engine = translator(LibreEngine(libre.url, SECRET))
        assert await engine.translate(MARKER, "de", "ti") == f"[ti] {MARKER}"
    [sent] = [r for r in libre.raw if r["path"] == "/translate"]
    assert sent["body"]["q"] == MARKER and sent["body"]["api_key"] == SECRET
    _no_secrets_in_urls(libre)


async def test_deepl_gets_text_in_the_body_and_key_in_a_header() -> None:
    with FakeDeepL(SECRET) as deepl:
        engine = translator(DeeplEngine(SECRET, url=deepl.url))
        assert await engine.translate(MARKER, "de", "en") == f"[en-gb] {MARKER}"
        assert await engine.translate("Hallo", "de", "uk") == "[uk] Hallo"
        assert "en" in await engine.languages() and "ti" not in await engine.languages()
    sent = [r for r in deepl.raw if r["path"] == "/v2/translate"]
    assert sent[0]["body"] == {"text": [MARKER], "source_lang": "DE", "target_lang": "EN-GB"}
    assert all(r["headers"]["Authorization"] == f"DeepL-Auth-Key {SECRET}" for r in deepl.raw)
    _no_secrets_in_urls(deepl)


async def test_google_gets_text_in_the_body_and_key_in_a_header() -> None:
    with FakeGoogle(SECRET) as google:
        engine = translator(GoogleEngine(SECRET, url=google.url))
        assert await engine.translate(MARKER, "de", "ku") == f"[ku] {MARKER}"
        assert (await engine.languages())["he"] == "Hebrew"  # Google's "iw", our "he"
    sent = [r for r in google.raw if r["path"] == "/language/translate/v2"]
    assert sent[0]["body"] == {"q": [MARKER], "source": "de", "target": "ku", "format": "text"}
    _no_secrets_in_urls(google)


async def test_nllb_gets_text_in_the_body(nllb: FakeNllb) -> None:
    engine = translator(NllbEngine(nllb.url))
    assert await engine.translate(MARKER, "de", "ku") == f"[kmr_Latn] {MARKER}"
    assert nllb.backend.batches[-1][0] == [MARKER]


# -- logs and errors without texts, URLs or keys ------------------------------------------------


def _everything_said(records: list[logging.LogRecord], error: BaseException) -> str:
    formatter = logging.Formatter("%(levelname)s %(name)s %(message)s")
    said = [formatter.format(r) for r in records]  # message, arguments and exc_info traceback
    chain: BaseException | None = error
    while chain is not None:
        said += [str(chain), repr(chain)]
        chain = chain.__cause__ or chain.__context__
    return "\n".join(said)


@pytest.mark.parametrize("fault", ["down", "500", "429", "hanging", "refused"])
async def test_no_text_url_or_key_in_logs_or_errors(
    fault: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, every level (httpx and httpcore included)
    with FakeLibreTranslate(api_key=SECRET) as libre, FakeDeepL(SECRET) as deepl:
        engines = [LibreEngine(libre.url, SECRET), DeeplEngine(SECRET, url=deepl.url)]
        if fault == "down":
            engines = [LibreEngine("http://127.0.0.1:9/", SECRET)]
        for server in (libre, deepl):
            server.fail_next = {"500": [500] * 9, "429": [429] * 9}.get(fault, [])
            server.hang_seconds = 3 if fault == "hanging" else 0
        if fault == "refused":
            engines = [LibreEngine(libre.url, "wrong key"), DeeplEngine(SECRET, url=deepl.url)]
        for target in ("ti", "uk"):  # ti: libre; uk: libre too, deepl when libre is down
            chain = translator(*engines, timeout=0.5, budget=1.2, attempts=3)
            with pytest.raises(TranslationFailed) as failed:
                await chain.translate(MARKER, "de", target)
            # As a flow would log it: the error's text and its whole traceback.
            logging.getLogger("bot.flows").warning(
                "translation failed: %s", failed.value, exc_info=failed.value
            )
            text = _everything_said(caplog.records, failed.value)
            assert "Traceback" in text and "TranslationFailed" in text
            for secret in (MARKER, "C01X00T47", SECRET, "q=", "api_key="):
                assert secret not in text, (fault, secret)


# -- time budgets -------------------------------------------------------------------------------


async def test_no_call_chain_outlasts_its_budget() -> None:
    with FakeLibreTranslate() as libre:
        libre.hang_seconds = 5
        chain = translator(
            LibreEngine(libre.url), timeout=0.6, attempts=5, backoff=0.1, sleep=asyncio.sleep
        )
        await chain.route("de", "ti")  # the language list is not what is measured here
        started = time.monotonic()
        with pytest.raises(TranslationFailed):
            await chain.translate("Hallo", "de", "ti", budget=1.0)
        assert time.monotonic() - started < 1.3
        assert chain.calls == 2  # a second attempt began within the budget, no third


async def test_retries_with_backoff_stop_at_the_budget() -> None:
    with FakeLibreTranslate() as libre:
        libre.fail_next = [503] * 20
        chain = translator(
            LibreEngine(libre.url), attempts=10, backoff=0.3, budget=1.0, sleep=asyncio.sleep
        )
        started = time.monotonic()
        with pytest.raises(TranslationFailed):
            await chain.translate("Hallo", "de", "ti")
        assert time.monotonic() - started < 1.2
        assert 2 <= len(libre.requests) < 10  # it gave up when the next pause would not fit


async def test_both_hops_of_a_pivot_share_one_budget() -> None:
    languages = {"de": "German", "en": "English", "ar": "Arabic"}
    with FakeLibreTranslate(languages, english_only=True) as libre:
        chain = translator(LibreEngine(libre.url), timeout=0.7, sleep=asyncio.sleep)
        await chain.route("de", "ar")
        libre.hang_seconds = 0.6  # each hop alone fits in its timeout; both do not fit in 1 s
        started = time.monotonic()
        with pytest.raises(TranslationFailed):
            await chain.translate("Hallo", "de", "ar", budget=1.0)
        assert time.monotonic() - started < 1.3


async def test_a_language_list_that_hangs_counts_against_the_budget() -> None:
    started = time.monotonic()
    with FakeLibreTranslate() as libre:
        libre.route = lambda *a: time.sleep(5) or (200, [])  # type: ignore[method-assign]
        with pytest.raises(TranslationFailed):
            chain = translator(LibreEngine(libre.url), timeout=3)
            await chain.translate("x", "de", "ti", budget=0.5)
        assert time.monotonic() - started < 1.0
