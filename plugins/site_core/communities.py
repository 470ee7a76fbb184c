"""The calendar's communities (design.md §3): keys, titles, labels, letters and colours.

Titles and labels are German source strings (msgids), translated through the site's gettext
catalogues where they are shown (Jinja filters ``community_title``/``community_label``, the
feeds' calendar names, the poster's legend). A community is never marked by its colour alone:
the poster shows its letter in white on the colour (≥ 4.5:1 against white, tests check it);
the site's stylesheet reads the colours as custom properties (:func:`stylesheet`).
"""

from __future__ import annotations

from dataclasses import dataclass

from site_core.messages import N_


@dataclass(frozen=True)
class Community:
    key: str
    #: Title of its calendar page and feed, e.g. "Islamische Feiertage" (msgid)
    title: str
    #: Short label next to a holiday, e.g. "islamisch" (msgid)
    label: str
    #: Language-independent letter of the poster's mark
    letter: str
    colour: str
    #: The lead paragraph of its calendar page (msgid)
    intro: str


_ALL = (
    Community("christlich", N_("Christliche Feiertage"), N_("christlich"), "C", "#6a1b9a",
              N_("Feste und Gedenktage der katholischen und der evangelischen Kirche. Einige davon"
                 " sind in Nordrhein-Westfalen gesetzliche Feiertage.")),
    Community("orthodox", N_("Orthodoxe Feiertage"), N_("orthodox"), "O", "#8e5a00",
              N_("Feste der orthodoxen Kirchen. Viele orthodoxe Kirchen rechnen mit dem "
                 "julianischen Kalender. Ihre Feste liegen deshalb oft später als die der "
                 "westlichen Kirchen.")),
    Community("juedisch", N_("Jüdische Feiertage"), N_("jüdisch"), "J", "#0b5cad",
              N_("Feste und Gedenktage des Judentums. Sie folgen dem jüdischen Kalender und "
                 "beginnen am Vorabend bei Sonnenuntergang.")),
    Community("islamisch", N_("Islamische Feiertage"), N_("islamisch"), "I", "#1b6e3a",
              N_("Feste und besondere Nächte im Islam. Sie folgen dem islamischen Mondkalender und"
                 " liegen deshalb jedes Jahr etwa elf Tage früher.")),
    Community("alevitisch", N_("Alevitische Feiertage"), N_("alevitisch"), "A", "#a4001d",
              N_("Feste, Fastenzeiten und Gedenktage der Alevitinnen und Aleviten.")),
    Community("jesidisch", N_("Jesidische Feiertage"), N_("jesidisch"), "E", "#b34700",
              N_("Feste und Fastenzeiten der Jesidinnen und Jesiden. Viele Termine richten sich "
                 "nach dem julianischen Kalender.")),
    Community("hinduistisch", N_("Hinduistische Feiertage"), N_("hinduistisch"), "H",
              "#c2185b",
              N_("Feste des Hinduismus. Sie folgen dem indischen Mond- und Sonnenkalender. Je nach"
                 " Region kann ein Fest einen Tag früher oder später gefeiert werden.")),
    Community("buddhistisch", N_("Buddhistische Feiertage"), N_("buddhistisch"), "B",
              "#7a5c00",
              N_("Feste des Buddhismus. Viele richten sich nach dem Vollmond. Die buddhistischen "
                 "Traditionen feiern sie zum Teil an verschiedenen Tagen.")),
    Community("gesellschaftlich", N_("Gesellschaftliche Gedenk- und Aktionstage"),
              N_("gesellschaftlich"), "G", "#37474f",
              N_("Internationale Gedenk- und Aktionstage, die für das Zusammenleben in Dortmund "
                 "wichtig sind.")),
)

#: Every community by key, in the order the site lists them (societal days last).
BY_KEY: dict[str, Community] = {c.key: c for c in _ALL}
COMMUNITIES: tuple[str, ...] = tuple(BY_KEY)
#: The key of the societal (non-religious) days.
SOCIETAL = "gesellschaftlich"
#: The msgid of each community's title.
TITLES: dict[str, str] = {c.key: c.title for c in _ALL}
LABELS: dict[str, str] = {c.key: c.label for c in _ALL}
INTROS: dict[str, str] = {c.key: c.intro for c in _ALL}
COLOURS: dict[str, str] = {c.key: c.colour for c in _ALL}

#: Where the generated stylesheet is written, in the theme's static folder of the output
#: (THEME_STATIC_DIR), beside site.css.
STYLESHEET = "css/communities.css"


def stylesheet() -> str:
    """CSS of the community colours: ``--community-<key>`` custom properties on ``:root``
    and the border colour of each ``.inka-community--<key>`` label."""
    lines = ["/* Generated from plugins/site_core/communities.py: do not edit. */", ":root {"]
    lines += [f"  --community-{c.key}: {c.colour};" for c in _ALL]
    lines.append("}")
    lines += [f".inka-community--{c.key} {{ border-inline-start-color: "
              f"var(--community-{c.key}); }}" for c in _ALL]
    return "\n".join(lines) + "\n"
