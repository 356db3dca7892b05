"""Generated blocks of the strategy's pages: pure functions of the model and a language.

Each block is Markdown (for headings that belong in the table of contents) and
HTML (for tables and cards); every value is escaped for the format it lands in.
A page asks for a block with a marker line such as ``<!-- strategy:actions -->``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .catalogue import translate
from .charts import progress_chart, status_counts
from .calendar import calendar_path
from .consultation import ANALYSING, NOT_OPEN, OPEN, WALES, mailto
from .dates import event_when, long_date, long_datetime
from .escape import html_text, markdown_inline
from .exports import CSV_COLUMNS
from .feeds import MEDIA_TYPES, feed_paths
from .markers import MARKER, MISSION_POST_BLOCKS
from .model import Action, Mission, Post
from .plan_diff import ADDED, REMOVED, REWORDED, STATUS, compare
from .proofing_report import summary as proofing_summary
from .publication import SERIES_KINDS, Publication
from .translation import translation_report
from .urls import LANGUAGE_FOLDERS, page_url, relative_url

ARCHIVE_PAGE_SIZE = 20
EXPORT_FILES = {"json": "data/delivery-plan.json", "csv": "data/delivery-plan.csv",
                "schema": "data/delivery-plan.schema.json"}


@dataclass(frozen=True)
class Page:
    """The page a block is placed on."""

    publication: Publication
    language: str
    url: str  # site-root relative, such as 'cy/posts/missions/digital-skills/'
    post: Post | None = None

    def t(self, key: str, **values) -> str:
        return translate(key, self.language, **values)

    def text(self, bilingual) -> str:
        return bilingual.in_language(self.language)

    def link_to(self, path: str) -> str:
        return relative_url(self.url, page_url(path, self.language))

    def link_to_file(self, site_path: str) -> str:
        return relative_url(self.url, site_path)


def _block(*parts: str) -> str:
    """Raw HTML and Markdown parts, each a block of its own."""
    return "\n\n" + "\n\n".join(parts) + "\n\n"


def _table(caption: str, headers: list[str], rows: list[str], classes: str = "") -> str:
    """A scrollable, captioned table; keyboard users can scroll it (it takes focus)."""
    head = "".join(f'<th scope="col">{html_text(header)}</th>' for header in headers)
    return (f'<div class="strategy-table-wrap" role="region" tabindex="0" aria-label="{html_text(caption)}">'
            f'<table class="strategy-table {classes}"><caption>{html_text(caption)}</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


def _status(action: Action, page: Page) -> str:
    return (f'<span class="strategy-status strategy-status--{action.status}">'
            f'{html_text(page.t("status." + action.status))}</span>')


# --- the mission index -------------------------------------------------------


def mission_index(page: Page) -> str:
    cards = []
    for mission in page.publication.content.plan.missions:
        post = page.publication.mission_post(mission.id)
        title = html_text(page.text(mission.title))
        if post:
            title = f'<a href="{html_text(page.link_to(post.path))}">{title}</a>'
            published = f'<time datetime="{post.date.isoformat()}">{html_text(long_date(post.date, page.language))}</time>'
        else:
            published = f'<span class="strategy-coming-soon">{html_text(page.t("coming_soon"))}</span>'
        counts = status_counts(mission)
        facts = [
            (page.t("missions.published"), published),
            (page.t("missions.outcomes"), str(len(mission.outcomes))),
            (page.t("missions.actions"), str(len(mission.actions))),
            (page.t("missions.progress"), html_text(page.t("progress.summary", complete=counts["complete"],
                                                           total=len(mission.actions)))),
        ]
        facts_html = "".join(f"<div><dt>{html_text(term)}</dt><dd>{value}</dd></div>" for term, value in facts)
        cards.append(
            f'<li class="strategy-mission-card" id="mission-{mission.id}">'
            f'<p class="strategy-mission-card__number">{html_text(page.t("mission_number", number=mission.number))}</p>'
            f'<h3 class="strategy-mission-card__title">{title}</h3>'
            f'<p class="strategy-mission-card__aim">{html_text(page.text(mission.aim))}</p>'
            f'<dl class="strategy-mission-card__facts">{facts_html}</dl></li>'
        )
    return _block(f'<ul class="strategy-missions">{"".join(cards)}</ul>')


# --- a mission's outcomes and actions ----------------------------------------


def _mission_of(page: Page) -> Mission:
    return page.publication.content.plan.mission(page.post.mission_id)


def outcomes_table(page: Page, mission: Mission | None = None) -> str:
    mission = mission or _mission_of(page)
    rows = []
    for number, outcome in enumerate(mission.outcomes, start=1):
        towards = sum(outcome.id in action.outcome_ids for action in mission.actions)
        rows.append(f"<tr><td>{number}</td><th scope=\"row\">{html_text(page.text(outcome.text))}</th>"
                    f"<td>{towards}</td></tr>")
    caption = page.t("outcomes.caption", number=mission.number, title=page.text(mission.title))
    headers = [page.t("outcomes.column.number"), page.t("outcomes.column.outcome"), page.t("outcomes.column.actions")]
    return _block(f"## {markdown_inline(page.t('outcomes.heading'))} {{#outcomes}}",
                  _table(caption, headers, rows, "strategy-table--outcomes"))


def _action_rows(actions, page: Page) -> list[str]:
    rows = []
    for action in actions:
        latest = ""
        if action.progress:
            note = max(action.progress, key=lambda n: n.date)
            latest = (f'<p class="strategy-progress-note">'
                      f'{html_text(page.t("actions.latest_progress", date=long_date(note.date, page.language)))} '
                      f'{html_text(page.text(note.note))}</p>')
        rows.append(
            f'<tr data-owner="{html_text(action.owner.id)}" data-status="{action.status}">'
            f'<th scope="row">{html_text(page.text(action.text))}{latest}</th>'
            f'<td>{html_text(page.text(action.owner.name))}</td>'
            f'<td>{html_text(page.t("timescale." + action.timescale))}</td>'
            f'<td>{_status(action, page)}</td>'
            f'<td><time datetime="{action.updated.isoformat()}">{html_text(long_date(action.updated, page.language))}</time></td>'
            f'</tr>'
        )
    return rows


def _actions_table(mission: Mission, page: Page) -> str:
    caption = page.t("actions.caption", number=mission.number, title=page.text(mission.title))
    headers = [page.t(f"actions.column.{name}") for name in ("action", "owner", "timescale", "status", "updated")]
    return _table(caption, headers, _action_rows(mission.actions, page), "strategy-table--actions")


def actions_table(page: Page) -> str:
    mission = _mission_of(page)
    return _block(f"## {markdown_inline(page.t('actions.heading'))} {{#actions}}", _actions_table(mission, page))


# --- the delivery plan -------------------------------------------------------


def _filter_form(page: Page) -> str:
    """Filters for readers with JavaScript; without it the form stays hidden and every table shows."""
    plan = page.publication.content.plan
    any_option = f'<option value="">{html_text(page.t("plan.filter.any"))}</option>'
    owners = "".join(f'<option value="{html_text(o.id)}">{html_text(page.text(o.name))}</option>' for o in plan.owners)
    statuses = "".join(f'<option value="{s}">{html_text(page.t("status." + s))}</option>'
                       for s in ("not-started", "in-progress", "delayed", "complete"))
    total = sum(len(m.actions) for m in plan.missions)
    return (
        f'<form class="strategy-filter" data-strategy-filter hidden '
        f'data-shown-template="{html_text(page.t("plan.filter.shown", shown="{shown}", total=total))}">'
        f'<fieldset><legend>{html_text(page.t("plan.filter.heading"))}</legend>'
        f'<label for="filter-owner">{html_text(page.t("plan.filter.owner"))}</label>'
        f'<select id="filter-owner" name="owner">{any_option}{owners}</select>'
        f'<label for="filter-status">{html_text(page.t("plan.filter.status"))}</label>'
        f'<select id="filter-status" name="status">{any_option}{statuses}</select>'
        f'</fieldset><p class="strategy-filter__count" role="status"></p></form>'
    )


def open_data(page: Page) -> str:
    links = "".join(
        f'<li><a href="{html_text(page.link_to_file(EXPORT_FILES[kind]))}">{html_text(page.t("opendata." + kind))}</a></li>'
        for kind in ("json", "csv", "schema")
    )
    rows = [f"<tr><th scope=\"row\"><code>{column}</code></th><td>{html_text(page.t('csv.' + column))}</td></tr>"
            for column in CSV_COLUMNS]
    columns = _table(page.t("opendata.columns_caption"), [page.t("opendata.column"), page.t("opendata.meaning")], rows)
    return (f'<p>{html_text(page.t("opendata.intro"))}</p><ul class="strategy-open-data">{links}</ul>'
            f'{columns}<p>{html_text(page.t("opendata.formula_note"))}</p>')


def delivery_plan(page: Page) -> str:
    parts = [_filter_form(page)]
    for mission in page.publication.content.plan.missions:
        heading = page.t("plan.mission_heading", number=mission.number, title=page.text(mission.title))
        parts.append(f"## {markdown_inline(heading)} {{#{mission.id}}}")
        post = page.publication.mission_post(mission.id)
        if post:
            read = page.t("plan.read_mission", title=page.text(mission.title))
            parts.append(f'<p><a href="{html_text(page.link_to(post.path))}">{html_text(read)}</a></p>')
        parts.append(progress_chart(mission, page.language))
        parts.append(_actions_table(mission, page))
        parts.append(f'<p class="strategy-filter__none" hidden>{html_text(page.t("plan.no_matching_actions"))}</p>')
    parts.append(f"## {markdown_inline(page.t('opendata.heading'))} {{#open-data}}")
    parts.append(open_data(page))
    return _block(*parts)  # the plan's history is at the foot of the page (see views.page_view)


# --- the well-being matrix ---------------------------------------------------

GOALS = ("prosperous", "resilient", "healthier", "more-equal", "cohesive-communities", "vibrant-culture",
         "globally-responsible")
WAYS_OF_WORKING = ("long-term", "prevention", "integration", "collaboration", "involvement")


def _matrix(page: Page, caption_key: str, prefix: str, keys: tuple[str, ...], chosen) -> str:
    yes = f'<span aria-hidden="true">●</span><span class="strategy-visually-hidden">{html_text(page.t("answer.yes"))}</span>'
    no = f'<span class="strategy-visually-hidden">{html_text(page.t("answer.no"))}</span>'
    rows = []
    for mission in page.publication.content.plan.missions:
        name = html_text(page.t("plan.mission_heading", number=mission.number, title=page.text(mission.title)))
        post = page.publication.mission_post(mission.id)
        if post:
            name = f'<a href="{html_text(page.link_to(post.path))}">{name}</a>'
        cells = "".join(f"<td>{yes if key in chosen(mission) else no}</td>" for key in keys)
        rows.append(f'<tr><th scope="row">{name}</th>{cells}</tr>')
    headers = [page.t("matrix.mission")] + [page.t(f"{prefix}.{key}") for key in keys]
    return _table(page.t(caption_key), headers, rows, "strategy-table--matrix")


def wellbeing_matrix(page: Page) -> str:
    return _block(
        _matrix(page, "matrix.goals_caption", "goal", GOALS, lambda m: m.wellbeing_goals),
        _matrix(page, "matrix.ways_caption", "way", WAYS_OF_WORKING, lambda m: m.ways_of_working),
    )


# --- the archive -------------------------------------------------------------


def archive_page_count(publication: Publication) -> int:
    return max(1, -(-len(publication.posts) // ARCHIVE_PAGE_SIZE))


def archive_page_path(number: int) -> str:
    """Page 1 is archive.md itself; later pages are generated at archive/page/N."""
    return "archive.md" if number == 1 else f"archive/page/{number}.md"


def archive(page: Page, number: int = 1) -> str:
    newest_first = list(reversed(page.publication.posts))
    pages = archive_page_count(page.publication)
    shown = newest_first[(number - 1) * ARCHIVE_PAGE_SIZE: number * ARCHIVE_PAGE_SIZE]
    items = []
    for post in shown:
        if post.kind == "mission":
            kind = page.t("mission_number", number=page.publication.content.plan.mission(post.mission_id).number)
        else:
            kind = page.t(f"kind.{post.kind}")
        summary = f'<p>{html_text(page.text(post.summary))}</p>' if post.summary else ""
        items.append(
            f'<li class="strategy-archive__item">'
            f'<p class="strategy-archive__meta"><time datetime="{post.date.isoformat()}">'
            f'{html_text(long_date(post.date, page.language))}</time> · {html_text(kind)}</p>'
            f'<h2 class="strategy-archive__title"><a href="{html_text(page.link_to(post.path))}">'
            f'{html_text(page.text(post.title))}</a></h2>{summary}</li>'
        )
    parts = [f'<ol class="strategy-archive">{"".join(items)}</ol>']
    if pages > 1:
        links = []
        if number > 1:
            links.append(f'<a rel="prev" href="{html_text(page.link_to(archive_page_path(number - 1)))}">'
                         f'{html_text(page.t("archive.newer"))}</a>')
        links.append(f'<span aria-current="page">{html_text(page.t("archive.page_of", page=number, pages=pages))}</span>')
        if number < pages:
            links.append(f'<a rel="next" href="{html_text(page.link_to(archive_page_path(number + 1)))}">'
                         f'{html_text(page.t("archive.older"))}</a>')
        parts.append(f'<nav class="strategy-pagination" aria-label="{html_text(page.t("archive.pages_label"))}">'
                     f'{"".join(links)}</nav>')
    return _block(*parts)


# --- the latest posts from outside the series ----------------------------------

LATEST_COUNT = 3


def latest_posts(page: Page) -> str:
    """The newest showcase and event posts, for the home page."""
    latest = [post for post in reversed(page.publication.posts) if post.kind not in SERIES_KINDS][:LATEST_COUNT]
    items = "".join(
        f'<li><span class="strategy-latest__kind">{html_text(page.t(f"kind.{post.kind}"))}:</span> '
        f'<a href="{html_text(page.link_to(post.path))}">{html_text(page.text(post.title))}</a> '
        f'<time datetime="{post.date.isoformat()}">({html_text(long_date(post.date, page.language))})</time></li>'
        for post in latest
    )
    return _block(f'<ul class="strategy-latest">{items}</ul>') if items else "\n"


# --- the feeds, for the subscribe page ----------------------------------------


def feed_list(page: Page) -> str:
    rows = []
    for mission in (None, *page.publication.content.plan.missions):
        name = (page.t("feed.all_posts") if mission is None
                else page.t("plan.mission_heading", number=mission.number, title=page.text(mission.title)))
        paths = feed_paths(page.language, mission.id if mission else None)
        links = " · ".join(
            f'<a href="{html_text(page.link_to_file(path))}" type="{MEDIA_TYPES[kind]}">'
            f'{html_text(page.t("feed.format." + kind))}</a>'
            for kind, path in paths.items()
        )
        rows.append(f'<tr><th scope="row">{html_text(name)}</th><td>{links}</td></tr>')
    headers = [page.t("subscribe.feed"), page.t("subscribe.formats")]
    return _block(_table(page.t("subscribe.caption"), headers, rows, "strategy-table--feeds"))


# --- the translation status report, for editors -------------------------------


def translation_status(page: Page) -> str:
    rows = [
        f'<tr data-state="{row.state}"><th scope="row"><code>{html_text(row.file)}</code></th>'
        f'<td><code>{html_text(row.source)}</code></td><td>{html_text(page.t("translation.status." + row.state))}</td></tr>'
        for row in translation_report(page.publication.content)
    ]
    headers = [page.t(f"translation.report.{name}") for name in ("file", "source", "state")]
    return _block(_table(page.t("translation.report.caption"), headers, rows, "strategy-table--translations"))


def proofing_report(page: Page) -> str:
    report = page.publication.proofing
    if report is None:
        return _block(f"<p>{_with_code(page.t('proofing.no_report'))}</p>")
    rows = [f'<tr><th scope="row"><code>{html_text(row.file)}</code></th>'
            f'<td>{html_text(", ".join(page.t("cli.proof.language." + code) for code in row.language.split()))}</td>'
            f"<td>{row.unknown_words}</td><td>{row.missing_mutations}</td></tr>" for row in report.files]
    summary = f"<p>{html_text(proofing_summary(report, page.language))}</p>"
    if not rows:
        return _block(summary)
    headers = [page.t(f"proofing.{name}") for name in ("file", "language", "unknown_words", "missing_mutations")]
    return _block(summary, _table(page.t("proofing.caption"), headers, rows, "strategy-table--proofing"))


def _with_code(text: str) -> str:
    """A catalogue string for HTML, its `command` spans as code."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html_text(text))


