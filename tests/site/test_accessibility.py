"""WCAG 2.1 A/AA in headless Debian chromium (design.md §8, §9): axe-core on every page on CI
(locally on one page per template and language), no horizontal scrolling at 320 px, and a
working, visible skip link for keyboard users."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sitelib

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_RUN = """async (tags) => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                     resultTypes: ['violations']});
  return {violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({target: n.target.join(' '),
                                      summary: (n.failureSummary || '').split('\\n')[1] || '',
                                      html: n.html.slice(0, 160)}))})),
          passes: r.passes.length, version: axe.version};
}"""


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
    context.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith("http://127.0.0.1") else route.abort()
        ),
    )
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()


def axe_pages(html_pages: list[tuple[str, Path]]) -> tuple[list[tuple[str, Path]], str]:
    """Every page on CI (CI=true) or with MIA_AXE_ALL=1; otherwise one page per template and
    language (sitelib.template_shape): axe over all pages is the suite's largest cost."""
    if os.environ.get("CI", "").strip().lower() in ("1", "true", "yes") \
            or os.environ.get("MIA_AXE_ALL", "").strip() == "1":
        return html_pages, f"axe: EVERY page ({len(html_pages)}; CI=true or MIA_AXE_ALL=1)"
    sample = sitelib.one_page_per_template(html_pages)
    return sample, (f"axe: SAMPLE of {len(sample)} of {len(html_pages)} pages, one per template "
                    "and language; MIA_AXE_ALL=1 (or CI=true) checks every page")


def test_axe_finds_no_wcag_violation_on_any_page(
    page: Any, site_server: str, axe_js: Path, html_pages: list[tuple[str, Path]],
    announce: Callable[[str], None],
) -> None:
    report: list[str] = []
    rules: dict[str, int] = {}
    version = ""
    checked, mode = axe_pages(html_pages)
    announce(mode)
    print(f"\n{mode}")
    for url, _file in checked:
        page.goto(site_server + url, wait_until="load")
        page.add_script_tag(path=str(axe_js))
        result = page.evaluate(AXE_RUN, AXE_TAGS)
        version = result["version"]
        for v in result["violations"]:
            rules[v["id"]] = rules.get(v["id"], 0) + 1
            report.append(f"{url}: [{v['impact']}] {v['id']}: {v['help']}")
            report += [
                f"    {n['target']}  {n['summary']}\n      {n['html']}" for n in v["nodes"][:5]
            ]
            if len(v["nodes"]) > 5:
                report.append(f"    … and {len(v['nodes']) - 5} more elements")
    print(f"\naxe-core {version}: {len(checked)} pages, violations by rule: {rules or 0}")
    if report:
        pytest.fail(
            f"axe-core {version} ({', '.join(AXE_TAGS)}): violations on "
            f"{len({r.split(':', 1)[0] for r in report if not r.startswith(' ')})} "
            f"of {len(checked)} pages ({mode}):\n" + "\n".join(report),
            pytrace=False,
        )


def test_axe_gate_catches_a_violation(page: Any, site_server: str, axe_js: Path) -> None:
    page.set_content(
        '<!DOCTYPE html><html lang="de"><title>t</title><main>'
        '<img src="x.png"><p style="color:#ccc;background:#fff">blass</p>'
        "</main></html>"
    )
    page.add_script_tag(path=str(axe_js))
    ids = {v["id"] for v in page.evaluate(AXE_RUN, AXE_TAGS)["violations"]}
    assert {"image-alt", "color-contrast"} <= ids, ids


