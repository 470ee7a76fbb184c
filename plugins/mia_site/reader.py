"""A Markdown reader for YAML front matter that reports every mistake as path:line."""

from __future__ import annotations

import datetime as dt
import html
import sys
from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from markdown import Markdown
from pelican import urlwrappers
from pelican.readers import MarkdownReader
from pelican.urlwrappers import Category
from pelican.utils import SafeDatetime

from content_core import ContentError, ContentErrors, parse_front_matter
from content_model import kind_for_path, validate
from content_model.images import image_file
from content_model.render import policy_errors
from content_model.schema import parse_when
from content_model.slugs import slugify
from content_model.source_hash import front_matter_hash
from site_build import working
from site_core import urls

_CATEGORIES = {"news": "Nachrichten"}
#: The settings key that holds the build's :class:`BuildProblems`.
PROBLEMS = "MIA_BUILD_PROBLEMS"


@dataclass
class BuildProblems:
    """What one build learns while reading, kept in its settings (readers, generators and the
    content cache all see the settings): the content problems, raised once all files are read,
    and the reads that must run again on every build, so that mia_site.cache keeps them out of
    Pelican's content cache (files with a problem, whose message must be printed every time, and
    files whose check depends on another file, a news image)."""

    errors: list[ContentError] = field(default_factory=list)
    uncacheable: set[str] = field(default_factory=set)

    def __reduce__(self) -> tuple[type[BuildProblems], tuple[()]]:
        # Pelican's content cache pickles tags with the settings: never carry one build's
        # problems into the cache (a cached read must not bring old problems back).
        return (BuildProblems, ())


def problems_of(settings: MutableMapping[str, Any]) -> BuildProblems:
    """The build's problems (made on first use when the build did not start with :func:`reset`)."""
    found = settings.get(PROBLEMS)
    if not isinstance(found, BuildProblems):
        found = settings[PROBLEMS] = BuildProblems()
    return found


def reset(pelican: Any) -> None:
    """`initialized`: a fresh record for this build."""
    pelican.settings[PROBLEMS] = BuildProblems()


def record(settings: MutableMapping[str, Any], errors: Iterable[ContentError]) -> None:
    problems_of(settings).errors.extend(errors)


def raise_content_errors(generators: list[Any]) -> None:
    """`all_generators_finalized`: stop the build with every content problem found (warnings
    alone do not stop it)."""
    if not generators:
        return
    problems = sorted(set(problems_of(generators[0].settings).errors))
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = [e for e in problems if not e.warning]
    if errors:
        print(f"{len(errors)} Fehler im Inhalt: nichts wurde veröffentlicht.", file=sys.stderr)
        # SystemExit passes Pelican's generic handler: no traceback, just the list above.
        raise SystemExit(1)


class Tag(urlwrappers.Tag):
    """A tag that Pelican also compares with names through the site's one slugify (Pelican's
    own would turn 'Einbürgerung' into 'einburgerung', ours into 'einbuergerung'). Named
    ``Tag`` like its base: Pelican reads TAG_URL/TAG_SAVE_AS by the class's name."""

    def _normalize_key(self, key: str) -> str:
        return slugify(key)


def tag(name: str, settings: dict[str, Any]) -> Tag:
    """A tag whose slug comes from the site's one slugify (content_model.slugs), the same one
    ``invoke check`` uses for the tag URLs; a translation's labels are mapped to their German
    key later (mia_site.tags)."""
    made = Tag(name, settings)
    made.slug = slugify(name)
    return made


def _aware(value: dt.date | dt.datetime, tz: str) -> SafeDatetime:
    if isinstance(value, dt.datetime):
        return SafeDatetime(value.year, value.month, value.day, value.hour, value.minute,
                            tzinfo=ZoneInfo(tz))
    return SafeDatetime(value.year, value.month, value.day, tzinfo=ZoneInfo(tz))