# --- taking part -------------------------------------------------------------


def have_your_say(page: Page, mission: Mission | None = None) -> str:
    """How to respond to the consultation, or where it stands once it has closed."""
    consultation = page.publication.consultation
    if consultation is None:
        return "\n"
    if mission is None and page.post is not None and page.post.kind == "mission":
        mission = _mission_of(page)
    state = consultation.state(page.publication.moment)
    opens, closes = (long_datetime(consultation.opens, page.language), long_datetime(consultation.closes, page.language))
    parts = []
    if state == NOT_OPEN:
        parts.append(f"<p>{html_text(page.t('say.not_open', opens=opens, closes=closes))}</p>")
    elif state == OPEN:
        topic = (page.t("plan.mission_heading", number=mission.number, title=page.text(mission.title))
                 if mission else page.t("say.subject_general"))
        ways = []
        if consultation.email:
            link = mailto(consultation.email, page.t("say.subject", topic=topic))
            ways.append(f'<li><a href="{html_text(link)}">{html_text(page.t("say.email", address=consultation.email))}</a></li>')
        if consultation.form_url:
            ways.append(f'<li><a href="{html_text(consultation.form_url)}">{html_text(page.t("say.form"))}</a></li>')
        if consultation.postal_address:
            lines = "<br>".join(html_text(line) for line in page.text(consultation.postal_address).splitlines())
            ways.append(f'<li>{html_text(page.t("say.post"))}<address>{lines}</address></li>')
        parts += [f"<p>{html_text(page.t('say.open', closes=closes))}</p>", f'<ul class="strategy-say__ways">{"".join(ways)}</ul>',
                  f"<p>{html_text(page.t('say.what_happens'))}</p>"]
    elif state == ANALYSING:
        parts.append(f"<p>{html_text(page.t('say.analysing', closes=closes))}</p>")
    else:
        parts.append(f"<p>{html_text(page.t('say.responded', closes=closes))}</p>")
        parts.append(f'<p><a href="{html_text(consultation.response_url)}">{html_text(page.t("say.read_response"))}</a></p>')
    return _block(f"## {markdown_inline(page.t('say.heading'))} {{#have-your-say}}",
                  f'<div class="strategy-say strategy-say--{state}">{"".join(parts)}</div>')


