"""Editing an answer: the German source, and each translation beside it.

The German page shows title, question and options, the body of each variant, the facts with
their verified flag and source, the sources and the review date; "Vorschau" renders what
Telegram will show and the checks of ``lotse content validate`` without saving; "Speichern"
keeps a draft (refused while the checks find errors). A *minor edit* (a typo) records the old
text's hash in ``minor_edit_of``, so the translations stay current.

The translation page shows the German beside the translation, and for an OUTDATED translation
what changed in the German since it was made (from the source history); it machine-translates
a draft through the configured translator and glossary, and reviewers of the language mark it
reviewed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from bot.editor.security import Refused, Who, action, flash, page, services
from bot.i18n import bidi
from bot.languages import BY_CODE, CODES, SOURCE_LANGUAGE
from bot.render import answer_html
from bot.services.accounts import Permission
from bot.services.content import (
    TOPIC_IDS,
    ContentError,
    Problem,
    Status,
    TopicSource,
    TopicText,
    split_front_matter,
)
from bot.services.content_files import ordered_meta, render_topic, topic_place
from bot.services.content_history import SourceText, diff_sources
from bot.services.translator import TranslationFailed
from bot.services.workspace import View, apply_drafts, parse_draft

SOURCE_ORDER = ("id", "title", "ask", "options", "review_date", "minor_edit_of", "sources", "facts")
TRANSLATION_ORDER = (
    "id",
    "lang",
    "source_hash",
    "machine_translated",
    "reviewed",
    "title",
    "ask",
    "options",
)
EXTRA_FACT_ROWS = 2


@dataclass
class TopicForm:
    """The values of a topic form (German or a translation)."""

    title: str = ""
    ask: str = ""
    options: dict[str, str] = field(default_factory=dict)
    body: dict[str, str] = field(default_factory=dict)
    facts: list[dict[str, Any]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    review_date: str = ""
    minor: bool = False


def _topic_id(request: Request) -> str:
    topic_id = str(request.path_params["topic_id"])
    if topic_id not in TOPIC_IDS:
        raise Refused(404, "not-found")
    return topic_id


def _lang(request: Request) -> str:
    lang = str(request.path_params["lang"])
    if lang not in CODES or lang == SOURCE_LANGUAGE:
        raise Refused(404, "not-found")
    return lang


def _form_of(topic: TopicText | None) -> TopicForm:
    if topic is None:
        return TopicForm()
    form = TopicForm(
        title=topic.title,
        ask=topic.ask or "",
        options=dict(topic.options),
        body=dict(topic.body),
    )
    if isinstance(topic, TopicSource):
        form.facts = [dict(f) for f in topic.facts]
        form.sources = list(topic.sources)
        form.review_date = topic.review_date or ""
    return form


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return str(value).replace("\r\n", "\n").strip() if isinstance(value, str) else ""


def _posted(form: FormData, source: TopicSource, *, german: bool) -> TopicForm:
    """The form's values, shaped like the German source (its options and variants)."""
    result = TopicForm(
        title=_text(form, "title"),
        ask=_text(form, "ask") if source.ask else "",
        options={key: _text(form, f"option:{key}") for key in source.options},
        body={variant: _text(form, f"body:{variant}") for variant in source.body},
    )
    if german:
        count = int(_text(form, "fact-count") or 0)
        for i in range(min(count, 200) + EXTRA_FACT_ROWS):
            claim = _text(form, f"fact-claim-{i}")
            if not claim:
                continue
            fact: dict[str, Any] = {
                "claim": claim,
                "verified": form.get(f"fact-verified-{i}") == "1",
            }
            origin = _text(form, f"fact-source-{i}")
            if origin:
                fact["source"] = origin
            result.facts.append(fact)
        result.sources = [
            line.strip() for line in _text(form, "sources").splitlines() if line.strip()
        ]
        result.review_date = _text(form, "review_date")
        result.minor = form.get("minor") == "1"
    return result


def _meta_of(text: str | None, place: str) -> dict[str, Any]:
    if text is None:
        return {}
    try:
        return split_front_matter(text, Path(place))[0]
    except ContentError:
        return {}


def _referenced(view: View, topic_id: str) -> set[str]:
    """The source hashes the translations of a topic were made from."""
    return {
        texts[topic_id].source_hash
        for texts in view.snapshot.translations.values()
        if topic_id in texts
    }


