"""`images/x.jpg` in the text means `/images/x.jpg`, as in the header (issue 14)."""

from __future__ import annotations

from markdown import Markdown


def _html(text: str) -> str:
    md = Markdown(extensions=["markdown.extensions.extra", "content_model.image_paths"])
    return md.convert(text)


def test_relative_image_and_file_links_become_root_relative() -> None:
    html = _html("![Team](images/team.jpg) [Flyer](images/flyer.pdf) "
                 '<img src="images/roh.jpg" alt="Roh">')
    assert 'src="/images/team.jpg"' in html
    assert 'href="/images/flyer.pdf"' in html
    assert 'src="/images/roh.jpg"' in html


def test_other_targets_are_left_alone() -> None:
    html = _html("![A](/images/a.jpg) [B](https://example.org/images/b.jpg) [C](/kontakt/) "
                 "`images/code.jpg`")
    assert 'src="/images/a.jpg"' in html and "//images" not in html
    assert 'href="https://example.org/images/b.jpg"' in html
    assert 'href="/kontakt/"' in html
    assert "<code>images/code.jpg</code>" in html