def you_said_we_did(page: Page, mission: Mission) -> str:
    if not mission.feedback:
        return "\n"
    rows = [f'<tr><th scope="row">{html_text(page.text(item.theme))}</th><td>{html_text(page.text(item.response))}</td></tr>'
            for item in mission.feedback]
    caption = page.t("feedback.caption", number=mission.number, title=page.text(mission.title))
    return _block(f"## {markdown_inline(page.t('feedback.heading'))} {{#you-said-we-did}}",
                  _table(caption, [page.t("feedback.theme"), page.t("feedback.response")], rows, "strategy-table--feedback"))


def _event_item(post: Post, page: Page) -> str:
    where = html_text(post.event.location.in_language(page.language))
    return (f'<li class="strategy-event-item"><h3><a href="{html_text(page.link_to(post.path))}">'
            f'{html_text(page.text(post.title))}</a></h3>'
            f'<p><time datetime="{post.event.start.isoformat()}">{html_text(event_when(post, page.language))}</time> · {where}</p></li>')


def events_index(page: Page) -> str:
    """Upcoming events, soonest first, then past events, latest first (as of the build)."""
    moment = page.publication.moment
    events = [post for post in page.publication.posts if post.event]
    upcoming = sorted((p for p in events if p.event.end.replace(tzinfo=WALES) >= moment), key=lambda p: p.event.start)
    past = sorted((p for p in events if p.event.end.replace(tzinfo=WALES) < moment), key=lambda p: p.event.start, reverse=True)
    calendar = page.link_to_file(calendar_path(page.language))
    parts = [f'<p><a href="{html_text(calendar)}" type="text/calendar">{html_text(page.t("events.calendar"))}</a></p>',
             f"## {markdown_inline(page.t('events.upcoming'))} {{#upcoming}}",
             f'<ul class="strategy-events">{"".join(_event_item(p, page) for p in upcoming)}</ul>' if upcoming
             else f"<p>{html_text(page.t('events.none_upcoming'))}</p>"]
    if past:
        parts += [f"## {markdown_inline(page.t('events.past'))} {{#past}}",
                  f'<ul class="strategy-events">{"".join(_event_item(p, page) for p in past)}</ul>']
    return _block(*parts)


