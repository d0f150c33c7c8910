import subprocess
import sys

from coproduce.common.plain_language import (
    LONG_SENTENCE_WORDS,
    WordList,
    advise,
    count_syllables,
    reading_age,
)


def test_council_jargon_from_the_blog_is_flagged_with_plainer_words():
    """The phrase a resident asked about on the council's blog gets a plainer suggestion."""
    text = (
        "We are embedding community decisions into the procurement process around youth services."
    )
    advice = advise(text)
    jargon = [f for f in advice.flags if f.kind == "jargon"]
    assert jargon[0].text == "embedding community decisions into"
    assert jargon[0].suggestions
    assert any(f.text == "procurement process" for f in jargon)


def test_flag_offsets_point_at_the_words():
    """Each flag's offsets select exactly the words it is about."""
    text = "Please utilise the hall."
    flag = advise(text).flags[0]
    assert text[flag.start : flag.end] == "utilise"


def test_long_sentences_are_flagged():
    """A sentence longer than the limit is flagged with its word count."""
    text = " ".join(["word"] * (LONG_SENTENCE_WORDS + 5)) + "."
    flags = [f for f in advise(text).flags if f.kind == "long_sentence"]
    assert len(flags) == 1
    assert str(LONG_SENTENCE_WORDS + 5) in flags[0].message


def test_plain_text_gets_no_flags_and_a_young_reading_age():
    """Short words in short sentences pass."""
    advice = advise("We want to fix the park. Come and help on Saturday.")
    assert advice.flags == []
    assert advice.reading_age is not None and advice.reading_age <= 9
    assert advice.is_plain


def test_dense_text_scores_an_older_reading_age():
    """Long words in a long sentence need an older reader."""
    dense = (
        "Organisational development interventions necessitate comprehensive "
        "institutional transformation initiatives encompassing multidisciplinary collaboration."
    )
    assert reading_age(dense) > 18


def test_empty_and_odd_text_do_not_crash():
    """Empty text, emoji and very long text give an answer, never an error."""
    assert advise("").reading_age is None
    assert advise("🎉🎉🎉").words == 0
    assert advise("word " * 100_000).words > 0


def test_officers_can_extend_the_word_list():
    """A word list passed in is used instead of the default."""
    custom = WordList.from_dict({"words": {"hall": ["room"]}})
    assert advise("The hall is free.", word_list=custom).flags[0].suggestions == ("room",)


def test_syllable_estimates():
    """Syllables are counted well enough for readability scores."""
    assert count_syllables("cat") == 1
    assert count_syllables("garden") == 2
    assert count_syllables("make") == 1


def test_module_has_no_django_import():
    """The checker is plain Python: importing it loads no part of Django."""
    code = "import sys, coproduce.common.plain_language; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
