"""The dashboard: every topic in every language at a glance, and what needs doing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot.editor.charts import stacked
from bot.editor.security import Who, page, services
from bot.languages import CODES, SOURCE_LANGUAGE
from bot.services.catalogue import StatusOverview, status_overview, worst
from bot.services.content import TOPIC_IDS, ContentSnapshot, Status
from bot.services.content_files import topic_place

#: Best first: the order of a language's bar in the coverage chart.
COVERAGE_ORDER = (Status.UP_TO_DATE, Status.MACHINE_TRANSLATED, Status.OUTDATED, Status.MISSING)


@dataclass(frozen=True)
class Cell:
    """One topic in one language on the dashboard."""

    lang: str
    status: Status
    draft: bool
    href: str


@dataclass(frozen=True)
class TopicRow:
    """One topic's row."""

    id: str
    title: str
    cells: tuple[Cell, ...]


def _review_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class FaqRow:
    """One frequent question: its text and its status per language."""

    id: str
    question: str
    statuses: dict[str, Status]


@dataclass(frozen=True)
class FaqGroup:
    """A topic's frequent questions, with the worst status per language."""

    topic: str
    title: str
    worst: dict[str, Status]
    rows: tuple[FaqRow, ...]


def _faq_groups(view_snapshot: ContentSnapshot, overview: StatusOverview) -> list[FaqGroup]:
    faqs = view_snapshot.faqs
    groups: dict[str, list[FaqRow]] = {}
    for question_id, statuses in overview.faqs.items():
        faq = faqs.sources.get(question_id)
        question = faq.question if faq is not None else question_id
        groups.setdefault(question_id.split("/", 1)[0], []).append(
            FaqRow(question_id, question, statuses)
        )
    result = []
    for topic, rows in groups.items():
        topic_source = view_snapshot.sources.get(topic)
        result.append(
            FaqGroup(
                topic,
                topic_source.title if topic_source else topic,
                {lang: worst(r.statuses[lang] for r in rows) for lang in overview.langs},
                tuple(rows),
            )
        )
    return sorted(result, key=lambda g: TOPIC_IDS.index(g.topic) if g.topic in TOPIC_IDS else 99)


@page()
async def dashboard(request: Request, current: Who) -> Response:
    """Status table, coverage chart, unverified facts, overdue reviews, to-dos."""
    svc = services(request)
    view = await svc.workspace.view()
    snapshot = view.snapshot
    overview = status_overview(snapshot, view.catalogues, CODES)
    rows = []
    for topic_id in TOPIC_IDS:
        source = snapshot.sources.get(topic_id)
        cells = tuple(
            Cell(
                lang,
                overview.topics[topic_id][lang],
                topic_place(topic_id, lang) in view.drafts,
                f"/topics/{topic_id}" if lang == SOURCE_LANGUAGE else f"/topics/{topic_id}/{lang}",
            )
            for lang in CODES
        )
        rows.append(TopicRow(topic_id, source.title if source else topic_id, cells))
    coverage, coverage_height = stacked(
        [
            (
                lang,
                [
                    (s.value, sum(1 for t in TOPIC_IDS if overview.topics[t][lang] is s))
                    for s in COVERAGE_ORDER
                ],
            )
            for lang in CODES
            if lang != SOURCE_LANGUAGE
        ]
    )
    today = datetime.fromtimestamp(svc.clock(), tz=UTC).date()
    unverified = [
        (topic_id, snapshot.sources[topic_id].title, snapshot.sources[topic_id].unverified_facts)
        for topic_id in TOPIC_IDS
        if topic_id in snapshot.sources and snapshot.sources[topic_id].unverified_facts
    ]
    booking_unverified = snapshot.booking.unverified_facts if snapshot.booking else []
    overdue = []
    for topic_id in TOPIC_IDS:
        source = snapshot.sources.get(topic_id)
        due = _review_day(source.review_date if source else None)
        if source is not None and (due is None or due <= today):
            overdue.append((topic_id, source.title, due))
    faq_unverified = [
        (question_id, faq.question, faq.unverified_facts)
        for question_id, faq in snapshot.faqs.sources.items()
        if faq.unverified_facts
    ]
    for question_id, faq in snapshot.faqs.sources.items():
        due = _review_day(faq.review_date)
        if due is not None and due <= today:
            overdue.append((question_id, faq.question, due))
    feedback = await svc.feedback.counts()
    counts = overview.counts()
    return svc.render(
        request,
        current,
        "dashboard.html",
        nav="dashboard",
        rows=rows,
        overview=overview,
        counts=counts,
        coverage=coverage,
        coverage_height=coverage_height,
        unverified=unverified,
        booking_unverified=booking_unverified,
        overdue=overdue,
        today=today,
        drafts=view.drafts,
        blocking=view.blocking,
        todos=await svc.questions.todos(),
        faq_groups=_faq_groups(snapshot, overview),
        faq_counts=overview.faq_counts(),
        faq_unverified=faq_unverified,
        feedback=[c for c in feedback if c.down][:12],
        comments=await svc.feedback.comments(10),
        retention_days=svc.settings.analytics_retention_days,
        Status=Status,
        source_lang=SOURCE_LANGUAGE,
    )


def routes() -> list[BaseRoute]:
    """The dashboard."""
    return [Route("/", dashboard, methods=["GET"], name="dashboard")]