def showcase_index(page: Page) -> str:
    """Case studies from across Wales, under the mission each illustrates."""
    parts = []
    for mission in page.publication.content.plan.missions:
        cases = [post for post in reversed(page.publication.posts) if post.kind == "showcase" and post.mission_id == mission.id]
        heading = page.t("plan.mission_heading", number=mission.number, title=page.text(mission.title))
        parts.append(f"## {markdown_inline(heading)} {{#{mission.id}}}")
        if cases:
            items = "".join(f'<li><a href="{html_text(page.link_to(p.path))}">{html_text(page.text(p.title))}</a>'
                            f'<p>{html_text(page.text(p.summary))}</p></li>' for p in cases)
            parts.append(f'<ul class="strategy-showcase">{items}</ul>')
        else:
            parts.append(f"<p>{html_text(page.t('showcase.none'))}</p>")
    return _block(*parts)


# --- what changed since an earlier version ------------------------------------


def changes_since(page: Page) -> str:
    earlier = page.publication.earlier_plan
    if earlier is None:
        return "\n"
    changes = compare(earlier.data, page.publication.content.plan)
    parts = [f"<p>{html_text(page.t('changes.intro', version=page.text(earlier.title)))}</p>"]
    for kind in (ADDED, REMOVED, REWORDED, STATUS):
        heading = page.t(f"changes.heading.{kind}")
        parts.append(f"## {markdown_inline(heading)} {{#{kind}}}")
        # A correction in one language (a Welsh mutation put right) is a rewording for its readers only.
        found = [change for change in changes if change.change == kind
                 and (kind != REWORDED or page.text(change.before) != page.text(change.after))]
        if not found:
            parts.append(f"<p>{html_text(page.t('changes.none'))}</p>")
            continue
        rows = []
        for change in found:
            def shown(text):
                if text is None:
                    return ""
                value = page.text(text)
                return page.t(f"status.{value}") if kind == STATUS else value
            rows.append(f'<tr data-id="{html_text(change.id)}"><td>{html_text(page.text(change.mission))}</td>'
                        f'<td>{html_text(page.t("changes." + change.item))}</td>'
                        f'<td>{html_text(shown(change.before))}</td><td>{html_text(shown(change.after))}</td></tr>')
        headers = [page.t("matrix.mission"), "", page.t("changes.was"), page.t("changes.now")]
        headers[1] = page.t("changes.outcome") + " / " + page.t("changes.action")
        parts.append(_table(heading, headers, rows, f"strategy-table--changes strategy-table--{kind}"))
    return _block(*parts)


