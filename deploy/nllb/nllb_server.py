"""NLLB-200 behind LibreTranslate's request shape: the engine for what LibreTranslate lacks.

A small Starlette app. ``GET /languages`` lists our language codes (ISO 639-1 where there is one:
``ku`` is Kurmanji, ``fa`` Farsi) with English names and their targets; ``POST /translate`` takes
a JSON body ``{"q": "text" | ["text", ...], "source": "de", "target": "ku"}`` and answers
``{"translatedText": ...}``. ``/healthz`` answers while the process lives, ``/readyz`` once the
model is loaded.

Layers, each testable without the model: the language-code mapping (our codes <-> the FLORES-200
codes NLLB was trained with, ``kmr_Latn``, ``pes_Arab``), segmentation (a text is translated line
by line, long lines sentence by sentence, because NLLB translates sentences), and a batcher that
gathers the segments of concurrent requests into one model call per language pair. The model
itself sits behind ``Backend``; ``CTranslate2Backend`` is the thin real one (NLLB-200 distilled
600M, converted to CTranslate2 with int8 weights; see README.md for the one-time conversion).

Texts are never logged: only counts, language codes and timings.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

log = logging.getLogger("nllb")

#: Our code -> (FLORES-200 code, English name), for all 202 languages of NLLB-200. Our codes are
#: ISO 639-1 where the language has one (for the variety NLLB models: ``ar`` is Modern Standard
#: Arabic ``arb_Arab``, ``fa`` Western Farsi ``pes_Arab``, ``ku`` Kurmanji ``kmr_Latn``, ``ps``
#: Southern Pashto ``pbt_Arab``), else ISO 639-3 (``ckb`` Sorani, ``prs`` Dari); a second script
#: of one language gets a suffix (``zh_hant``, ``ks_deva``; underscores, so a code fits in a
#: Telegram button's callback data). Languages from the FLORES-200 list
#: in transformers' ``tokenization_nllb.py``; names from CLDR (babel), a few made clearer.
LANGUAGES: dict[str, tuple[str, str]] = {
    "ace_arab": ("ace_Arab", "Acehnese (Arabic script)"),
    "ace": ("ace_Latn", "Acehnese"),
    "acm": ("acm_Arab", "Mesopotamian Arabic"),
    "acq": ("acq_Arab", "Ta'izzi-Adeni Arabic"),
    "aeb": ("aeb_Arab", "Tunisian Arabic"),
    "af": ("afr_Latn", "Afrikaans"),
    "ajp": ("ajp_Arab", "South Levantine Arabic"),
    "ak": ("aka_Latn", "Akan"),
    "am": ("amh_Ethi", "Amharic"),
    "apc": ("apc_Arab", "North Levantine Arabic"),
    "ar": ("arb_Arab", "Arabic"),
    "ars": ("ars_Arab", "Najdi Arabic"),
    "ary": ("ary_Arab", "Moroccan Arabic"),
    "arz": ("arz_Arab", "Egyptian Arabic"),
    "as": ("asm_Beng", "Assamese"),
    "ast": ("ast_Latn", "Asturian"),
    "awa": ("awa_Deva", "Awadhi"),
    "ay": ("ayr_Latn", "Aymara"),
    "azb": ("azb_Arab", "South Azerbaijani"),
    "az": ("azj_Latn", "Azerbaijani"),
    "ba": ("bak_Cyrl", "Bashkir"),
    "bm": ("bam_Latn", "Bambara"),
    "ban": ("ban_Latn", "Balinese"),
    "be": ("bel_Cyrl", "Belarusian"),
    "bem": ("bem_Latn", "Bemba"),
    "bn": ("ben_Beng", "Bangla"),
    "bho": ("bho_Deva", "Bhojpuri"),
    "bjn_arab": ("bjn_Arab", "Banjar (Arabic script)"),
    "bjn": ("bjn_Latn", "Banjar"),
    "bo": ("bod_Tibt", "Tibetan"),
    "bs": ("bos_Latn", "Bosnian"),
    "bug": ("bug_Latn", "Buginese"),
    "bg": ("bul_Cyrl", "Bulgarian"),
    "ca": ("cat_Latn", "Catalan"),
    "ceb": ("ceb_Latn", "Cebuano"),
    "cs": ("ces_Latn", "Czech"),
    "cjk": ("cjk_Latn", "Chokwe"),
    "ckb": ("ckb_Arab", "Kurdish (Sorani)"),
    "crh": ("crh_Latn", "Crimean Tatar"),
    "cy": ("cym_Latn", "Welsh"),
    "da": ("dan_Latn", "Danish"),
    "de": ("deu_Latn", "German"),
    "dik": ("dik_Latn", "Southwestern Dinka"),
    "dyu": ("dyu_Latn", "Dyula"),
    "dz": ("dzo_Tibt", "Dzongkha"),
    "el": ("ell_Grek", "Greek"),
    "en": ("eng_Latn", "English"),
    "eo": ("epo_Latn", "Esperanto"),
    "et": ("est_Latn", "Estonian"),
    "eu": ("eus_Latn", "Basque"),
    "ee": ("ewe_Latn", "Ewe"),
    "fo": ("fao_Latn", "Faroese"),
    "fa": ("pes_Arab", "Persian"),
    "fj": ("fij_Latn", "Fijian"),
    "fi": ("fin_Latn", "Finnish"),
    "fon": ("fon_Latn", "Fon"),
    "fr": ("fra_Latn", "French"),
    "fur": ("fur_Latn", "Friulian"),
    "fuv": ("fuv_Latn", "Nigerian Fulfulde"),
    "gd": ("gla_Latn", "Scottish Gaelic"),
    "ga": ("gle_Latn", "Irish"),
    "gl": ("glg_Latn", "Galician"),
    "gn": ("grn_Latn", "Guarani"),
    "gu": ("guj_Gujr", "Gujarati"),
    "ht": ("hat_Latn", "Haitian Creole"),
    "ha": ("hau_Latn", "Hausa"),
    "he": ("heb_Hebr", "Hebrew"),
    "hi": ("hin_Deva", "Hindi"),
    "hne": ("hne_Deva", "Chhattisgarhi"),
    "hr": ("hrv_Latn", "Croatian"),
    "hu": ("hun_Latn", "Hungarian"),
    "hy": ("hye_Armn", "Armenian"),
    "ig": ("ibo_Latn", "Igbo"),
    "ilo": ("ilo_Latn", "Iloko"),
    "id": ("ind_Latn", "Indonesian"),
    "is": ("isl_Latn", "Icelandic"),
    "it": ("ita_Latn", "Italian"),
    "jv": ("jav_Latn", "Javanese"),
    "ja": ("jpn_Jpan", "Japanese"),
    "kab": ("kab_Latn", "Kabyle"),
    "kac": ("kac_Latn", "Kachin"),
    "kam": ("kam_Latn", "Kamba"),
    "kn": ("kan_Knda", "Kannada"),
    "ks": ("kas_Arab", "Kashmiri"),
    "ks_deva": ("kas_Deva", "Kashmiri (Devanagari)"),
    "ka": ("kat_Geor", "Georgian"),
    "kr_arab": ("knc_Arab", "Kanuri (Arabic script)"),
    "kr": ("knc_Latn", "Kanuri"),
    "kk": ("kaz_Cyrl", "Kazakh"),
    "kbp": ("kbp_Latn", "Kabiye"),
    "kea": ("kea_Latn", "Kabuverdianu"),
    "km": ("khm_Khmr", "Khmer"),
    "ki": ("kik_Latn", "Kikuyu"),
    "rw": ("kin_Latn", "Kinyarwanda"),
    "ky": ("kir_Cyrl", "Kyrgyz"),
    "kmb": ("kmb_Latn", "Kimbundu"),
    "kg": ("kon_Latn", "Kongo"),
    "ko": ("kor_Hang", "Korean"),
    "ku": ("kmr_Latn", "Kurdish (Kurmanji)"),
    "lo": ("lao_Laoo", "Lao"),
    "lv": ("lvs_Latn", "Latvian"),
    "lij": ("lij_Latn", "Ligurian"),
    "li": ("lim_Latn", "Limburgish"),
    "ln": ("lin_Latn", "Lingala"),
    "lt": ("lit_Latn", "Lithuanian"),
    "lmo": ("lmo_Latn", "Lombard"),
    "ltg": ("ltg_Latn", "Latgalian"),
    "lb": ("ltz_Latn", "Luxembourgish"),
    "lua": ("lua_Latn", "Luba-Lulua"),
    "lg": ("lug_Latn", "Ganda"),
    "luo": ("luo_Latn", "Luo"),
    "lus": ("lus_Latn", "Mizo"),
    "mag": ("mag_Deva", "Magahi"),
    "mai": ("mai_Deva", "Maithili"),
    "ml": ("mal_Mlym", "Malayalam"),
    "mr": ("mar_Deva", "Marathi"),
    "min": ("min_Latn", "Minangkabau"),
    "mk": ("mkd_Cyrl", "Macedonian"),
    "mg": ("plt_Latn", "Malagasy"),
    "mt": ("mlt_Latn", "Maltese"),
    "mni": ("mni_Beng", "Manipuri"),
    "mn": ("khk_Cyrl", "Mongolian"),
    "mos": ("mos_Latn", "Mossi"),
    "mi": ("mri_Latn", "Māori"),
    "ms": ("zsm_Latn", "Malay"),
    "my": ("mya_Mymr", "Burmese"),
    "nl": ("nld_Latn", "Dutch"),
    "nn": ("nno_Latn", "Norwegian Nynorsk"),
    "nb": ("nob_Latn", "Norwegian Bokmål"),
    "ne": ("npi_Deva", "Nepali"),
    "nso": ("nso_Latn", "Northern Sotho"),
    "nus": ("nus_Latn", "Nuer"),
    "ny": ("nya_Latn", "Nyanja"),
    "oc": ("oci_Latn", "Occitan"),
    "om": ("gaz_Latn", "Oromo"),
    "or": ("ory_Orya", "Odia"),
    "pag": ("pag_Latn", "Pangasinan"),
    "pa": ("pan_Guru", "Punjabi"),
    "pap": ("pap_Latn", "Papiamento"),
    "pl": ("pol_Latn", "Polish"),
    "pt": ("por_Latn", "Portuguese"),
    "prs": ("prs_Arab", "Dari"),
    "ps": ("pbt_Arab", "Pashto"),
    "qu": ("quy_Latn", "Quechua"),
    "ro": ("ron_Latn", "Romanian"),
    "rn": ("run_Latn", "Rundi"),
    "ru": ("rus_Cyrl", "Russian"),
    "sg": ("sag_Latn", "Sango"),
    "sa": ("san_Deva", "Sanskrit"),
    "sat": ("sat_Beng", "Santali"),
    "scn": ("scn_Latn", "Sicilian"),
    "shn": ("shn_Mymr", "Shan"),
    "si": ("sin_Sinh", "Sinhala"),
    "sk": ("slk_Latn", "Slovak"),
    "sl": ("slv_Latn", "Slovenian"),
    "sm": ("smo_Latn", "Samoan"),
    "sn": ("sna_Latn", "Shona"),
    "sd": ("snd_Arab", "Sindhi"),
    "so": ("som_Latn", "Somali"),
    "st": ("sot_Latn", "Southern Sotho"),
    "es": ("spa_Latn", "Spanish"),
    "sq": ("als_Latn", "Albanian"),
    "sc": ("srd_Latn", "Sardinian"),
    "sr": ("srp_Cyrl", "Serbian"),
    "ss": ("ssw_Latn", "Swati"),
    "su": ("sun_Latn", "Sundanese"),
    "sv": ("swe_Latn", "Swedish"),
    "sw": ("swh_Latn", "Swahili"),
    "szl": ("szl_Latn", "Silesian"),
    "ta": ("tam_Taml", "Tamil"),
    "tt": ("tat_Cyrl", "Tatar"),
    "te": ("tel_Telu", "Telugu"),
    "tg": ("tgk_Cyrl", "Tajik"),
    "tl": ("tgl_Latn", "Tagalog"),
    "th": ("tha_Thai", "Thai"),
    "ti": ("tir_Ethi", "Tigrinya"),
    "taq": ("taq_Latn", "Tamasheq"),
    "taq_tfng": ("taq_Tfng", "Tamasheq (Tifinagh)"),
    "tpi": ("tpi_Latn", "Tok Pisin"),
    "tn": ("tsn_Latn", "Tswana"),
    "ts": ("tso_Latn", "Tsonga"),
    "tk": ("tuk_Latn", "Turkmen"),
    "tum": ("tum_Latn", "Tumbuka"),
    "tr": ("tur_Latn", "Turkish"),
    "tw": ("twi_Latn", "Twi"),
    "tzm": ("tzm_Tfng", "Central Atlas Tamazight"),
    "ug": ("uig_Arab", "Uyghur"),
    "uk": ("ukr_Cyrl", "Ukrainian"),
    "umb": ("umb_Latn", "Umbundu"),
    "ur": ("urd_Arab", "Urdu"),
    "uz": ("uzn_Latn", "Uzbek"),
    "vec": ("vec_Latn", "Venetian"),
    "vi": ("vie_Latn", "Vietnamese"),
    "war": ("war_Latn", "Waray"),
    "wo": ("wol_Latn", "Wolof"),
    "xh": ("xho_Latn", "Xhosa"),
    "yi": ("ydd_Hebr", "Yiddish"),
    "yo": ("yor_Latn", "Yoruba"),
    "yue": ("yue_Hant", "Cantonese"),
    "zh": ("zho_Hans", "Chinese (Simplified)"),
    "zh_hant": ("zho_Hant", "Chinese (Traditional)"),
    "zu": ("zul_Latn", "Zulu"),
}

FLORES: dict[str, str] = {code: flores for code, (flores, _) in LANGUAGES.items()}
#: Also accepted in requests: the FLORES codes themselves and a few other spellings of ours.
ALIASES: dict[str, str] = {
    **{flores.lower(): code for code, flores in FLORES.items()},
    "kmr": "ku",
    "pes": "fa",
    "pbt": "ps",
    "zh_hans": "zh",
    "zt": "zh_hant",
}

#: Longest text of one request item, and of a whole request (characters).
MAX_TEXT = 5_000
MAX_REQUEST = 20_000
#: A line longer than this is split into sentences before it goes to the model.
LONG_LINE = 300
_SENTENCE_END = re.compile(r"(?<=[.!?;:؟۔।።。！？])\s+")


def our_code(code: object) -> str | None:
    """Our code for what a client sent (ours, a FLORES code, an alias), or None if unknown."""
    if not isinstance(code, str):
        return None
    lowered = code.strip().lower().replace("-", "_")
    if lowered in FLORES:
        return lowered
    return ALIASES.get(lowered)


def segments(text: str) -> tuple[list[str], Callable[[list[str]], str]]:
    """The pieces of ``text`` the model sees, and how to put their translations back together.

    Lines stay lines (blank ones and indentation kept); a long line is cut into sentences.
    """
    pieces: list[str] = []
    layout: list[tuple[str, list[int], str]] = []  # (lead, piece indexes, trail) per line
    for line in text.split("\n"):
        stripped = line.strip()
        lead = line[: len(line) - len(line.lstrip())]
        trail = line[len(line.rstrip()) :]
        if not stripped:
            layout.append((line, [], ""))
            continue
        parts = _SENTENCE_END.split(stripped) if len(stripped) > LONG_LINE else [stripped]
        indexes = []
        for part in parts:
            if part:
                indexes.append(len(pieces))
                pieces.append(part)
        layout.append((lead, indexes, trail))

    def join(translated: list[str]) -> str:
        lines = [
            lead + " ".join(translated[i].strip() for i in indexes) + trail if indexes else lead
            for lead, indexes, trail in layout
        ]
        return "\n".join(lines)

    return pieces, join


#: Tokens of the model's vocabulary that are not text.
_SPECIAL = frozenset({"<s>", "</s>", "<pad>", "<unk>", "<mask>", *FLORES.values()})


class Backend(Protocol):
    """The model: translates sentences between two FLORES-200 languages. Blocking."""

    def translate_batch(self, texts: list[str], source: str, target: str) -> list[str]: ...


class CTranslate2Backend:
    """NLLB-200 in CTranslate2 (int8 on CPU), tokenized with its SentencePiece model.

    ``model_dir`` is what ``ct2-transformers-converter`` wrote (``model.bin``,
    ``shared_vocabulary.*``) plus the copied ``sentencepiece.bpe.model``. An NLLB source is
    ``[source language, pieces…, </s>]``; the target starts with the target language, which the
    model repeats as its first token.
    """

    def __init__(self, model_dir: Path, *, threads: int = 0, beam_size: int = 2) -> None:
        import ctranslate2
        import sentencepiece

        self.translator = ctranslate2.Translator(
            str(model_dir), device="cpu", compute_type="int8", intra_threads=threads
        )
        self.tokenizer = sentencepiece.SentencePieceProcessor(
            model_file=str(model_dir / "sentencepiece.bpe.model")
        )
        self.beam_size = beam_size

    def translate_batch(self, texts: list[str], source: str, target: str) -> list[str]:
        tokens = [[source, *self.tokenizer.encode(text, out_type=str), "</s>"] for text in texts]
        results = self.translator.translate_batch(
            tokens,
            target_prefix=[[target]] * len(texts),
            beam_size=self.beam_size,
            max_decoding_length=512,
        )
        out = []
        for result in results:
            # Drop the target language the model repeats first, and any special token.
            pieces = [p for p in result.hypotheses[0][1:] if p not in _SPECIAL]
            out.append(str(self.tokenizer.decode(pieces)))
        return out


class Busy(Exception):
    """Too many segments are waiting: the client should come back later."""


@dataclass
class _Item:
    text: str
    source: str
    target: str
    future: asyncio.Future[str]


@dataclass
class Batcher:
    """Gathers segments of concurrent requests into model calls of up to ``max_batch``, one
    language pair per call, run one at a time in a worker thread (the model uses the cores)."""

    backend: Backend
    max_batch: int = 16
    wait: float = 0.01
    max_waiting: int = 2_000
    batches: list[tuple[str, str, int]] = field(default_factory=list)  # (src, tgt, size), recent
    _queue: asyncio.Queue[_Item] | None = None
    _worker: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._worker is None:
            self._queue = asyncio.Queue()
            self._worker = asyncio.create_task(self._run(), name="nllb-batcher")

    async def stop(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker
            self._worker = None

    async def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        """Translations of ``texts`` (FLORES codes), in order."""
        self.start()
        assert self._queue is not None
        if self._queue.qsize() + len(texts) > self.max_waiting:
            raise Busy
        loop = asyncio.get_running_loop()
        items = [_Item(t, source, target, loop.create_future()) for t in texts]
        for item in items:
            self._queue.put_nowait(item)
        return list(await asyncio.gather(*(item.future for item in items)))

    async def _collect(self) -> list[_Item]:
        assert self._queue is not None
        batch = [await self._queue.get()]
        end = asyncio.get_running_loop().time() + self.wait
        while len(batch) < self.max_batch:
            try:
                batch.append(self._queue.get_nowait())
                continue
            except asyncio.QueueEmpty:
                pass
            remaining = end - asyncio.get_running_loop().time()
            if remaining <= 0:
                break
            try:
                async with asyncio.timeout(remaining):
                    batch.append(await self._queue.get())
            except TimeoutError:
                break
        return batch

    async def _run(self) -> None:
        while True:
            batch = await self._collect()
            groups: dict[tuple[str, str], list[_Item]] = {}
            for item in batch:
                if not item.future.done():  # the client may have gone
                    groups.setdefault((item.source, item.target), []).append(item)
            for (source, target), items in groups.items():
                texts = [item.text for item in items]
                try:
                    out = await asyncio.to_thread(
                        self.backend.translate_batch, texts, source, target
                    )
                    if len(out) != len(texts):
                        raise ValueError("the model returned a different number of texts")
                except Exception as exc:  # noqa: BLE001 - handed to every waiting request
                    log.error("model call failed (%s, %d segments)", type(exc).__name__, len(texts))
                    for item in items:
                        if not item.future.done():
                            item.future.set_exception(RuntimeError("translation failed"))
                    continue
                self.batches = [*self.batches[-99:], (source, target, len(texts))]
                for item, text in zip(items, out, strict=True):
                    if not item.future.done():
                        item.future.set_result(text)


@dataclass
class Service:
    """The model's life: loaded in the background (retried while the files are missing)."""

    load: Callable[[], Backend]
    retry_seconds: float = 30.0
    batcher: Batcher | None = None
    _task: asyncio.Task[None] | None = None

    async def _load_until_ready(self) -> None:
        while True:
            started = time.monotonic()
            try:
                backend = await asyncio.to_thread(self.load)
            except Exception as exc:  # noqa: BLE001 - the operator reads why in the log
                log.error("model not loaded (%s); trying again in %.0f s", exc, self.retry_seconds)
                await asyncio.sleep(self.retry_seconds)
                continue
            self.batcher = Batcher(backend)
            self.batcher.start()
            log.info("model loaded in %.1f s", time.monotonic() - started)
            return

    async def start(self) -> None:
        self._task = asyncio.create_task(self._load_until_ready(), name="nllb-load")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self.batcher is not None:
            await self.batcher.stop()


