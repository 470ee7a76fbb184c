"""A rebuild renders only the pages whose inputs changed (site_build.reuse, issue 17): the rest
is taken over from the live site untouched, and the result equals a clean build of the same
content byte for byte. A change that every page may show (a template) renders everything; a
failed build keeps the site and its manifest; a page edited by hand in the output is rendered
again."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

import tasks
from tests.samples import CORE_BUILD, NEWS

ROOT = Path(tasks.__file__).resolve().parent
FAST = CORE_BUILD
NEWS_FILE = Path("news/2025-01-02-testmeldung.md")
Build = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def site(tmp_path: Path, build_site_process: Build) -> dict[str, Path]:
    """A copy of content/ with one news item of our own, built once into ``out``."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / NEWS_FILE).write_text(NEWS, encoding="utf-8")
    return {"content": content, "out": tmp_path / "out", "cache": tmp_path / "cache",
            "clean": tmp_path / "clean"}


def _build(build_site_process: Build, site: dict[str, Path], output: str = "out",
           **env: str) -> subprocess.CompletedProcess[str]:
    result = build_site_process(site[output], site["content"],
                                env={**FAST, "MIA_CACHE_PATH": str(site["cache"]), **env})
    assert result.returncode == 0, result.stderr
    return result


def _stamps(folder: Path) -> dict[str, int]:
    """Output-relative path → modification time (ns) of every file."""
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
            for p in folder.rglob("*") if p.is_file()}


def _rewritten(before: dict[str, int], folder: Path) -> set[str]:
    return {path for path, stamp in _stamps(folder).items() if before.get(path) != stamp}


def _same_tree(first: Path, second: Path) -> list[str]:
    """Paths whose bytes differ (or that exist on one side only)."""
    one, two = _stamps(first), _stamps(second)
    differ = sorted(set(one) ^ set(two))
    differ += [p for p in sorted(set(one) & set(two))
               if not filecmp.cmp(first / p, second / p, shallow=False)]
    return differ


def _html(paths: set[str]) -> set[str]:
    return {p for p in paths if p.endswith(".html")}


def test_unchanged_site_is_taken_over_whole(site: dict[str, Path],
                                            build_site_process: Build) -> None:
    """Pages and their compressed twins (.gz, .br) are taken over; nothing is rewritten."""
    first = _build(build_site_process, site, MIA_PRECOMPRESS="1")
    assert "0 aus dem letzten Build übernommen" in first.stderr
    before = _stamps(site["out"])
    again = _build(build_site_process, site, MIA_PRECOMPRESS="1")
    assert "Seiten: 0 neu gebaut" in again.stderr, again.stderr
    rewritten = _rewritten(before, site["out"])
    assert not _html(rewritten), "an unchanged page was rendered again"
    twins = {p for p in before if p.endswith((".html.gz", ".html.br"))}
    assert twins and not twins & rewritten, "a page's compressed twins were made again"


def test_one_news_edit_renders_its_pages_and_lists_only(site: dict[str, Path],
                                                        build_site_process: Build) -> None:
    _build(build_site_process, site)
    before = _stamps(site["out"])
    news = site["content"] / NEWS_FILE
    news.write_text(NEWS + "\nEin zweiter Absatz, nach dem ersten Build geschrieben.\n",
                    encoding="utf-8")
    _build(build_site_process, site)
    rewritten = _html(_rewritten(before, site["out"]))

    page = "nachrichten/testmeldung/index.html"
    own = {page} | {f"{lang}/{page}" for lang in ("en", "tr", "ar", "uk", "pl")}
    assert own <= rewritten, "the edited item's page (and its language copies) was not rendered"
    assert "Ein zweiter Absatz" in (site["out"] / page).read_text(encoding="utf-8")
    # Besides its own pages only lists that include the item: the news index and tag pages.
    others = {p for p in rewritten - own if "/nachrichten/" not in f"/{p}"}
    assert not others, f"pages that do not show the item were rendered: {sorted(others)}"
    assert len(rewritten) < len(_html(set(before))) / 10

    _build(build_site_process, site, "clean", MIA_RENDER_CACHE="0")
    assert _same_tree(site["out"], site["clean"]) == [], "the rebuild differs from a clean build"