def source_file(meta: Mapping[str, Any], form: TopicForm, old: TopicSource, view: View) -> str:
    """The German source file for the form's values (the front matter's other fields kept)."""
    new_meta: dict[str, Any] = dict(meta)
    new_meta.update(id=old.id, title=form.title)
    if old.ask:
        new_meta["ask"] = form.ask
    if old.options:
        new_meta["options"] = dict(form.options)
    new_meta["facts"] = form.facts
    new_meta["sources"] = form.sources
    if form.review_date:
        try:
            new_meta["review_date"] = date.fromisoformat(form.review_date)
        except ValueError:
            new_meta["review_date"] = form.review_date
    else:
        new_meta.pop("review_date", None)
    new_meta.pop("minor_edit_of", None)
    text = render_topic(ordered_meta(new_meta, SOURCE_ORDER), form.body)
    draft = parse_draft(topic_place(old.id, SOURCE_LANGUAGE), text)
    assert isinstance(draft, TopicSource)
    if draft.source_hash == old.source_hash:
        spared = list(old.minor_edit_of)  # nothing a translator translates changed
    elif form.minor:
        # Translations made from the text before (or before earlier minor edits) stay current.
        spared = [*old.minor_edit_of, old.source_hash]
    else:
        spared = []  # the meaning changed: every translation is OUTDATED
    referenced = _referenced(view, old.id)
    spared = [h for h in dict.fromkeys(spared) if h in referenced]
    if spared:
        new_meta["minor_edit_of"] = spared
        text = render_topic(ordered_meta(new_meta, SOURCE_ORDER), form.body)
    return text


def translation_file(
    meta: Mapping[str, Any],
    text: TopicForm,
    source: TopicSource,
    lang: str,
    *,
    machine_translated: bool,
    reviewed: bool,
) -> str:
    """A translation file made from the current German source."""
    new_meta: dict[str, Any] = dict(meta)
    new_meta.update(
        id=source.id,
        lang=lang,
        source_hash=source.source_hash,
        machine_translated=machine_translated,
        reviewed=reviewed,
        title=text.title,
    )
    if source.ask:
        new_meta["ask"] = text.ask
    else:
        new_meta.pop("ask", None)
    if source.options:
        new_meta["options"] = dict(text.options)
    else:
        new_meta.pop("options", None)
    return render_topic(ordered_meta(new_meta, TRANSLATION_ORDER), text.body)


@dataclass(frozen=True)
class Bubble:
    """One message as Telegram will show it."""

    label: str
    html: str


def previews(form: TopicForm, lang: str) -> list[Bubble]:
    """The question (when the topic asks one) and each variant's answer, as the bot sends them."""
    bubbles = []
    if form.ask:
        from html import escape

        question = f"<b>{escape(form.title, quote=False)}</b>\n\n{escape(form.ask, quote=False)}"
        bubbles.append(Bubble("question", bidi(lang, question)))
    for variant, body in form.body.items():
        bubbles.append(Bubble(variant, bidi(lang, answer_html(form.title, body))))
    return bubbles


def _check(view: View, place: str, text: str, topic_id: str) -> tuple[list[Problem], list[str]]:
    """The problems of a file if it were saved, and the languages it would make OUTDATED."""
    snapshot = apply_drafts(view.snapshot, {place: text}, Path(), Path())
    problems = [p for p in snapshot.validate() if p.where == place]
    outdated = [
        lang
        for lang in CODES
        if lang != SOURCE_LANGUAGE
        and view.snapshot.status(topic_id, lang) is not Status.OUTDATED
        and snapshot.status(topic_id, lang) is Status.OUTDATED
    ]
    return problems, outdated


# -- the German source ----------------------------------------------------------------------------


async def _source_page(
    request: Request,
    current: Who,
    topic_id: str,
    form: TopicForm | None = None,
    *,
    status: int = 200,
    problems: list[Problem] | None = None,
    outdated: list[str] | None = None,
    previewed: bool = False,
) -> Response:
    svc = services(request)
    view = await svc.workspace.view()
    place = topic_place(topic_id, SOURCE_LANGUAGE)
    source = view.snapshot.sources.get(topic_id)
    if source is None:
        raise Refused(404, "not-found")
    form = form or _form_of(source)
    published = view.published.sources.get(topic_id)
    changes = (
        diff_sources(SourceText.of(published), SourceText.of(source))
        if published is not None and place in view.drafts
        else []
    )
    langs = [
        (lang, view.snapshot.status(topic_id, lang), topic_place(topic_id, lang) in view.drafts)
        for lang in CODES
        if lang != SOURCE_LANGUAGE
    ]
    return svc.render(
        request,
        current,
        "topic.html",
        status,
        nav="dashboard",
        topic_id=topic_id,
        source=source,
        form=form,
        bubbles=previews(form, SOURCE_LANGUAGE),
        problems=view.problems_of(place) if problems is None else problems,
        outdated=outdated or [],
        previewed=previewed,
        draft=view.drafts.get(place),
        changes=changes,
        translations=langs,
        extra_rows=EXTRA_FACT_ROWS,
    )