def _error(status: int, message: str, **headers: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers or None)


def build_app(load: Callable[[], Backend], *, retry_seconds: float = 30.0) -> Starlette:
    """The HTTP service around a model that ``load`` makes (in a thread, at start)."""
    service = Service(load, retry_seconds)
    languages_body = [
        {"code": code, "name": name, "targets": [c for c in LANGUAGES if c != code]}
        for code, (_, name) in LANGUAGES.items()
    ]

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def readyz(request: Request) -> Response:
        if service.batcher is None:
            return _error(503, "the model is not loaded yet")
        return JSONResponse({"status": "ready"})

    async def languages(request: Request) -> Response:
        return JSONResponse(languages_body)

    async def translate(request: Request) -> Response:
        if "json" not in request.headers.get("content-type", ""):
            return _error(415, 'send a JSON body: {"q": …, "source": …, "target": …}')
        try:
            body: Any = await request.json()
        except ValueError:
            return _error(400, "the body is not JSON")
        if not isinstance(body, dict):
            return _error(400, "the body must be a JSON object")
        q = body.get("q")
        texts = [q] if isinstance(q, str) else q
        if not isinstance(texts, list) or not texts or not all(isinstance(t, str) for t in texts):
            return _error(400, "q must be a text or a list of texts")
        if any(len(t) > MAX_TEXT for t in texts) or sum(map(len, texts)) > MAX_REQUEST:
            return _error(413, f"at most {MAX_TEXT} characters a text, {MAX_REQUEST} a request")
        source, target = our_code(body.get("source")), our_code(body.get("target"))
        if source is None or target is None:
            return _error(400, "unknown source or target language (see /languages)")
        if service.batcher is None:
            return _error(503, "the model is not loaded yet", **{"Retry-After": "30"})
        started = time.monotonic()
        translated: list[str] = []
        try:
            for text in texts:
                if source == target:
                    translated.append(text)
                    continue
                pieces, join = segments(text)
                out = await service.batcher.translate(pieces, FLORES[source], FLORES[target])
                translated.append(join(out))
        except Busy:
            return _error(503, "too many texts are waiting", **{"Retry-After": "5"})
        except RuntimeError:
            return _error(500, "translation failed")
        log.info(
            "translated %d text(s), %d characters, %s→%s in %.2f s",
            len(texts),
            sum(map(len, texts)),
            source,
            target,
            time.monotonic() - started,
        )
        return JSONResponse({"translatedText": translated[0] if isinstance(q, str) else translated})

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await service.start()
        try:
            yield
        finally:
            await service.stop()

    app = Starlette(
        routes=[
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/languages", languages),
            Route("/translate", translate, methods=["POST"]),
        ],
        lifespan=lifespan,
    )
    app.state.service = service
    return app


def main() -> None:
    """Serves the model from ``NLLB_MODEL_DIR`` on ``NLLB_LISTEN`` (host:port)."""
    import uvicorn

    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO").upper())
    model_dir = Path(os.environ.get("NLLB_MODEL_DIR", "/models/nllb-200-distilled-600M-int8"))
    threads = int(os.environ.get("NLLB_THREADS", "0"))
    host, _, port = os.environ.get("NLLB_LISTEN", "0.0.0.0:6000").rpartition(":")

    def load() -> Backend:
        if not (model_dir / "model.bin").exists():
            raise FileNotFoundError(
                f"no model in {model_dir}: run the one-time conversion (deploy/nllb/README.md)"
            )
        return CTranslate2Backend(model_dir, threads=threads)

    # access_log off: paths carry no text, but nothing about requests needs to be kept either.
    uvicorn.run(build_app(load), host=host, port=int(port), access_log=False)


if __name__ == "__main__":
    main()
