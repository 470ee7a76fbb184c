"""Small content files that tests write into copies of ``content/`` (one place for each)."""

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
