"""The NLLB service's HTTP layer, language codes and batching, with a stand-in model."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest
import yaml

from bot import PROJECT_ROOT
from tests.fake_nllb import FakeNllb, load_service

service = load_service()


def test_our_codes_map_to_nllbs_flores_codes() -> None:
    flores = service.FLORES
    assert len(flores) == 202 and len(set(flores.values())) == 202
    assert flores["ku"] == "kmr_Latn" and flores["ckb"] == "ckb_Arab"
    assert flores["fa"] == "pes_Arab" and flores["prs"] == "prs_Arab"
    assert flores["ps"] == "pbt_Arab" and flores["ti"] == "tir_Ethi" and flores["so"] == "som_Latn"
    assert flores["ar"] == "arb_Arab" and flores["de"] == "deu_Latn"
    # Every curated language of Lotse is among them.
    from bot.languages import CODES

    assert set(CODES) <= set(flores)
    # Clients may also send FLORES codes or other spellings; unknown ones are refused.
    assert service.our_code("kmr_Latn") == "ku" and service.our_code("KMR") == "ku"
    assert service.our_code("pes") == "fa" and service.our_code("zh-Hans") == "zh"
    assert service.our_code("xx") is None and service.our_code(None) is None
    # Every code fits a language button's callback data (no hyphens: "zh_hant").
    from bot import callbacks

    assert all(callbacks.make(callbacks.LANG, code) for code in flores)
    assert service.our_code("zh-Hant") == "zh_hant"


def test_segments_keep_lines_and_split_long_ones_into_sentences() -> None:
    text = "Erste Zeile.\n\n  - Zweite Zeile \n" + "Ein Satz. " * 40
    pieces, join = service.segments(text)
    assert pieces[:2] == ["Erste Zeile.", "- Zweite Zeile"]
    assert len(pieces) == 2 + 40  # the long line went in sentence by sentence
    assert join([p.upper() for p in pieces]).split("\n")[:3] == [
        "ERSTE ZEILE.",
        "",
        "  - ZWEITE ZEILE ",
    ]


async def test_languages_and_translate_in_libretranslates_shape(nllb: FakeNllb) -> None:
    async with httpx.AsyncClient(base_url=nllb.url) as client:
        languages = (await client.get("/languages")).json()
        by_code = {item["code"]: item for item in languages}
        assert by_code["ku"]["name"] == "Kurdish (Kurmanji)"
        assert "de" in by_code["ku"]["targets"] and "ku" not in by_code["ku"]["targets"]
        answer = await client.post(
            "/translate", json={"q": "Guten Tag\n\nWie geht's?", "source": "de", "target": "ku"}
        )
        assert answer.status_code == 200
        assert answer.json() == {"translatedText": "[kmr_Latn] Guten Tag\n\n[kmr_Latn] Wie geht's?"}
        batch = await client.post(
            "/translate", json={"q": ["eins", "zwei"], "source": "fa", "target": "de"}
        )
        assert batch.json() == {"translatedText": ["[deu_Latn] eins", "[deu_Latn] zwei"]}
    assert nllb.backend.batches[-1][1:] == ("pes_Arab", "deu_Latn")


async def test_concurrent_requests_share_model_calls(nllb: FakeNllb) -> None:
    nllb.backend.delay = 0.2  # the first batch keeps the model busy; the rest queue up
    async with httpx.AsyncClient(base_url=nllb.url) as client:
        answers = await asyncio.gather(
            *(
                client.post("/translate", json={"q": f"Satz {i}", "source": "de", "target": "ti"})
                for i in range(12)
            )
        )
    assert [a.json()["translatedText"] for a in answers] == [
        f"[tir_Ethi] Satz {i}" for i in range(12)
    ]
    sizes = [len(texts) for texts, _, _ in nllb.backend.batches]
    assert sum(sizes) == 12 and len(sizes) < 12 and max(sizes) > 1


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"q": "Hallo", "source": "de", "target": "xx"}, 400),
        ({"q": "Hallo", "source": "auto", "target": "ku"}, 400),
        ({"q": 5, "source": "de", "target": "ku"}, 400),
        ({"q": [], "source": "de", "target": "ku"}, 400),
        ({"source": "de", "target": "ku"}, 400),
        (["not", "an", "object"], 400),
        ({"q": "x" * 5001, "source": "de", "target": "ku"}, 413),
    ],
)
async def test_bad_requests_get_a_clear_answer(nllb: FakeNllb, body: object, status: int) -> None:
    async with httpx.AsyncClient(base_url=nllb.url) as client:
        answer = await client.post("/translate", json=body)
    assert answer.status_code == status and answer.json()["error"]
    assert not nllb.backend.batches  # nothing reached the model


async def test_form_bodies_and_query_strings_are_refused(nllb: FakeNllb) -> None:
    async with httpx.AsyncClient(base_url=nllb.url) as client:
        form = await client.post("/translate", data={"q": "Hallo", "source": "de", "target": "ku"})
        query = await client.post("/translate?q=Hallo&source=de&target=ku")
    assert form.status_code == 415 and query.status_code == 415


async def test_a_failing_model_answers_500_without_the_text(nllb: FakeNllb) -> None:
    nllb.backend.fail_next = 1
    async with httpx.AsyncClient(base_url=nllb.url) as client:
        failed = await client.post(
            "/translate", json={"q": "Passnummer C01X00T47", "source": "de", "target": "ku"}
        )
        again = await client.post("/translate", json={"q": "Hallo", "source": "de", "target": "ku"})
    assert failed.status_code == 500 and "C01X00T47" not in failed.text
    assert again.json() == {"translatedText": "[kmr_Latn] Hallo"}


async def test_not_ready_until_the_model_is_there() -> None:
    with FakeNllb(loads_after=3, retry_seconds=0.1) as server:
        async with httpx.AsyncClient(base_url=server.url) as client:
            assert (await client.get("/healthz")).status_code == 200
            assert (await client.get("/readyz")).status_code == 503
            early = await client.post(
                "/translate", json={"q": "Hallo", "source": "de", "target": "ku"}
            )
            assert early.status_code == 503 and early.headers["Retry-After"]
            deadline = time.monotonic() + 5
            while (await client.get("/readyz")).status_code != 200:
                assert time.monotonic() < deadline, "the model never became ready"
                await asyncio.sleep(0.05)
            assert server.load_attempts == 4
            late = await client.post(
                "/translate", json={"q": "Hallo", "source": "de", "target": "ku"}
            )
            assert late.json() == {"translatedText": "[kmr_Latn] Hallo"}


def test_the_kubernetes_manifest_matches_the_service() -> None:
    docs = list(yaml.safe_load_all((PROJECT_ROOT / "deploy/k8s/nllb.yaml").read_text()))
    kinds = {d["kind"]: d for d in docs}
    assert set(kinds) == {"PersistentVolumeClaim", "Deployment", "Service"}
    pod = kinds["Deployment"]["spec"]["template"]["spec"]
    [container] = pod["containers"]
    port = container["ports"][0]["containerPort"]
    assert container["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": port}
    assert container["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": port}
    env = {e["name"]: e["value"] for e in container["env"]}
    assert env["NLLB_LISTEN"].endswith(f":{port}")
    [mount] = container["volumeMounts"]
    assert env["NLLB_MODEL_DIR"].startswith(mount["mountPath"])
    claim = kinds["PersistentVolumeClaim"]["metadata"]["name"]
    assert {"name": mount["name"], "persistentVolumeClaim": {"claimName": claim}} in pod["volumes"]
    assert kinds["Service"]["spec"]["ports"][0]["targetPort"] == port
    # The bot reaches it where docker-compose does too.
    compose = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text())
    assert compose["services"]["worker"]["environment"]["NLLB_URL"] == f"http://nllb:{port}/"
    assert kinds["Service"]["metadata"]["name"] == "nllb"


def test_service_and_conversion_pin_the_same_ctranslate2() -> None:
    def pins(name: str) -> dict[str, str]:
        lines = (PROJECT_ROOT / "deploy" / "nllb" / name).read_text().splitlines()
        return dict(line.split(" ")[0].split("==") for line in lines if "==" in line[:60])

    service_pins, convert_pins = pins("requirements.txt"), pins("requirements-convert.txt")
    assert service_pins["ctranslate2"] == convert_pins["ctranslate2"]
    assert service_pins["sentencepiece"] == convert_pins["sentencepiece"]
