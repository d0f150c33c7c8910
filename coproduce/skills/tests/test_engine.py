"""The recognition engine on its own: no database, a real model."""

import numpy as np
import pytest

from coproduce.skills import taxonomy
from coproduce.skills.engine import lexical, text
from coproduce.skills.engine.embedder import Embedder, ModelFileError
from coproduce.skills.engine.recogniser import Recogniser, SkillText


@pytest.fixture(scope="module")
def embedder():
    return Embedder()


@pytest.fixture(scope="module")
def recogniser(embedder):
    _categories, entries = taxonomy.load()
    skills = [SkillText(e.slug, e.name, e.description, e.alt_labels) for e in entries]
    return Recogniser(embedder, skills)


def test_vectors_are_unit_length_and_similar_texts_are_close(embedder):
    """Embeddings are normalised; a paraphrase is nearer than an unrelated sentence."""
    a, b, c = embedder.embed(["I fix bikes", "I repair bicycles", "I sing in a choir"])
    assert np.allclose([np.linalg.norm(v) for v in (a, b, c)], 1.0, atol=1e-5)
    assert a @ b > a @ c + 0.2


def test_a_changed_model_file_is_refused(tmp_path):
    """The model's SHA-256 is checked at load."""
    fake = tmp_path / "model.onnx"
    fake.write_bytes(b"not the model")
    with pytest.raises(ModelFileError, match="SHA-256"):
        Embedder(fake)


def test_a_missing_model_file_is_refused(tmp_path):
    """A missing file gets its own message."""
    with pytest.raises(ModelFileError, match="missing"):
        Embedder(tmp_path / "nowhere.onnx")


@pytest.mark.parametrize(
    ("words", "skill"),
    [
        ("I run the school fete every summer", "event-planning"),
        ("I do the books for the bowls club", "bookkeeping"),
        ("I keep an allotment and grow all our veg", "food-growing"),
        ("I sit with my neighbour who lives on her own", "befriending"),
        ("I can sort out your wifi and printer", "it-support"),
    ],
)
def test_everyday_words_find_the_skill(recogniser, words, skill):
    """Skills are found from plain words that do not use the skill's name."""
    ranked = [s.key for s in recogniser.recognise(words, top=3).suggestions]
    assert skill in ranked


def test_each_skill_in_a_list_is_found_with_its_own_words(recogniser):
    """Two things in one sentence give two skills, each with the clause that showed it."""
    result = recogniser.recognise("I bake for the cake sale and I mend bikes", top=5)
    evidence = {s.key: s.evidence for s in result.suggestions}
    assert "bicycle-repair" in evidence
    assert "bikes" in evidence["bicycle-repair"]


@pytest.mark.parametrize("odd", ["", "   ", "😀😀😀🎉", "x" * 50_000, "Je répare les vélos"])
def test_odd_texts_get_an_answer_not_a_crash(recogniser, odd):
    """Empty, emoji-only, enormous and foreign texts are handled."""
    result = recogniser.recognise(odd, top=3)
    assert len(result.suggestions) == (0 if not odd.strip() else 3)
    if len(odd) > text.MAX_CHARS:
        assert result.truncated


def test_long_texts_are_cut_to_a_bounded_number_of_phrases():
    """A pasted essay cannot make unbounded work."""
    phrases, truncated = text.phrases(". ".join(f"I do thing {n}" for n in range(500)))
    assert truncated and len(phrases) <= text.MAX_PHRASES + 1


def test_the_whole_text_comes_first_then_its_clauses():
    """Splitting keeps the sentence and adds each clause once."""
    phrases, truncated = text.phrases("I cook, I clean and I drive")
    assert phrases == ["I cook, I clean and I drive", "I cook", "I clean", "I drive"]
    assert not truncated


def test_lexical_overlap_matches_word_forms():
    """Stems let 'organising' match 'organise'."""
    ranker = lexical.LexicalRanker([["organise events"], ["fix bikes"]])
    assert ranker.scores("I love organising events") == [1.0, 0.0]


def test_an_empty_taxonomy_is_refused(embedder):
    """No skills, no engine: a clear error."""
    with pytest.raises(ValueError, match="empty"):
        Recogniser(embedder, [])


def test_vectors_are_cached_and_refreshed_when_the_taxonomy_changes(embedder, tmp_path):
    """The same taxonomy loads its vectors from the cache; a changed one gets new ones."""
    skills = [SkillText("cooking", "cooking", "Cooking for groups.", ("baking",))]
    Recogniser(embedder, skills, cache_dir=tmp_path)
    assert len(list(tmp_path.glob("skill-vectors-*.npz"))) == 1
    Recogniser(embedder, skills, cache_dir=tmp_path)
    assert len(list(tmp_path.glob("skill-vectors-*.npz"))) == 1
    changed = [SkillText("cooking", "cooking", "Cooking for big groups.", ("baking",))]
    Recogniser(embedder, changed, cache_dir=tmp_path)
    assert len(list(tmp_path.glob("skill-vectors-*.npz"))) == 2
