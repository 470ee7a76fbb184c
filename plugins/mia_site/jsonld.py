"""schema.org ``Event`` data for an event page (JSON-LD in the page's head). No Pelican."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from markupsafe import Markup

STATUS = {
    "confirmed": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
}


def _when(value: dt.datetime, all_day: bool) -> str:
    """A date for all-day events, else a date-time with its UTC offset (+01:00/+02:00)."""
    return value.date().isoformat() if all_day else value.isoformat(timespec="seconds")


def event(page: Any, url: str) -> dict[str, Any]:
    """The JSON-LD of one event page (``url`` is the page's absolute URL)."""
    location: dict[str, Any] = {"@type": "Place", "name": page.location["name"]}
    address = page.location.get("address")
    if address:
        location["address"] = {"@type": "PostalAddress", "streetAddress": address,
                               "addressLocality": "Dortmund", "addressCountry": "DE"}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.summary_text,
        "startDate": _when(page.start, page.all_day),
    }
    if page.all_day:
        data["endDate"] = _when(page.end or page.start, True)
    elif page.end is not None:
        data["endDate"] = _when(page.end, False)
    data.update({
        "eventStatus": STATUS[getattr(page, "event_status", "confirmed")],
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": location,
        "organizer": {"@type": "Organization", "name": page.organizer},
        "url": url,
        "inLanguage": getattr(page, "content_lang", page.lang),
    })
    if getattr(page, "languages", None):
        data["inLanguage"] = list(page.languages)
    return data


def script_text(data: dict[str, Any]) -> Markup:
    """JSON that cannot end its ``<script type="application/ld+json">`` element early."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    # Safe inside <script> once these three are escaped: markup for Jinja's autoescape.
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
