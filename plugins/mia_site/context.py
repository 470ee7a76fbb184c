"""Hand the templates what the site's lists need: the topic tree, events, news."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from content_model import ContentError
from mia_site.i18n import link_versions
from mia_site.reader import record


def _source(page: Any) -> str:
    return "content/" + page.get_relative_source_path().replace("\\", "/")


def _event_end_day(event: Any) -> dt.date:
    last = event.end or event.start
    return last.date()


def pages_finalized(generator: Any) -> None:
    """Topic tree (ordered, sub-topics under their parent) and events split by the build date."""
    default_lang = generator.settings["DEFAULT_LANG"]
    build_date: dt.date = generator.settings["BUILD_DATE"]
    _check_translations(generator.pages, generator.translations, default_lang)
    pages = [p for p in generator.pages if p.lang == default_lang]
    generator.translations.extend(
        link_versions(pages, generator.settings["LANGUAGES"], default_lang))
    topics = [p for p in pages if getattr(p, "kind", "") == "topic"]
    by_slug = {t.slug: t for t in topics if not getattr(t, "parent", None)}
    children: dict[str, list[Any]] = defaultdict(list)
    for topic in topics:
        parent = getattr(topic, "parent", None)
        if parent:
            if parent not in by_slug:
                record([ContentError(_source(topic), 1, f"Oberthema {parent!r} gibt es nicht",
                                     "der slug eines Themas in content/pages/themen/")])
                continue
            children[parent].append(topic)
    for slug, topic in by_slug.items():
        topic.subtopics = sorted(children.get(slug, []), key=lambda t: (t.order, t.title))
        for child in topic.subtopics:
            child.parent_page = topic
    generator.context["topic_tree"] = sorted(by_slug.values(), key=lambda t: (t.order, t.title))

    events = [p for p in pages if getattr(p, "kind", "") == "event"]
    upcoming = sorted((e for e in events if _event_end_day(e) >= build_date),
                      key=lambda e: (e.start, e.title))
    past = sorted((e for e in events if _event_end_day(e) < build_date),
                  key=lambda e: (e.start, e.title), reverse=True)
    past_by_year: dict[int, list[Any]] = defaultdict(list)
    for event in past:
        past_by_year[event.start.year].append(event)
    generator.context["events_upcoming"] = upcoming
    generator.context["events_past_by_year"] = sorted(past_by_year.items(), reverse=True)
    generator.context["build_date"] = build_date


def articles_finalized(generator: Any) -> None:
    """Latest news first (Pelican already drops drafts, i.e. news dated after the build date)."""
    default_lang = generator.settings["DEFAULT_LANG"]
    _check_translations(generator.articles, generator.translations, default_lang)
    news = [a for a in generator.articles if a.lang == default_lang]
    generator.translations.extend(
        link_versions(news, generator.settings["LANGUAGES"], default_lang))
    generator.context["news_latest"] = news


def _check_translations(originals: list[Any], translations: list[Any], default: str) -> None:
    """A translation needs a German original with the same slug (design.md §4)."""
    for item in originals:
        if item.lang != default and getattr(item, "kind", "") != "rejected":
            record([ContentError(_source(item), 1,
                                 f"Übersetzung ({item.lang}) ohne deutsches Original "
                                 f"mit slug {item.slug!r}",
                                 "eine deutsche Datei mit demselben slug")])
    del translations  # translations of an original are linked to it by Pelican
