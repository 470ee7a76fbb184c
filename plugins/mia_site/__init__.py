"""Pelican glue for the MIA-DO-KI site: our front-matter reader, the site's context and checks.

The content rules themselves live in ``content_model`` (no Pelican import); this package only
connects them to Pelican's signals.
"""

from pelican import signals

from mia_site import (
    bidi,
    cache,
    context,
    filters,
    guard,
    i18n,
    listings,
    outputs,
    precompress,
    reader,
    search,
    sitemap,
    tags,
    writer,
)


def register() -> None:
    signals.initialized.connect(guard.refuse_unsafe_files)
    signals.initialized.connect(reader.reset)
    signals.initialized.connect(i18n.check_catalogs)
    signals.initialized.connect(cache.configure)
    signals.readers_init.connect(cache.guard)
    signals.readers_init.connect(reader.add_reader)
    signals.generator_init.connect(filters.install)
    signals.generator_init.connect(i18n.install)
    signals.generator_init.connect(tags.install)
    signals.page_generator_finalized.connect(context.pages_finalized)
    signals.article_generator_finalized.connect(context.articles_finalized)
    signals.all_generators_finalized.connect(reader.raise_content_errors)
    signals.get_writer.connect(writer.get_writer)
    signals.content_written.connect(bidi.content_written)  # right-to-left pages
    signals.get_generators.connect(listings.get_generators)
    signals.finalized.connect(search.index_site)
    signals.finalized.connect(precompress.precompress_site)  # after the search index
    signals.get_generators.connect(outputs.get_generators)
    signals.initialized.connect(sitemap.connect_last)  # after every plugin's generators
