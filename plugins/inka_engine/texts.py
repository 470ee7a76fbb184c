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
    "calendar_islamisch": {
        "de": "Islamische Termine folgen dem Kalender der Diyanet/DITIB (wo noch nicht "
              "veröffentlicht: vorausberechnet nach Diyanets eigenem Verfahren). Andere "
              "Gemeinden können um einen Tag abweichen.",
        "en": "Islamic dates follow the Diyanet/DITIB calendar (where not yet published: "
              "calculated in advance with Diyanet's own method). Other communities may differ "
              "by a day.",
        "tr": "İslami tarihler Diyanet/DİTİB takvimine göredir (henüz yayımlanmamışsa "
              "Diyanet'in kendi yöntemiyle önceden hesaplanmıştır). Diğer cemaatler bir gün "
              "farklı olabilir.",
        "ar": "تتبع المواعيد الإسلامية تقويم ديانت/ديتيب (وما لم يُنشر بعد محسوب مسبقًا "
              "بطريقة ديانت نفسها). قد تختلف جماعات أخرى بيوم واحد.",
        "uk": "Ісламські дати відповідають календарю Diyanet/DITIB (де його ще не "
              "опубліковано, розраховано заздалегідь власним методом Diyanet). Інші громади "
              "можуть відзначати на день раніше або пізніше.",
        "pl": "Daty islamskie są zgodne z kalendarzem Diyanet/DITIB (jeśli nie został jeszcze "
              "opublikowany: obliczone z wyprzedzeniem własną metodą Diyanet). Inne wspólnoty "
              "mogą obchodzić święto dzień wcześniej lub później.",
    },
    "night": {
        "de": "Nacht vom {evening} zum {start}",
        "en": "night of {evening} to {start}",
        "tr": "{evening} gecesi",
        "ar": "ليلة {evening} إلى {start}",
        "uk": "ніч з {evening} на {start}",
        "pl": "noc z {evening} na {start}",
    },
    "eve": {
        "de": "Vorabend: {holiday}",
        "en": "Eve: {holiday}",
        "tr": "Arife akşamı: {holiday}",
        "ar": "عشية: {holiday}",
        "uk": "Переддень: {holiday}",
        "pl": "Wigilia święta: {holiday}",
    },
    "eve_description": {
        "de": "{holiday} beginnt an diesem Abend mit Sonnenuntergang; der erste Festtag ist der "
              "{day}.",
        "en": "{holiday} begins at sunset this evening; the first day is {day}.",
        "tr": "{holiday} bu akşam gün batımında başlar; ilk gün {day}.",
        "ar": "يبدأ {holiday} عند غروب الشمس هذا المساء؛ اليوم الأول هو {day}.",
        "uk": "{holiday} починається цього вечора із заходом сонця; перший день — {day}.",
        "pl": "{holiday} zaczyna się tego wieczoru o zachodzie słońca; pierwszy dzień to {day}.",
    },
    "german": {
        "de": "Erklärung", "en": "Explanation (in German)", "tr": "Açıklama (Almanca)",
        "ar": "الشرح (بالألمانية)", "uk": "Пояснення (німецькою)",
        "pl": "Objaśnienie (po niemiecku)",
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
