"""Synthetic content for the site benchmark: N news articles in each of the six languages
(translations of one another, as the site keeps them), about N/10 events (also in six
languages), tags, plus the real pages and the real holiday set of `content/`.

The same documents are written three times: for our build (YAML front matter, our layout of
`content/`), for plain Pelican (its native `Key: value` metadata) and for Hugo (YAML front
matter in a minimal Hugo site). Text comes from a small word list per language, so the
articles have realistic word lengths and scripts (Arabic, Cyrillic, Turkish and Polish
letters) without shipping real articles. Deterministic: the same N gives the same files.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

LANGUAGES = ("de", "en", "tr", "ar", "uk", "pl")
WORDS_PER_ARTICLE = 600

# Everyday words of integration work, per language (nouns, verbs, connectives).
WORDS: dict[str, str] = {
    "de": "Stadt Dortmund Integration Beratung Sprache Familie Kinder Schule Arbeit Verein "
    "Nachbarschaft Angebot Termin Antrag Einbürgerung Zusammenleben Kultur Projekt Menschen "
    "Zukunft Ausbildung Gesundheit Wohnung Förderung Unterstützung Veranstaltung Informationen "
    "gemeinsam wichtig kostenlos mehrsprachig offen neu gut und oder aber auch mit für über "
    "bei nach in der die das ein eine wir Sie können helfen finden lernen sprechen beraten "
    "begleiten einladen anmelden teilnehmen erreichen gestalten Ehrenamt Nordstadt Woche",
    "en": "city Dortmund integration advice language family children school work association "
    "neighbourhood service appointment application naturalisation community culture project "
    "people future training health housing funding support event information together "
    "important free multilingual open new good and or but also with for about at after in the "
    "a we you can help find learn speak advise accompany invite register take part reach "
    "shape volunteering week",
    "tr": "şehir Dortmund uyum danışmanlık dil aile çocuklar okul iş dernek mahalle hizmet "
    "randevu başvuru vatandaşlık birlikte yaşam kültür proje insanlar gelecek eğitim sağlık "
    "konut destek etkinlik bilgi önemli ücretsiz çok dilli açık yeni iyi ve veya ama da ile "
    "için hakkında sonra biz siz yardım bulmak öğrenmek konuşmak davet katılmak ulaşmak "
    "gönüllü hafta kuzey mahallesi görüşme",
    "ar": "مدينة دورتموند اندماج استشارة لغة عائلة أطفال مدرسة عمل جمعية حي خدمة موعد طلب "
    "تجنس تعايش ثقافة مشروع الناس مستقبل تدريب صحة سكن دعم فعالية معلومات معا مهم مجاني "
    "متعدد اللغات مفتوح جديد جيد و أو لكن أيضا مع من أجل حول بعد في نحن أنتم يمكن مساعدة "
    "إيجاد تعلم تحدث دعوة تسجيل مشاركة تطوع أسبوع",
    "uk": "місто Дортмунд інтеграція консультація мова родина діти школа робота товариство "
    "сусідство послуга зустріч заява громадянство співжиття культура проєкт люди майбутнє "
    "навчання здоровʼя житло підтримка захід інформація разом важливо безкоштовно "
    "багатомовний відкритий новий добрий і або але також з для про після в ми ви можете "
    "допомогти знайти вчитися говорити запросити зареєструватися взяти участь волонтерство "
    "тиждень",
    "pl": "miasto Dortmund integracja doradztwo język rodzina dzieci szkoła praca "
    "stowarzyszenie sąsiedztwo oferta termin wniosek obywatelstwo współżycie kultura projekt "
    "ludzie przyszłość nauka zdrowie mieszkanie wsparcie wydarzenie informacje razem ważne "
    "bezpłatnie wielojęzyczny otwarty nowy dobry i lub ale także z dla o po w my Państwo "
    "mogą pomóc znaleźć uczyć się mówić zaprosić zgłosić się wziąć udział wolontariat tydzień",
}
TAGS = ("Einbürgerung", "Internationale Woche", "Förderung", "Sprache", "Beratung",
        "Ehrenamt", "Bildung", "Kultur", "Familie", "Arbeit", "Gesundheit", "Nordstadt")
START = dt.date(2019, 1, 7)


@dataclass
class Doc:
    """One document: where it goes (below a content root), its metadata and body."""

    kind: str  # news | event | page | holiday
    relpath: str  # e.g. news/0001-meldung-1.tr.md
    lang: str
    meta: dict[str, object]
    body: str
    yaml_text: str = field(default="")  # real files: their front matter as written


def _sentence(rng: random.Random, words: list[str], n: int) -> str:
    text = " ".join(rng.choice(words) for _ in range(n))
    return text[0].upper() + text[1:] + "."


def body(lang: str, rng: random.Random, words: int = WORDS_PER_ARTICLE) -> str:
    """About `words` words of Markdown: headings, paragraphs and one list."""
    vocab = WORDS[lang].split()
    parts: list[str] = []
    written = 0
    section = 0
    while written < words:
        if written and section % 3 == 0:
            parts.append("## " + _sentence(rng, vocab, 4).rstrip("."))
        para = [_sentence(rng, vocab, rng.randint(8, 16)) for _ in range(rng.randint(3, 6))]
        parts.append(" ".join(para))
        written += sum(len(s.split()) for s in para)
        if section == 2:
            items = [_sentence(rng, vocab, 5) for _ in range(4)]
            parts.append("\n".join(f"- {item}" for item in items))
            written += 20
        section += 1
    return "\n\n".join(parts) + "\n"


def _title(lang: str, rng: random.Random, n: int) -> str:
    vocab = WORDS[lang].split()
    return f"{_sentence(rng, vocab, 5).rstrip('.')} {n}"


def synthetic(n: int) -> list[Doc]:
    """N news articles and about N/10 events, each in all six languages."""
    docs: list[Doc] = []
    for i in range(1, n + 1):
        slug = f"meldung-{i:05d}"
        date = START + dt.timedelta(days=i % 2400)
        rng = random.Random(i)
        tags = sorted(rng.sample(TAGS, 2))
        for lang in LANGUAGES:
            suffix = "" if lang == "de" else f".{lang}"
            lrng = random.Random(f"{i}-{lang}")
            meta: dict[str, object] = {
                "title": _title(lang, lrng, i), "slug": slug, "date": date.isoformat(),
                "lang": lang, "summary": _sentence(lrng, WORDS[lang].split(), 18),
                "tags": tags}
            if lang != "de":
                meta["translation_reviewed"] = False
            docs.append(Doc("news", f"news/{date.isoformat()}-{slug}{suffix}.md", lang, meta,
                            body(lang, lrng)))
    for i in range(1, max(1, n // 10) + 1):
        slug = f"termin-{i:04d}"
        day = START + dt.timedelta(days=(i * 7) % 2600)
        for lang in LANGUAGES:
            suffix = "" if lang == "de" else f".{lang}"
            lrng = random.Random(f"event-{i}-{lang}")
            meta = {
                "title": _title(lang, lrng, i), "slug": slug,
                "date": (day - dt.timedelta(days=14)).isoformat(), "lang": lang,
                "summary": _sentence(lrng, WORDS[lang].split(), 14),
                "start": f"{day.isoformat()} 18:00", "end": f"{day.isoformat()} 20:00",
                "timezone": "Europe/Berlin",
                "location": {"name": "Dietrich-Keuning-Haus",
                             "address": "Leopoldstraße 50–58, 44147 Dortmund"},
                "organizer": "MIA-DO-KI"}
            if lang != "de":
                meta["translation_reviewed"] = False
            docs.append(Doc("event", f"events/{slug}{suffix}.md", lang, meta,
                            body(lang, lrng, WORDS_PER_ARTICLE // 3)))
    return docs


def real(content: Path) -> list[Doc]:
    """The real pages and holiday files of `content/` (the baselines get them too)."""
    docs: list[Doc] = []
    for kind, folder in (("page", "pages"), ("holiday", "inka")):
        for path in sorted((content / folder).rglob("*.md")):
            if path.name == "README.md":
                continue
            text = path.read_text(encoding="utf-8")
            _, front, rest = text.split("---", 2)
            meta = yaml.safe_load(front) or {}
            rel = path.relative_to(content).as_posix()
            lang = str(meta.get("lang", "de"))
            docs.append(Doc(kind, rel, lang, meta, rest.lstrip("\n"), yaml_text=front))
    return docs


def _yaml(meta: dict[str, object]) -> str:
    return yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)


def write_ours(root: Path, repo_content: Path, docs: list[Doc]) -> Path:
    """Our layout: a copy of the real pages, holidays and images plus the synthetic files."""
    content = root / "content"
    for folder in ("pages", "inka", "images"):
        if (repo_content / folder).is_dir():
            shutil.copytree(repo_content / folder, content / folder)
    for doc in docs:
        if doc.kind in ("news", "event"):
            target = content / doc.relpath
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(f"---\n{_yaml(doc.meta)}---\n{doc.body}", encoding="utf-8")
    return content


# What the baselines get of each document's metadata (the fields every generator knows).
BASELINE_FIELDS = ("title", "slug", "date", "lang", "summary", "tags")


def _native_value(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return " ".join(str(value).split())


PELICAN_SETTINGS = '''\
AUTHOR = "Bench"
SITENAME = "Bench"
SITEURL = ""
PATH = "content"
TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "de"
PLUGINS = []
ARTICLE_PATHS = ["news"]
PAGE_PATHS = ["pages", "events", "inka"]
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = 8
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {"permalink": False},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}
'''


def write_pelican(root: Path, docs: list[Doc]) -> Path:
    """Plain Pelican: native `Key: value` metadata, the same bodies, default theme."""
    site = root / "pelican"
    for doc in docs:
        meta = {k: doc.meta[k] for k in BASELINE_FIELDS if k in doc.meta}
        meta.setdefault("title", doc.relpath)
        meta["lang"] = doc.lang
        if doc.kind == "holiday":
            meta["slug"] = doc.relpath.removeprefix("inka/").removesuffix(".md").replace("/", "-")
        lines = [f"{k.capitalize()}: {_native_value(v)}" for k, v in meta.items()]
        target = site / "content" / doc.relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(lines) + "\n\n" + doc.body, encoding="utf-8")
    (site / "pelicanconf.py").write_text(PELICAN_SETTINGS, encoding="utf-8")
    return site


HUGO_CONFIG = '''\
baseURL = "https://example.org/"
title = "Bench"
defaultContentLanguage = "de"
disableKinds = ["RSS"]
[pagination]
  pagerSize = 8
[taxonomies]
  tag = "tags"
[markup.goldmark.renderer]
  unsafe = true
'''
HUGO_BASEOF = '''<!doctype html>
<html lang="{{ .Params.lang | default "de" }}"><head><meta charset="utf-8">
<title>{{ .Title }} – {{ site.Title }}</title></head>
<body><main>{{ block "main" . }}{{ end }}</main></body></html>
'''
HUGO_SINGLE = '''{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>{{ .Date.Format "2006-01-02" }}</p>{{ .Content }}
<ul>{{ range .Params.tags }}<li>{{ . }}</li>{{ end }}</ul></article>{{ end }}
'''
HUGO_LIST = '''{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
{{ .Summary }}</li>{{ end }}</ul>{{ end }}
'''


def write_hugo(root: Path, docs: list[Doc]) -> Path:
    """Hugo: the same Markdown with YAML front matter, one folder per language, a trivial
    layout (base, single, list) so that Hugo does the same work: parse, render, paginate."""
    site = root / "hugo"
    for doc in docs:
        meta = {k: doc.meta[k] for k in BASELINE_FIELDS if k in doc.meta and k != "lang"}
        meta.setdefault("title", doc.relpath)
        if doc.kind == "holiday":
            meta["slug"] = doc.relpath.removeprefix("inka/").removesuffix(".md").replace("/", "-")
        meta["params"] = {"lang": doc.lang}
        target = site / "content" / doc.lang / doc.relpath.replace(f".{doc.lang}.md", ".md")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"---\n{_yaml(meta)}---\n{doc.body}", encoding="utf-8")
    (site / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    layouts = site / "layouts" / "_default"
    layouts.mkdir(parents=True, exist_ok=True)
    (layouts / "baseof.html").write_text(HUGO_BASEOF, encoding="utf-8")
    (layouts / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (layouts / "list.html").write_text(HUGO_LIST, encoding="utf-8")
    return site