# --- search ---------------------------------------------------------------------


def search_form(page: Page) -> str:
    """The search form and where its results go; search.js does the searching in the browser."""
    root = relative_url(page.url, "")
    index = relative_url(page.url, LANGUAGE_FOLDERS[page.language] + "search/")
    messages = " ".join(f'data-{name}="{html_text(page.t("search." + name, count="{count}"))}"'
                        for name in ("none", "one", "many"))
    return _block(
        f'<form class="strategy-search" role="search" method="get" data-strategy-search '
        f'data-site-root="{html_text(root)}" data-index="{html_text(index)}" {messages}>'
        f'<label for="strategy-search-query">{html_text(page.t("search.label"))}</label>'
        f'<input type="search" id="strategy-search-query" name="q" autocomplete="off">'
        f'<button type="submit" class="md-button md-button--primary">{html_text(page.t("search.button"))}</button></form>',
        f'<noscript><p>{html_text(page.t("search.needs_script"))}</p></noscript>',
        '<p class="strategy-search__status" role="status" aria-live="polite"></p>',
        '<ol class="strategy-search__results"></ol>',
    )


# --- placing blocks ----------------------------------------------------------

BLOCKS = {
    "mission-index": mission_index,
    "outcomes": outcomes_table,
    "actions": actions_table,
    "delivery-plan": delivery_plan,
    "wellbeing-matrix": wellbeing_matrix,
    "latest-posts": latest_posts,
    "feeds": feed_list,
    "translation-status": translation_status,
    "have-your-say": have_your_say,
    "events": events_index,
    "showcase-index": showcase_index,
    "changes-since": changes_since,
    "search": search_form,
    "proofing-report": proofing_report,
}


