"""How search reads text and questions, the same way on every database. No Django here.

Both databases index text that this module has already folded: lower case, accents taken
off, everything that is not a letter or a digit turned into a space. So SQLite's FTS5 and
PostgreSQL's `simple` configuration see the same words, and a person's question is turned
into the same words before either database is asked. A question is only ever words of
letters and digits: quotes, brackets, stars and operators that people type never reach the
database's query syntax.
"""

import re
import unicodedata
from dataclasses import dataclass

MAX_TERMS = 8
MAX_TERM_LENGTH = 40
MAX_QUESTION_LENGTH = 200

_APOSTROPHES = re.compile(r"['\u2019]")
_NOT_WORD = re.compile(r"[^\w]|_", re.UNICODE)
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower case, no accents, only letters, digits and single spaces."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    # "O'Brien's" is one word, "obriens", whichever apostrophe was typed.
    joined = _APOSTROPHES.sub("", bare)
    return _SPACES.sub(" ", _NOT_WORD.sub(" ", joined)).strip()


@dataclass(frozen=True)
class Question:
    """What someone searched for, as words. `phrase` when they put it in quotes."""

    terms: tuple[str, ...]
    phrase: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.terms

    @property
    def joined(self) -> str:
        return " ".join(self.terms)


def read_question(raw: str) -> Question:
    """Turn what was typed into words. "A whole phrase in quotes" asks for the words together."""
    raw = (raw or "")[:MAX_QUESTION_LENGTH]
    stripped = raw.strip()
    phrase = len(stripped) > 2 and stripped[0] in '"“' and stripped[-1] in '"”'
    terms = tuple(t[:MAX_TERM_LENGTH] for t in fold(raw).split())[:MAX_TERMS]
    return Question(terms=terms, phrase=phrase and len(terms) > 1)


def _starts(term: str) -> bool:
    """Whether a word also finds longer words it starts: not for one letter or digit, which
    would find nearly everything."""
    return len(term) > 1


def fts5_match(question: Question) -> str:
    """An FTS5 MATCH expression: every word, each also as the start of a longer word.

    Words are letters and digits only (see fold), and each is quoted, so FTS5 reads none of
    them as an operator ("AND", "NEAR", a column filter).
    """
    if question.phrase:
        return '"' + " ".join(question.terms) + '"' + ("*" if _starts(question.terms[-1]) else "")
    return " AND ".join(f'"{t}"' + ("*" if _starts(t) else "") for t in question.terms)


def pg_tsquery(question: Question) -> str:
    """A PostgreSQL to_tsquery('simple', ...) text with the same meaning as fts5_match."""
    if question.phrase:
        *first, last = question.terms
        return " <-> ".join([f"'{t}'" for t in first] + [_pg_term(last)])
    return " & ".join(_pg_term(t) for t in question.terms)


def _pg_term(term: str) -> str:
    return f"'{term}':*" if _starts(term) else f"'{term}'"
