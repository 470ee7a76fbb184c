"""PyYAML's English syntax errors in the words of an editor (German, with the fix).

``explain(problem)`` maps the ``problem`` text of a :class:`yaml.MarkedYAMLError` to
(was falsch ist, was erwartet wird). Unknown problems get a general German explanation; the
English text never reaches the editor.
"""

from __future__ import annotations

import re

FIELD_EXAMPLE = "'title: Neue Sprechstunde'"

#: (pattern on PyYAML's problem text, what is wrong, what is expected), first match wins.
_RULES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"found character '\\t'"),
     "Tabulator im Kopfbereich (YAML erlaubt nur Leerzeichen zum Einrücken)",
     "Tabulator durch Leerzeichen ersetzen"),
    (re.compile(r"mapping values are not allowed here"),
     "Doppelpunkt an einer Stelle, an der YAML keinen erwartet",
     f"eine Zeile pro Feld wie {FIELD_EXAMPLE}; einen Text mit Doppelpunkt in "
     "Anführungszeichen setzen: title: \"Beispiel: Sprechstunde\""),
    (re.compile(r"could not find expected ':'"),
     "Zeile ohne Doppelpunkt nach dem Feldnamen",
     f"jede Zeile im Kopfbereich hat die Form {FIELD_EXAMPLE}; eine fortgesetzte Zeile "
     "einrücken"),
    (re.compile(r"found unexpected end of stream|while scanning a quoted scalar|"
                r"found unknown escape character"),
     "ein Anführungszeichen wird nicht geschlossen",
     "den Text zwischen zwei gleiche Anführungszeichen setzen: \"…\" oder '…'"),
    (re.compile(r"expected ',' or '[\]}]'|expected ',' or"),
     "eine Liste in eckigen oder geschweiften Klammern ist nicht richtig geschlossen",
     "z. B. tags: [Beratung, Familie] – Einträge mit Komma trennen, Klammer schließen"),
    (re.compile(r"expected <block end>|bad indentation|expected <block mapping start>|"
                r"did not find expected key|did not find expected '-'"),
     "Einrückung stimmt nicht",
     "Felder ganz links beginnen; Unterfelder mit zwei Leerzeichen mehr einrücken als das "
     "Feld darüber, alle gleich weit"),
    (re.compile(r"found character '(.)' that cannot start any token"),
     "ein Wert beginnt mit einem Zeichen, das YAML besonders deutet",
     "den Wert in Anführungszeichen setzen, z. B. title: \"@Beispiel\""),
    (re.compile(r"found duplicate anchor|found undefined alias|found undefined tag|"
                r"could not determine a constructor"),
     "Zeichen wie &, * oder ! am Anfang eines Werts haben in YAML eine besondere Bedeutung",
     "den Wert in Anführungszeichen setzen"),
)

GENERAL = ("Kopfbereich ist kein gültiges YAML",
           f"jede Zeile hat die Form {FIELD_EXAMPLE}; Texte mit Doppelpunkt in Anführungszeichen; "
           "Einrückung nur mit Leerzeichen")


def explain(problem: str | None) -> tuple[str, str]:
    """(what is wrong, what is expected) in German for one PyYAML problem text."""
    text = problem or ""
    for pattern, wrong, expected in _RULES:
        if pattern.search(text):
            return wrong, expected
    return GENERAL