class UnknownMarker(ValueError):
    """A marker the content checker should have refused."""


STASH = "<!--strategy-block:{}-->"


def _stashed(block: str, stash: list[str]) -> str:
    """The block with each of its HTML lines set aside, leaving a placeholder comment.

    Markdown then only sees our headings (which belong in the table of contents)
    and cheap comments; the HTML goes into the page after Markdown has run
    (``restore_blocks``): faster on big pages, and never re-read as Markdown.
    """
    lines = []
    for line in block.split("\n"):
        if line.startswith("<"):
            stash.append(line)
            line = STASH.format(len(stash) - 1)
        lines.append(line)
    return "\n".join(lines)


def place_blocks(markdown: str, page: Page) -> tuple[str, list[str]]:
    """Replace every marker with its block; a mission post without markers gets its
    outcomes, actions, feedback and invitation to respond after its text. Returns the
    Markdown and the HTML set aside for ``restore_blocks``."""
    stash: list[str] = []

    def replace(match: re.Match) -> str:
        name = match.group("name")
        if name == "archive":
            return _stashed(archive(page, int(match.group("page") or 1)), stash)
        if name not in BLOCKS:
            raise UnknownMarker(f"unknown block '{name}'")
        if name in MISSION_POST_BLOCKS and (page.post is None or page.post.kind != "mission"):
            raise UnknownMarker(f"the '{name}' block belongs on a mission post")
        return _stashed(BLOCKS[name](page), stash)

    markdown = MARKER.sub(replace, markdown)
    if page.post is not None and page.post.kind == "mission":
        mission = _mission_of(page)
        for anchor, block in (("{#outcomes}", outcomes_table), ("{#actions}", actions_table),
                              ("{#you-said-we-did}", lambda p: you_said_we_did(p, mission)),
                              ("{#have-your-say}", lambda p: have_your_say(p, mission))):
            if anchor not in markdown:
                markdown = markdown.rstrip("\n") + _stashed(block(page), stash)
    return markdown, stash


def restore_blocks(html: str, stash: list[str]) -> str:
    """Put the HTML set aside by ``place_blocks`` back in the rendered page."""
    if not stash:
        return html
    return re.sub(r"<!--strategy-block:(\d+)-->", lambda m: stash[int(m.group(1))], html)