@page()
async def source_page(request: Request, current: Who) -> Response:
    """The German source of a topic, ready to edit."""
    return await _source_page(request, current, _topic_id(request))


@action(Permission.EDIT)
async def source_post(request: Request, current: Who, form: FormData) -> Response:
    """Preview, save or discard the German source."""
    svc = services(request)
    topic_id = _topic_id(request)
    place = topic_place(topic_id, SOURCE_LANGUAGE)
    view = await svc.workspace.view()
    old = view.snapshot.sources.get(topic_id)
    if old is None:
        raise Refused(404, "not-found")
    todo = str(form.get("do") or "preview")
    if todo == "discard":
        if await svc.workspace.discard(place):
            await svc.audit.record(current.name, "discard", place)
            flash(request, "ok", svc.words.t("draft-discarded"))
        return RedirectResponse(f"/topics/{topic_id}", 303)
    values = _posted(form, old, german=True)
    meta = _meta_of(await svc.workspace.text(place), place)
    try:
        text = source_file(meta, values, old, view)
    except ContentError as exc:
        return await _source_page(
            request, current, topic_id, values, status=400, problems=[Problem(place, str(exc))]
        )
    problems, outdated = _check(view, place, text, topic_id)
    if todo == "save":
        if any(p.blocking for p in problems):
            flash(request, "error", svc.words.t("draft-not-saved"))
            return await _source_page(
                request,
                current,
                topic_id,
                values,
                status=400,
                problems=problems,
                outdated=outdated,
                previewed=True,
            )
        await svc.workspace.save(place, text, current.name)
        detail = "minor" if values.minor else f"outdated:{','.join(outdated)}"
        await svc.audit.record(current.name, "save", place, detail)
        flash(
            request,
            "ok",
            svc.words.t("draft-saved-source", outdated=len(outdated))
            if not values.minor
            else svc.words.t("draft-saved-minor"),
        )
        return RedirectResponse(f"/topics/{topic_id}", 303)
    return await _source_page(
        request, current, topic_id, values, problems=problems, outdated=outdated, previewed=True
    )


# -- translations ---------------------------------------------------------------------------------


async def _translation_page(
    request: Request,
    current: Who,
    topic_id: str,
    lang: str,
    form: TopicForm | None = None,
    *,
    status: int = 200,
    problems: list[Problem] | None = None,
    previewed: bool = False,
) -> Response:
    svc = services(request)
    view = await svc.workspace.view()
    place = topic_place(topic_id, lang)
    source = view.snapshot.sources.get(topic_id)
    if source is None:
        raise Refused(404, "not-found")
    translation = view.snapshot.translations.get(lang, {}).get(topic_id)
    state = view.snapshot.status(topic_id, lang)
    changes = []
    history_known = True
    if state is Status.OUTDATED and translation is not None:
        old = await svc.history.get(topic_id, translation.source_hash)
        if old is None:
            history_known = False
        else:
            changes = diff_sources(old, SourceText.of(source))
    form = form or _form_of(translation)
    for key in source.options:
        form.options.setdefault(key, "")
    for variant in source.body:
        form.body.setdefault(variant, "")
    return svc.render(
        request,
        current,
        "translation.html",
        status,
        nav="dashboard",
        topic_id=topic_id,
        lang=lang,
        language=BY_CODE[lang],
        source=source,
        source_form=_form_of(source),
        source_bubbles=previews(_form_of(source), SOURCE_LANGUAGE),
        translation=translation,
        state=state,
        form=form,
        bubbles=previews(form, lang),
        changes=changes,
        history_known=history_known,
        problems=view.problems_of(place) if problems is None else problems,
        previewed=previewed,
        draft=view.drafts.get(place),
        can_review=current.account.can_review(lang),
        can_translate=svc.localizer is not None,
    )


@page()
async def translation_page(request: Request, current: Who) -> Response:
    """A translation beside its German source."""
    return await _translation_page(request, current, _topic_id(request), _lang(request))


