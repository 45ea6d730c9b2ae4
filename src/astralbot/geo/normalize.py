"""One normal form for place names, shared by the index and the queries.

"Санкт-Петербург", "санкт петербург" and "САНКТ–ПЕТЕРБУРГ" must meet in one key, and so must
"Орёл"/"Орел" and "Düsseldorf"/"Dusseldorf": case, diacritics (which also folds ё→е and й→и),
punctuation and spacing are all dropped.
"""

from __future__ import annotations

import re
import string
import unicodedata

# Latin letters that NFKD does not decompose into a base letter plus a mark.
_LATIN_FOLDS = str.maketrans({"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ı": "i", "þ": "th"})


_ASCII_DROP = str.maketrans("", "", string.punctuation + string.whitespace)
_NOT_ALNUM = re.compile(r"[\W_]+")  # also matches combining marks, which are not alphanumeric


def normalize_name(text: str) -> str:
    """The index key of a place name: letters and digits only, casefolded, without marks."""
    if text.isascii():  # most names; a fast path keeps the index build short
        return text.lower().translate(_ASCII_DROP)
    decomposed = unicodedata.normalize("NFKD", text.casefold()).translate(_LATIN_FOLDS)
    return _NOT_ALNUM.sub("", decomposed)


_CYRILLIC = re.compile("[\u0400-\u04ff]")
_INDEXABLE = re.compile("[0-9a-z\u0400-\u04ff]+")


def is_cyrillic(text: str) -> bool:
    """Whether a text contains Cyrillic letters (decides the script of suggestions)."""
    return _CYRILLIC.search(text) is not None


def is_indexable(key: str) -> bool:
    """Only Latin and Cyrillic keys are indexed: the bot speaks Russian and English, and other
    scripts would triple the index's memory without serving any user."""
    return _INDEXABLE.fullmatch(key) is not None
