from coproduce.search.text import fold, fts5_match, pg_tsquery, read_question


def test_fold_takes_off_case_accents_and_punctuation():
    """Folded text is lower case words without accents, joined by single spaces."""
    assert fold("  Café-Bar:  O'Brien’s  STRASSE  ") == "cafe bar obriens strasse"


def test_only_words_reach_the_query():
    """Quotes, stars, brackets and operators typed by people become words or nothing."""
    question = read_question('AND ( * " NEAR title:x')
    assert question.terms == ("and", "near", "title", "x")
    assert fts5_match(question) == '"and"* AND "near"* AND "title"* AND "x"'
    assert pg_tsquery(question) == "'and':* & 'near':* & 'title':* & 'x'"


def test_quotes_make_a_phrase():
    """A question in quotes asks for its words together; the last may start a longer word."""
    question = read_question('"green roof"')
    assert question.phrase
    assert fts5_match(question) == '"green roof"*'
    assert pg_tsquery(question) == "'green' <-> 'roof':*"


def test_nothing_but_syntax_is_an_empty_question():
    """A question of only symbols has no words."""
    assert read_question('" * ( )').is_empty


def test_one_letter_is_a_whole_word_only():
    """A single letter or digit finds only that word, not every word it starts."""
    question = read_question("flat b")
    assert fts5_match(question) == '"flat"* AND "b"'
    assert pg_tsquery(question) == "'flat':* & 'b'"
