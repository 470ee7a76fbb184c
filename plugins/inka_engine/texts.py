"""The few feed texts the engine writes itself, in the six site languages."""

from __future__ import annotations

from .constants import DEFAULT_LANGUAGE

TEXTS: dict[str, dict[str, str]] = {
    "estimated": {
        "de": "(voraussichtlich)", "en": "(expected)", "tr": "(tahmini)", "ar": "(متوقع)",
        "uk": "(орієнтовно)", "pl": "(przewidywany termin)",
    },
    "evening": {
        "de": "Beginnt am Vorabend mit Sonnenuntergang.",
        "en": "Begins at sunset on the evening before.",
        "tr": "Bir önceki akşam gün batımında başlar.",
        "ar": "يبدأ عند غروب الشمس في الليلة السابقة.",
        "uk": "Починається із заходом сонця напередодні.",
        "pl": "Zaczyna się o zachodzie słońca dzień wcześniej.",
    },
    "variance": {
        "de": "Das Datum ist vorausberechnet und kann sich um bis zu {n} Tag(e) verschieben.",
        "en": "The date is calculated in advance and may move by up to {n} day(s).",
        "tr": "Tarih önceden hesaplanmıştır ve {n} güne kadar değişebilir.",
        "ar": "التاريخ محسوب مسبقًا وقد يتغير بما يصل إلى {n} يوم.",
        "uk": "Дату розраховано заздалегідь, вона може зміститися до {n} дн.",
        "pl": "Data jest obliczona z wyprzedzeniem i może przesunąć się o {n} dn.",
    },
    "source": {
        "de": "Quelle", "en": "Source", "tr": "Kaynak", "ar": "المصدر", "uk": "Джерело",
        "pl": "Źródło",
    },
    "calname": {
        "de": "INKA – Interkultureller Kalender Dortmund",
        "en": "INKA – Intercultural Calendar Dortmund",
        "tr": "INKA – Dortmund Kültürlerarası Takvim",
        "ar": "إنكا – التقويم متعدد الثقافات في دورتموند",
        "uk": "INKA – Міжкультурний календар Дортмунда",
        "pl": "INKA – Międzykulturowy kalendarz Dortmundu",
    },
    "caldesc": {
        "de": "Feiertage der Religionen und Gemeinschaften in Dortmund.",
        "en": "Holidays of religions and communities in Dortmund.",
        "tr": "Dortmund'daki dinlerin ve toplulukların bayram ve özel günleri.",
        "ar": "أعياد الأديان والجماعات في دورتموند.",
        "uk": "Свята релігій і громад у Дортмунді.",
        "pl": "Święta religii i wspólnot w Dortmundzie.",
    },
}


def text(name: str, lang: str, **values: object) -> str:
    table = TEXTS[name]
    return table.get(lang, table[DEFAULT_LANGUAGE]).format(**values)