@action(Permission.EDIT)
async def translation_post(request: Request, current: Who, form: FormData) -> Response:
    """Preview, save or discard a translation."""
    svc = services(request)
    topic_id, lang = _topic_id(request), _lang(request)
    place = topic_place(topic_id, lang)
    back = f"/topics/{topic_id}/{lang}"
    view = await svc.workspace.view()
    source = view.snapshot.sources.get(topic_id)
    if source is None:
        raise Refused(404, "not-found")
    todo = str(form.get("do") or "preview")
    if todo == "discard":
        if await svc.workspace.discard(place):
            await svc.audit.record(current.name, "discard", place)
            flash(request, "ok", svc.words.t("draft-discarded"))
        return RedirectResponse(back, 303)
    values = _posted(form, source, german=False)
    old = view.snapshot.translations.get(lang, {}).get(topic_id)
    meta = _meta_of(await svc.workspace.text(place), place)
    text = translation_file(
        meta,
        values,
        source,
        lang,
        machine_translated=old.machine_translated if old is not None else False,
        reviewed=False,
    )
    problems, _ = _check(view, place, text, topic_id)
    if todo == "save":
        if any(p.blocking for p in problems):
            flash(request, "error", svc.words.t("draft-not-saved"))
            return await _translation_page(
                request,
                current,
                topic_id,
                lang,
                values,
                status=400,
                problems=problems,
                previewed=True,
            )
        await svc.workspace.save(place, text, current.name)
        await svc.audit.record(current.name, "save", place)
        flash(request, "ok", svc.words.t("draft-saved-translation"))
        return RedirectResponse(back, 303)
    return await _translation_page(
        request, current, topic_id, lang, values, problems=problems, previewed=True
    )


@action(Permission.EDIT)
async def machine_translate(request: Request, current: Who, form: FormData) -> Response:
    """A machine-made draft of the translation, from the current German (not reviewed)."""
    svc = services(request)
    topic_id, lang = _topic_id(request), _lang(request)
    place = topic_place(topic_id, lang)
    back = f"/topics/{topic_id}/{lang}"
    if svc.localizer is None:
        flash(request, "error", svc.words.t("translate-none"))
        return RedirectResponse(back, 303)
    view = await svc.workspace.view()
    source = view.snapshot.sources[topic_id]
    try:
        made = await svc.localizer.translate_source(source, lang)
    except TranslationFailed:
        flash(request, "error", svc.words.t("translate-failed"))
        return RedirectResponse(back, 303)
    meta = _meta_of(await svc.workspace.text(place), place)
    text = translation_file(
        meta, _form_of(made), source, lang, machine_translated=True, reviewed=False
    )
    await svc.workspace.save(place, text, current.name)
    await svc.audit.record(current.name, "machine-translate", place)
    flash(request, "ok", svc.words.t("translate-done"))
    return RedirectResponse(back, 303)


@action(Permission.REVIEW)
async def review(request: Request, current: Who, form: FormData) -> Response:
    """Marks the translation reviewed by a person who reads the language."""
    svc = services(request)
    topic_id, lang = _topic_id(request), _lang(request)
    if not current.account.can_review(lang):
        raise Refused(403, "review-language", language=BY_CODE[lang].native_name)
    place = topic_place(topic_id, lang)
    back = f"/topics/{topic_id}/{lang}"
    view = await svc.workspace.view()
    source = view.snapshot.sources[topic_id]
    translation = view.snapshot.translations.get(lang, {}).get(topic_id)
    state = view.snapshot.status(topic_id, lang)
    if translation is None or state in (Status.MISSING, Status.OUTDATED):
        flash(request, "error", svc.words.t("review-not-current"))
        return RedirectResponse(back, 303)
    meta = _meta_of(await svc.workspace.text(place), place)
    text = translation_file(
        meta, _form_of(translation), source, lang, machine_translated=False, reviewed=True
    )
    problems, _ = _check(view, place, text, topic_id)
    if any(p.blocking for p in problems):
        flash(request, "error", svc.words.t("review-has-errors"))
        return RedirectResponse(back, 303)
    await svc.workspace.save(place, text, current.name)
    await svc.audit.record(current.name, "review", place)
    flash(request, "ok", svc.words.t("review-done"))
    return RedirectResponse(back, 303)


def routes() -> list[BaseRoute]:
    """German sources and translations."""
    return [
        Route("/topics/{topic_id}", source_page, methods=["GET"]),
        Route("/topics/{topic_id}", source_post, methods=["POST"]),
        Route("/topics/{topic_id}/{lang}", translation_page, methods=["GET"]),
        Route("/topics/{topic_id}/{lang}", translation_post, methods=["POST"]),
        Route("/topics/{topic_id}/{lang}/machine", machine_translate, methods=["POST"]),
        Route("/topics/{topic_id}/{lang}/review", review, methods=["POST"]),
    ]
