"""Pelican settings for the MIA-DO-KI website. Build with `make build` (see README.md)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

# --- Site --------------------------------------------------------------------------------
SITENAME = "MIA-DO-KI"
SITE_LONG_NAME = "Kommunales Integrationszentrum Dortmund"
AUTHOR = "Stadt Dortmund – MIA-DO-KI"
# Links inside the site are root-relative ("/themen/…"), so SITEURL stays empty and a
# preview works on any host. SITE_BASE_URL is the public address for canonical links,
# the sitemap and feeds. To be confirmed by the city's web team before going live.
SITEURL = ""
SITE_BASE_URL = os.environ.get("SITE_BASE_URL", "https://mia-do-ki.dortmund.de").rstrip("/")
# Languages, the clock and the UID domain: the site core (plugins/site_core, design.md §2, §6).
import site_core  # noqa: E402
from site_core import clock, languages, urls  # noqa: E402

# Fixed forever: calendar subscribers' apps identify events by it (design.md §6).
INKA_UID_DOMAIN = site_core.INKA_UID_DOMAIN
TIMEZONE = clock.TIMEZONE
DEFAULT_LANG = languages.DEFAULT_LANGUAGE
LANGUAGES = languages.LANGUAGES
BUILD_DATE = clock.build_date()
INKA_YEARS = clock.inka_years(BUILD_DATE)

# --- Content -----------------------------------------------------------------------------
PATH = os.environ.get("MIA_CONTENT_PATH", str(ROOT / "content"))
ARTICLE_PATHS = ["news"]
PAGE_PATHS = ["pages", "events"]
STATIC_PATHS = ["images"]
ARTICLE_EXCLUDES: list[str] = []
PAGE_EXCLUDES: list[str] = []
# Hidden files, backups and what Windows leaves behind are never read (content_model.files).
from content_model.files import IGNORE_PATTERNS as _IGNORE_PATTERNS  # noqa: E402

IGNORE_FILES = list(_IGNORE_PATTERNS)
# A preview may build fewer languages (`invoke serve` builds German only unless asked for all):
# the other languages' files are then not even read.
_only = [code for code in os.environ.get("MIA_LANGUAGES", "").split(",") if code]
if _only:
    IGNORE_FILES += [f"*.{code}.md" for code in LANGUAGES if code not in _only]
    LANGUAGES = tuple(code for code in LANGUAGES if code in _only)
READERS = {"html": None, "htm": None, "rst": None}
DEFAULT_DATE_FORMAT = "%Y-%m-%d"
SLUGIFY_SOURCE = "basename"
DEFAULT_PAGINATION = 8
# One set of Markdown settings for pages, holiday texts and `invoke check` (content_model.render).
from content_model.render import markdown_settings as _markdown_settings  # noqa: E402

MARKDOWN = _markdown_settings()

# --- URLs (design.md §3, contract) -------------------------------------------------------
# Pelican's patterns from the site core's builders ("{slug}" stays a placeholder).
ARTICLE_URL = urls.news("{slug}")
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
ARTICLE_LANG_URL = "{lang}/" + ARTICLE_URL
ARTICLE_LANG_SAVE_AS = ARTICLE_LANG_URL + "index.html"
PAGE_URL = "{section}{slug}/"
PAGE_SAVE_AS = "{section}{slug}/index.html"
PAGE_LANG_URL = "{lang}/{section}{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{section}{slug}/index.html"
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""
TAG_URL = urls.tag("{slug}")
# Listing pages of every language are written by plugins/mia_site/listings.py.
TAG_SAVE_AS = ""
TAG_PAGE_SAVE_AS = TAG_URL + "index.html"
CATEGORY_SAVE_AS = AUTHOR_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
DIRECT_TEMPLATES: list[str] = []
PAGINATED_TEMPLATES = {"index": DEFAULT_PAGINATION, "tag": DEFAULT_PAGINATION}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/seite-{number}/", "{base_name}/seite-{number}/index.html"),
)
ARCHIVES_SAVE_AS = AUTHORS_SAVE_AS = CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ""

# --- Feeds -------------------------------------------------------------------------------
FEED_DOMAIN = SITE_BASE_URL
FEED_ALL_ATOM = None  # Pelican's would mix all languages; see NEWS_FEED_ATOM
NEWS_FEED_ATOM = urls.news_feed()  # per language under /<lang>/, plugins/mia_site/listings.py
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None  # per-language feeds: plugins/mia_site/listings.py
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
FEED_MAX_ITEMS = 20
RSS_FEED_SUMMARY_ONLY = True

# --- Theme and plugins -------------------------------------------------------------------
THEME = os.environ.get("MIA_THEME_PATH", str(ROOT / "theme"))
THEME_STATIC_DIR = "static"
# Preview builds (`invoke serve` sets MIA_PREVIEW=1): a banner on every page and a small script
# that reloads the page after each rebuild (theme/preview/, copied only into preview builds).
PREVIEW = os.environ.get("MIA_PREVIEW") == "1"
THEME_STATIC_PATHS = ["static", "preview"] if PREVIEW else ["static"]
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["mia_site", "inka_site", "inka_poster"]
DELETE_OUTPUT_DIRECTORY = False
# Pelican's content cache for unchanged files (plugins/mia_site/cache.py keys it and keeps files
# with problems out of it). MIA_CACHE=0 switches it off; MIA_CACHE_PATH moves it (benchmarks).
CACHE_CONTENT = LOAD_CONTENT_CACHE = os.environ.get("MIA_CACHE", "1") != "0"
CACHE_PATH = os.environ.get("MIA_CACHE_PATH", str(ROOT / "cache"))
CONTENT_CACHING_LAYER = "reader"
CHECK_MODIFIED_METHOD = "md5"
# Plain pickle files, written atomically by mia_site.cache.guard (which writes what Pelican
# reads: with gzip on, every load failed silently and every build read every file again).
GZIP_CACHE = False
SUMMARY_MAX_LENGTH = 40
TYPOGRIFY = False
LOG_FILTER: list[tuple[int, str]] = []
# Autoescape everywhere: a value reaches a page as text unless it is markup already; the only
# HTML from content is the sanitised Markdown (`sanitized` filter, content_model.html_policy).
JINJA_ENVIRONMENT = {
    "autoescape": True,
    "extensions": ["jinja2.ext.i18n"],
    "trim_blocks": True,
    "lstrip_blocks": True,
}
# Pages render in forked processes, one per CPU (plugins/site_build/parallel.py; MIA_WORKERS or
# MIA_RENDER_WORKERS=1: all in the build's own process).
RENDER_IN_PARALLEL = True
# Compiled templates are kept between builds (Jinja compares each template's source first).
if CACHE_CONTENT:
    from jinja2 import FileSystemBytecodeCache

    Path(CACHE_PATH, "jinja").mkdir(parents=True, exist_ok=True)
    JINJA_ENVIRONMENT["bytecode_cache"] = FileSystemBytecodeCache(str(Path(CACHE_PATH, "jinja")))
# Slugs: the site's one slugify (content_model/slugs.py, Einbürgerung → einbuergerung,
# Sprachcafé → sprachcafe). Every page names its slug (the schema requires it); every tag is a
# plugins/mia_site/reader.py Tag, whose slug and comparisons use that slugify, as `invoke check`
# computes the tag URLs. Pelican's own slugify settings (SLUG_REGEX_SUBSTITUTIONS …) are unused:
# Pelican's slugify turns ü into u before any substitution could apply.
