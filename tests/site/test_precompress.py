"""Output pre-compressed for a static server (issue 9, design.md §8): every text file above 1 KB
has a `.gz` and a `.br` twin holding exactly its bytes; typical pages stay light and load no
render-blocking script. (That two builds are byte-identical, twins included, is asserted by
test_golden.test_two_builds_are_byte_identical.)"""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
import sitelib

from mia_site.precompress import MIN_SIZE, SUFFIXES

# A typical page must weigh less than this, HTML + CSS compressed (design.md §8; no web fonts).
BUDGET = 50_000
TYPICAL = ("/", "/themen/sprachmittlung/", "/nachrichten/", "/veranstaltungen/",
           "/kalender/", "/ar/themen/sprachmittlung/")


def test_every_text_file_has_gzip_and_brotli_twins(site_dir: Path) -> None:
    eligible = [p for p in sorted(site_dir.rglob("*"))
                if p.suffix in SUFFIXES and p.is_file() and p.stat().st_size > MIN_SIZE]
    assert len(eligible) > 100, "the build has hardly any text files"
    if (site_dir / "pagefind").is_dir():  # compression runs after the search index
        assert any(p.parent.name == "pagefind" for p in eligible), "Pagefind's files not found"
    wrong = []
    for path in eligible:
        data = path.read_bytes()
        gz, br = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
        if not gz.is_file() or gzip.decompress(gz.read_bytes()) != data:
            wrong.append(str(gz.relative_to(site_dir)))
        if not br.is_file() or brotli.decompress(br.read_bytes()) != data:
            wrong.append(str(br.relative_to(site_dir)))
    assert not wrong, f"{len(wrong)} missing or wrong twins, e.g. {wrong[:10]}"


def test_gzip_twins_carry_no_time_or_name(site_dir: Path) -> None:
    """RFC 1952 header: MTIME (bytes 4-7) zero and no FNAME flag, so builds are reproducible."""
    for gz in sorted(site_dir.rglob("*.gz"))[:50]:
        head = gz.read_bytes()[:10]
        assert head[:2] == b"\x1f\x8b" and head[4:8] == b"\0\0\0\0" and not head[3] & 0x08, gz


def test_small_and_binary_files_get_no_twins(site_dir: Path) -> None:
    for twin in site_dir.rglob("*.gz"):
        original = twin.with_suffix("")
        assert original.suffix in SUFFIXES and original.stat().st_size > MIN_SIZE, twin


def _stylesheets(doc: object) -> list[str]:
    return [str(link["href"]) for link in doc.find_all("link", rel="stylesheet")  # type: ignore[attr-defined]
            if link.get("media", "all") != "print"]


def test_typical_pages_are_light_and_scripts_do_not_block(site_dir: Path) -> None:
    for url in TYPICAL:
        file = sitelib.file_for_path(site_dir, url)
        assert file is not None, url
        doc = sitelib.soup(file)
        weight = len(file.with_name(file.name + ".br").read_bytes())
        for href in _stylesheets(doc):
            css = sitelib.file_for_path(site_dir, href)
            assert css is not None, f"{url}: stylesheet {href} missing"
            twin = css.with_name(css.name + ".br")
            weight += len(twin.read_bytes()) if twin.is_file() else css.stat().st_size
        assert weight < BUDGET, f"{url}: {weight} bytes compressed (HTML + CSS)"
        for script in doc.find_all("script", src=True):
            assert script.has_attr("defer") or script.has_attr("async") or \
                script.get("type") == "module", f"{url}: render-blocking script {script['src']}"