def test_holiday_translation_edit_renders_that_holiday_only(site: dict[str, Path],
                                                            build_site_process: Build) -> None:
    _build(build_site_process, site)
    before = _stamps(site["out"])
    translation = site["content"] / "inka" / "christlich" / "allerheiligen.en.md"
    text = translation.read_text(encoding="utf-8")
    translation.write_text(text.rstrip("\n") + "\n\nAn added sentence for the test.\n",
                           encoding="utf-8")
    _build(build_site_process, site)
    rewritten = _html(_rewritten(before, site["out"]))
    assert "en/kalender/christlich/allerheiligen/index.html" in rewritten
    assert "An added sentence" in (site["out"] / "en/kalender/christlich/allerheiligen/"
                                   "index.html").read_text(encoding="utf-8")
    assert all("allerheiligen" in p for p in rewritten), sorted(rewritten)

    _build(build_site_process, site, "clean", MIA_RENDER_CACHE="0")
    assert _same_tree(site["out"], site["clean"]) == [], "the rebuild differs from a clean build"


def test_german_text_edit_renders_that_topic_only(site: dict[str, Path],
                                                  build_site_process: Build) -> None:
    """An edit of a German text makes its translations outdated: the notice appears on the
    translations' own pages, and no other page is rendered for it."""
    _build(build_site_process, site)
    before = _stamps(site["out"])
    german = site["content"] / "pages" / "themen" / "foerderung-migrantenorganisationen.md"
    english = german.with_suffix(".en.md")
    assert "source_hash:" in english.read_text(encoding="utf-8")
    notice = "notice--outdated"  # the notice, in the page's language
    page = "themen/foerderung-migrantenorganisationen/index.html"
    assert notice not in (site["out"] / "en" / page).read_text(encoding="utf-8")
    german.write_text(german.read_text(encoding="utf-8").rstrip("\n")
                      + "\n\nEin Satz, nach dem ersten Build geschrieben.\n", encoding="utf-8")
    _build(build_site_process, site)
    rewritten = _html(_rewritten(before, site["out"]))
    own = {page} | {f"{lang}/{page}" for lang in ("en", "tr", "ar", "uk", "pl")}
    assert rewritten == own, sorted(rewritten)
    assert "Ein Satz, nach dem ersten Build" in (site["out"] / page).read_text(encoding="utf-8")
    assert notice in (site["out"] / "en" / page).read_text(encoding="utf-8")

    _build(build_site_process, site, "clean", MIA_RENDER_CACHE="0")
    assert _same_tree(site["out"], site["clean"]) == [], "the rebuild differs from a clean build"


def test_template_change_renders_every_page(site: dict[str, Path], tmp_path: Path,
                                            build_site_process: Build) -> None:
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    _build(build_site_process, site, MIA_THEME_PATH=str(theme))
    before = _stamps(site["out"])
    footer = theme / "templates" / "base.html"
    footer.write_text(footer.read_text(encoding="utf-8").replace(
        "</footer>", "<!-- test --></footer>", 1), encoding="utf-8")
    result = _build(build_site_process, site, MIA_THEME_PATH=str(theme))
    assert " 0 aus dem letzten Build übernommen" in result.stderr, result.stderr
    assert _html(_rewritten(before, site["out"])) == _html(set(before))


def test_failed_build_keeps_site_and_manifest(site: dict[str, Path],
                                              build_site_process: Build) -> None:
    _build(build_site_process, site)
    manifests = sorted((site["cache"] / "render").glob("*.json"))
    assert len(manifests) == 1
    kept = manifests[0].read_bytes()
    news = site["content"] / NEWS_FILE
    news.write_text(NEWS.replace("slug: testmeldung", "titel: Testmeldung"), encoding="utf-8")
    failed = build_site_process(site["out"], site["content"],
                                env={**FAST, "MIA_CACHE_PATH": str(site["cache"])})
    assert failed.returncode != 0
    assert sorted((site["cache"] / "render").glob("*.json")) == manifests, "debris left"
    assert manifests[0].read_bytes() == kept

    news.write_text(NEWS, encoding="utf-8")
    again = _build(build_site_process, site)
    assert "Seiten: 0 neu gebaut" in again.stderr, again.stderr


def test_page_changed_in_the_output_is_rendered_again(site: dict[str, Path],
                                                      build_site_process: Build) -> None:
    _build(build_site_process, site)
    page = site["out"] / "themen" / "index.html"
    original = page.read_bytes()
    page.write_bytes(original.replace(b"</body>", b"<p>von Hand</p></body>"))
    again = _build(build_site_process, site)
    assert "Seiten: 1 neu gebaut" in again.stderr, again.stderr
    assert page.read_bytes() == original
