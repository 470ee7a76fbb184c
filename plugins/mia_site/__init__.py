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
    preread,
    reader,
    search,
    sitemap,
    tags,
    writer,
)

#: Each signal with its receivers, in the order they run. ``sitemap.connect_last`` connects
#: the sitemap's generator when Pelican is initialised, after every plugin's generators;
#: precompression runs after the search index is written.
RECEIVERS = (
    (signals.initialized, (guard.refuse_unsafe_files, reader.reset, i18n.check_catalogs,
                           cache.configure, sitemap.connect_last)),
    (signals.readers_init, (cache.guard, reader.add_reader)),
    (signals.generator_init, (filters.install, i18n.install, tags.install)),
    # After the readers exist: the uncached files are read in forked processes first.
    (signals.article_generator_init, (preread.articles,)),
    (signals.page_generator_init, (preread.pages,)),
    (signals.page_generator_finalized, (context.pages_finalized,)),
    (signals.article_generator_finalized, (context.articles_finalized,)),
    (signals.all_generators_finalized, (reader.raise_content_errors,)),
    (signals.get_writer, (writer.get_writer,)),
    (signals.content_written, (bidi.content_written,)),  # right-to-left pages
    (signals.get_generators, (listings.get_generators, outputs.get_generators)),
    (signals.finalized, (search.index_site, precompress.precompress_site)),
)


def register() -> None:
    for signal, receivers in RECEIVERS:
        for receiver in receivers:
            signal.connect(receiver)