class FrontMatterReader(MarkdownReader):
    """Reads ``---`` YAML ``---`` + Markdown files of ``content/``."""

    enabled = True
    file_extensions = ("md", "markdown")

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        source = Path(source_path).resolve()
        try:
            relpath = source.relative_to(self._root()).as_posix()
        except ValueError:
            working.mark(source_path)
            raise
        working.mark(f"content/{relpath}")
        build = problems_of(self.settings)
        recorded = len(build.errors)
        content, metadata = self._read(source, relpath)
        if len(build.errors) > recorded or metadata.get("image"):
            build.uncacheable.add(source_path)
        return content, metadata

    def _root(self) -> Path:
        """The content folder, resolved once per reader (not once per file)."""
        root: Path | None = getattr(self, "_resolved_root", None)
        if root is None:
            root = self._resolved_root = Path(self.settings["PATH"]).resolve()
        return root

    def _read(self, source: Path, relpath: str) -> tuple[str, dict[str, Any]]:
        root = self._root()
        shown = f"content/{relpath}"
        text = source.read_text(encoding="utf-8")
        try:
            fm = parse_front_matter(text, shown)
        except ContentErrors as exc:
            return self._rejected(exc.errors, relpath)
        kind = kind_for_path(relpath)
        if kind is None:
            return self._rejected([ContentError(
                shown, 1, "Datei liegt in keinem bekannten Inhaltsordner",
                "content/pages, content/pages/themen, content/news, content/events")], relpath)
        problems = validate(fm, kind, root)
        if any(not p.warning for p in problems):
            return self._rejected(problems, relpath)
        record(self.settings, problems)
        content = self._markdown().reset().convert(fm.body)
        dropped = policy_errors(shown, fm.body, fm.body_line, rendered=content)
        if dropped:
            return self._rejected(dropped, relpath)
        metadata = self._metadata(fm.data, kind, relpath)
        # The version of this text: a translation whose source_hash differs from its original's
        # content_hash is outdated (mia_site.i18n.link_versions sets translation_outdated).
        metadata["content_hash"] = front_matter_hash(kind, fm)
        return content, metadata

    def _markdown(self) -> Markdown:
        """One Markdown converter per reader, i.e. per generator and build, reset before each
        file (as Python-Markdown recommends for many documents): making a new one per file set
        up every extension again, about a tenth of reading."""
        md: Markdown | None = getattr(self, "_converter", None)
        if md is None:
            options = self.settings["MARKDOWN"]
            md = self._converter = Markdown(
                **{k: v for k, v in options.items() if k != "extensions"},
                extensions=list(options.get("extension_configs", {})))
        return md

    def _rejected(self, errors: list[ContentError], relpath: str) -> tuple[str, dict[str, Any]]:
        """Record the problems and hand Pelican an unpublished stand-in, so that reading goes
        on and every problem of every file is reported together at the end."""
        record(self.settings, errors)
        return "", {
            "title": relpath, "slug": "rejected-" + relpath.replace("/", "-").replace(".", "-"),
            "status": "draft", "date": SafeDatetime(1970, 1, 1, tzinfo=ZoneInfo("UTC")),
            "section": "", "kind": "rejected", "lang": self.settings["DEFAULT_LANG"],
        }

    def _metadata(self, data: dict[str, Any], kind: str, relpath: str) -> dict[str, Any]:
        settings = self.settings
        meta: dict[str, Any] = {k: v for k, v in data.items() if k not in ("tags", "date", "status")}
        meta["kind"] = kind
        if isinstance(data.get("image"), str):
            meta["image"] = image_file(data["image"])  # /images/x.jpg = images/x.jpg
        meta["lang"] = data.get("lang", settings["DEFAULT_LANG"])
        meta["summary_text"] = data["summary"].strip()
        meta["summary"] = html.escape(meta["summary_text"], quote=False)
        build_date: dt.date = settings["BUILD_DATE"]
        tz = data.get("timezone", settings["TIMEZONE"])
        if "date" in data:
            when = parse_when(data["date"])
            assert when is not None  # validated
            meta["date"] = _aware(when, tz)
            published = (when.date() if isinstance(when, dt.datetime) else when) <= build_date
            meta["status"] = "published" if published else "draft"
        if kind in _CATEGORIES:
            meta["category"] = Category(_CATEGORIES[kind], settings)
        if data.get("tags"):
            meta["tags"] = [tag(t, settings) for t in data["tags"]]
        if kind == "topic":
            parent = data.get("parent")
            meta["section"] = urls.topic(parent) if parent else urls.topics()
        elif kind == "event":
            meta["section"] = urls.events_index()
            meta["template"] = "event"
            meta["event_status"] = data.get("status", "confirmed")
            start = parse_when(data["start"])
            end = parse_when(data["end"]) if data.get("end") is not None else None
            meta["all_day"] = not isinstance(start, dt.datetime)
            meta["start"] = _aware(start, tz)  # type: ignore[arg-type]
            meta["end"] = _aware(end, tz) if end is not None else None
        else:
            meta["section"] = ""
        if kind == "page" and data.get("slug") == "startseite":
            meta["template"] = "home"
            meta["url"] = urls.home(meta["lang"])
            meta["save_as"] = meta["url"] + "index.html"
        elif kind == "topic":
            meta.setdefault("template", "topic")
        return meta


def add_reader(readers: Any) -> None:
    for ext in FrontMatterReader.file_extensions:
        readers.reader_classes[ext] = FrontMatterReader
