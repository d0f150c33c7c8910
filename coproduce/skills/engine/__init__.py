"""Skill recognition: plain Python, no Django import, so it can be tested and benchmarked alone.

embedder   text -> unit vectors (MiniLM-L6 int8 ONNX on onnxruntime, on the CPU)
text       splitting what people write into the phrases that may each show a skill
lexical    a word-overlap signal, and the baseline the evaluation compares against
recogniser free text -> ranked skills, each with a score and the words that suggested it
"""
