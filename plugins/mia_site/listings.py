"""Writes the listing pages of every language from the one set of documents read by Pelican:
topics overview, news list (paginated) and tags, events, 404, news feeds; robots.txt. The
sitemap is made from what was written (mia_site.sitemap)."""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator

from mia_site.i18n import translate, version
from site_core import urls
from site_core.languages import prefix


def _prefix(lang: str, default: str) -> str:
    del default  # German at the root: the site core's rule
    return prefix(lang)


class ListingsGenerator(Generator):
    """Direct pages per language (Pelican's own direct templates only know one language)."""

    def generate_context(self) -> None:
        """Nothing to read: the lists come from the pages and articles generators."""

    def generate_output(self, writer: Any) -> None:
        settings = self.settings
        default = settings["DEFAULT_LANG"]
        news = self.context.get("news_latest", [])
        tags = self.context.get("tags", [])
        for lang in settings["LANGUAGES"]:
            prefix = _prefix(lang, default)
            for path, template in ((urls.topics(), "themen"),
                                   (urls.events_index(), "veranstaltungen"),
                                   (urls.search(), "suche"),
                                   (urls.not_found(), "notfound")):
                save_as = path + "index.html" if path.endswith("/") else path
                writer.write_file(prefix + save_as, self.get_template(template), self.context,
                                  page_lang=lang, url=prefix + path, section_path=path)
            items = [version(article, lang) for article in news]
            news_index = urls.news_index()
            writer.write_file(prefix + news_index + "index.html", self.get_template("index"),
                              self.context, paginated={"articles": items},
                              template_name="index", url=prefix + news_index,
                              page_lang=lang, section_path=news_index)
            for tag, tagged in tags:
                save_as = prefix + settings["TAG_PAGE_SAVE_AS"].format(slug=tag.slug)
                writer.write_file(save_as, self.get_template("tag"), self.context,
                                  paginated={"articles": [version(a, lang) for a in tagged]},
                                  template_name="tag", url=save_as.replace("index.html", ""),
                                  page_lang=lang, tag=tag, section_path=tag.url)
            own = [a for a in items if not getattr(a, "fallback", False)]
            writer.write_feed(own[:settings["FEED_MAX_ITEMS"]], self.context,
                              prefix + settings["NEWS_FEED_ATOM"], feed_type="atom",
                              feed_title=translate(settings, lang, "Nachrichten"))
        writer.write_file(urls.ROBOTS, self.get_template("robots"), self.context,
                          page_lang=default)


def get_generators(_pelican: object) -> type[Generator]:
    return ListingsGenerator
