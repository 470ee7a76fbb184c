"""Hand the templates what the site's lists need: the topic tree, events, news; and check the
rules across files (content_model.site_rules, the same functions as ``invoke check``)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import Any

from content_core import ContentError, ContentErrors, parse_front_matter
from content_model.site_rules import Item, site_rules
from mia_site import events_cache, events_ical, images, jsonld
from mia_site.cache import folder_for
from mia_site.events import ends_at, language_names, series_members, split_events
from mia_site.i18n import link_versions, translate
from mia_site.reader import record
from mia_site.tags import localise_tags
from site_build.files import TextStore
from site_core import urls
from site_core.history import Change, History, repository_stamp
from site_core.messages import N_

CALNAME = N_("Veranstaltungen – MIA-DO-KI")
CALDESC = N_("Veranstaltungen des Kommunalen Integrationszentrums Dortmund und seiner Partner.")


def _source(page: Any) -> str:
    return "content/" + page.get_relative_source_path().replace("\\", "/")


def _line_of(page: Any, *keys: str) -> int:
    """The line of a front-matter key in a page's file (for errors found after reading)."""
    try:
        text = Path(page.source_path).read_text(encoding="utf-8")
        return parse_front_matter(text, _source(page)).line_of(*keys)
    except (OSError, ContentErrors):
        return 1


#: Where a generator keeps what it read (published or not): the rules see every accepted file.
_READ = ("pages", "translations", "hidden_pages", "hidden_translations", "draft_pages",
         "draft_translations", "articles", "drafts", "drafts_translations")


def _items(generator: Any) -> list[Item]:
    """The files our reader accepted (no stand-ins for rejected ones), as the rules see them."""
    read = [c for name in _READ for c in getattr(generator, name, [])]
    return [Item(_source(c), c.kind, c.lang, c.slug, c.metadata,
                 lambda key, c=c: _line_of(c, key))
            for c in read if getattr(c, "kind", "rejected") != "rejected"]


def fix_addresses(generator: Any) -> None:
    """Each document's URL, worked out once when its generator is finalized. Pelican formats
    it from the settings at every use (``Content.url`` is a property), and the templates use it
    some 130,000 times at 1,000 news per language; nothing changes it after this point.
    Pelican's ``override_url`` holds it. (Not ``override_save_as``: Pelican writes a document
    that has one with ``override_output``, which would let a later page of the same file name
    be skipped instead of stopping the build.)"""
    for document in (c for name in _READ for c in getattr(generator, name, [])):
        document.override_url = document.url


def check_site_rules(generator: Any) -> list[ContentError]:
    """Record the cross-file problems among what this generator read (before fallback copies
    are added); the same rules and messages as ``invoke check``."""
    found = site_rules(_items(generator))
    record(generator.settings, found)
    return found


def pages_finalized(generator: Any) -> None:
    """Topic tree (ordered, sub-topics under their parent) and events split by the build date."""
    default_lang = generator.settings["DEFAULT_LANG"]
    build_date: dt.date = generator.settings["BUILD_DATE"]
    check_site_rules(generator)
    localise_tags(generator.translations, generator.settings)
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
                continue  # reported by check_site_rules
            children[parent].append(topic)
    for slug, topic in by_slug.items():
        topic.subtopics = sorted(children.get(slug, []), key=lambda t: (t.order, t.title))
        for child in topic.subtopics:
            child.parent_page = topic
    generator.context["topic_tree"] = sorted(by_slug.values(), key=lambda t: (t.order, t.title))

    events = [p for p in pages if getattr(p, "kind", "") == "event"]
    upcoming, past_by_year = split_events(events, build_date)
    generator.context["events_upcoming"] = upcoming
    generator.context["events_past_by_year"] = past_by_year
    generator.context["build_date"] = build_date
    _link_series(events)
    generator.context["event_files"] = _event_files(events, generator.settings)
    fix_addresses(generator)


def _link_series(events: list[Any]) -> None:
    """A series' parent event lists its sub-events; each sub-event links to the parent."""
    by_slug = {e.slug: e for e in events}
    members = series_members(events)
    for series, children in members.items():
        parent = by_slug.get(series)
        if parent is None:
            continue  # reported by check_site_rules
        for version in parent.versions.values():
            version.series_events = children
        for child in children:
            for version in child.versions.values():
                version.series_parent = parent


def _event_files(events: list[Any], settings: dict[str, Any]) -> dict[str, bytes]:
    """Each event's .ics in every language and each language's feed of all events; gives each
    version of an event page its JSON-LD, its .ics link and size, and the end for events.js."""
    base = settings["SITE_BASE_URL"]
    domain = settings["INKA_UID_DOMAIN"]
    default = settings["DEFAULT_LANG"]
    stamp = repository_stamp(Path(settings["PATH"]).resolve(), settings["BUILD_DATE"])
    history = History.of(Path(settings["PATH"]).resolve())
    sources = {id(e.versions[lang]): [Path(e.versions[default].source_path),
                                      Path(e.versions[lang].source_path)]
               for e in events for lang in settings["LANGUAGES"]}

    def change_for(page: Any) -> Change:
        return history.change(sources.get(id(page), [Path(page.source_path)]))

    files: dict[str, bytes] = {}
    store = TextStore(folder_for(settings, "event-ics"))
    for lang in settings["LANGUAGES"]:
        meta = {"name": translate(settings, lang, CALNAME),
                "description": translate(settings, lang, CALDESC),
                "stamp": stamp, "uid_domain": domain, "change_for": change_for}
        calendar = (lang, meta["name"], meta["description"], stamp, domain)
        kept = events_cache.LanguageFiles(store, lang)
        feed, keys = [], []
        for event in sorted(events, key=lambda e: (e.start, e.slug)):
            page = event.versions[lang]
            url = f"{base}/{page.url}"
            path = urls.event_ics(event.slug, lang)
            keys.append(events_cache.key(*calendar, url, change_for(page),
                                         events_ical.inputs(page)))
            data = kept.get(keys[-1], lambda page=page, url=url, meta=meta: events_ical.to_ics(
                events_ical.calendar([(page, url)], **meta)))
            files[path] = data
            feed.append((page, url))
            page.ics_path = "/" + path
            page.ics_size = len(data)
            page.json_ld = jsonld.script_text(jsonld.event(page, url))
            page.ends_at = ends_at(page)
            page.language_names = language_names(getattr(page, "languages", None) or [], lang)
        files[urls.events_feed(lang)] = kept.get(
            events_cache.feed_key(keys, *calendar),
            lambda feed=feed, meta=meta: events_ical.to_ics(events_ical.calendar(feed, **meta)))
        kept.save()
    return files


def articles_finalized(generator: Any) -> None:
    """Latest news first (Pelican already drops drafts, i.e. news dated after the build date)."""
    default_lang = generator.settings["DEFAULT_LANG"]
    check_site_rules(generator)
    localise_tags(generator.translations, generator.settings)
    news = [a for a in generator.articles if a.lang == default_lang]
    generator.translations.extend(
        link_versions(news, generator.settings["LANGUAGES"], default_lang))
    generator.context["news_latest"] = news
    generator.context["news_images"] = images.prepare(
        generator.articles + generator.translations, Path(generator.settings["PATH"]))
    fix_addresses(generator)

