"""Accent- and case-insensitive text, so that "junin" finds "Junín" and "nandu" finds "Ñandú".

Used for the registry's search column and for sorting titles; Spanish users type without accents
as often as with them.
"""

import unicodedata


def fold(text):
    """Lower-case text without diacritics ("" for None)."""
    if text is None:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def collate(a, b):
    """A sqlite collation comparing folded text."""
    fa, fb = fold(a), fold(b)
    return (fa > fb) - (fa < fb)


def register_text_functions(conn):
    """Give a sqlite3 connection ``t2r_fold()`` and the ``t2r_fold`` collation."""
    conn.create_function("t2r_fold", 1, fold, deterministic=True)
    conn.create_collation("t2r_fold", collate)