def test_no_horizontal_scrolling_at_320_px(
    page: Any, site_server: str, html_pages: list[tuple[str, Path]]
) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    wide = []
    for url, _file in html_pages:
        page.goto(site_server + url, wait_until="load")
        sizes = page.evaluate("""() => {
          const w = window.innerWidth, d = document.documentElement;
          const culprits = [];
          if (d.scrollWidth > w) {
            const over = (el) => el.getBoundingClientRect().right > w + 0.5;
            for (const el of document.body.querySelectorAll('*')) {
              const r = el.getBoundingClientRect();
              if (r.width > 0 && over(el) && ![...el.children].some(over)) {
                culprits.push(el.tagName.toLowerCase() + (el.className ?
                  '.' + String(el.className).trim().split(/\\s+/).join('.') : '') +
                  ' (right ' + Math.round(r.right) + 'px)');
                if (culprits.length >= 3) break;
              }
            }
          }
          return {scroll: d.scrollWidth, inner: w, culprits};
        }""")
        if sizes["scroll"] > sizes["inner"]:
            wide.append(
                f"{url}: scrollWidth {sizes['scroll']} > {sizes['inner']} px; "
                f"widest: {', '.join(sizes['culprits'])}"
            )
    if wide:
        pytest.fail(
            "horizontal scrolling at 320 px (WCAG 1.4.10 Reflow):\n" + "\n".join(wide),
            pytrace=False,
        )


SKIP_LINK_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
  return {tag: el.tagName.toLowerCase(), href: el.getAttribute('href'), text: el.textContent.trim(),
          x: r.left, y: r.top, w: r.width, h: r.height, right: r.right, bottom: r.bottom,
          vw: window.innerWidth, vh: window.innerHeight,
          outlineStyle: cs.outlineStyle, outlineWidth: parseFloat(cs.outlineWidth) || 0,
          boxShadow: cs.boxShadow, opacity: parseFloat(cs.opacity),
          clip: cs.clip, clipPath: cs.clipPath, visibility: cs.visibility};
}"""

FOCUS_AFTER_SKIP = """() => {
  const main = document.getElementById('main');
  const el = document.activeElement;
  if (!main || !el) return 'no main or no focus';
  if (main === el || main.contains(el)) return 'in-main';
  const pos = main.compareDocumentPosition(el);
  if (pos & Node.DOCUMENT_POSITION_FOLLOWING) return 'after-main';
  return 'before-main:' + el.outerHTML.slice(0, 120);
}"""


def _topic_url(html_pages: list[tuple[str, Path]]) -> str:
    topics = [url for url, _ in html_pages if url.startswith("/themen/") and url != "/themen/"]
    assert topics, "no topic page in the build"
    return topics[0]


@pytest.mark.parametrize("which", ["home", "topic"])
def test_first_tab_focuses_a_visible_skip_link_that_jumps_to_main(
    page: Any, site_server: str, html_pages: list[tuple[str, Path]], which: str
) -> None:
    url = "/" if which == "home" else _topic_url(html_pages)
    page.goto(site_server + url, wait_until="load")
    page.keyboard.press("Tab")
    state = page.evaluate(SKIP_LINK_STATE)
    assert state is not None, f"{url}: Tab focused nothing"
    assert state["tag"] == "a" and state["href"] == "#main", f"{url}: first Tab focused {state}"
    visible = (
        state["w"] >= 1
        and state["h"] >= 1
        and state["x"] >= 0
        and state["y"] >= 0
        and state["right"] <= state["vw"]
        and state["bottom"] <= state["vh"]
        and state["opacity"] > 0.5
        and state["visibility"] == "visible"
        and state["clipPath"] in ("none", "")
        and state["clip"] in ("auto", "")
    )
    assert visible, f"{url}: the focused skip link is not visible in the viewport: {state}"
    indicator = (state["outlineStyle"] != "none" and state["outlineWidth"] >= 1) or state[
        "boxShadow"
    ] not in ("none", "")
    assert indicator, f"{url}: no visible focus indicator on the skip link: {state}"
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.keyboard.press("Enter")
    try:  # the jump is not instant: wait for it (a condition, not a fixed sleep)
        page.wait_for_function("() => location.hash === '#main'", timeout=5_000)
    except PlaywrightTimeout:
        pytest.fail(f"{url}: Enter did not follow #main within 5 s "
                    f"(location.hash is {page.evaluate('location.hash')!r})", pytrace=False)
    where = page.evaluate(FOCUS_AFTER_SKIP)
    if where != "in-main":
        page.keyboard.press("Tab")
        where = page.evaluate(FOCUS_AFTER_SKIP)
    assert where in ("in-main", "after-main"), (
        f"{url}: after the skip link, keyboard focus is not in or after <main>: {where}"
    )
