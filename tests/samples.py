"""Small content files that tests write into copies of ``content/`` (one place for each), and
the environment of the tests' whole-site builds."""

#: A build of the site core: no posters, search index or compression, on the tests' fixed date.
CORE_BUILD = {"MIA_SEARCH": "0", "MIA_POSTERS": "0", "MIA_PRECOMPRESS": "0",
              "SOURCE_DATE_EPOCH": "1767225600"}

#: A minimal valid news item's header; its body starts at line 8.
NEWS_HEAD = """---
title: Testmeldung
slug: testmeldung
date: 2025-01-02
lang: de
summary: Eine Meldung für den Test.
---
"""
#: A minimal valid news item (content/news/2025-01-02-testmeldung.md).
NEWS = NEWS_HEAD + "Text.\n"

#: A minimal valid event (content/events/testtermin.md); its last field, ``organizer``, is on
#: line 12.
EVENT = """---
title: Testtermin
slug: testtermin
date: 2025-01-02
lang: de
summary: Ein Termin für den Test.
start: 2025-06-21 12:00
end: 2025-06-21 14:00
timezone: Europe/Berlin
location:
  name: Rathaus
organizer: MIA-DO-KI
---
Text.
"""
