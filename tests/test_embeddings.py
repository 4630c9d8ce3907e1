"""The transformer encoder: offline loading, no truncation, determinism, each text encoded once."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest

from evalkit.cache import DiskCache
from evalkit.embeddings import (
    DEFAULT_MODEL,
    EncodingStore,
    TransformerEncoder,
    _padded_rows,
    default_model_path,
    resolve_model,
)
from evalkit.errors import EvalkitWarning, ModelError

pytestmark = pytest.mark.model

SENTENCES = [
    "The council approved the budget on Monday.",
    "Rain is expected across the north tomorrow.",
    "A short one.",
    "The new bridge will open to traffic in the spring, officials said on Tuesday.",
    "Prices rose by 3.5 per cent in March.",
]


@pytest.fixture(scope="module")
def encoder() -> TransformerEncoder:
    return TransformerEncoder()


def test_default_model_is_the_embedded_one() -> None:
    name, location = resolve_model(None)
    assert name == DEFAULT_MODEL
    assert Path(location) == default_model_path()
    assert (Path(location) / "model.safetensors").is_file()


def test_a_local_path_is_accepted(encoder: TransformerEncoder) -> None:
    local = TransformerEncoder(str(default_model_path()), layer=4)
    [mine] = local.encode(SENTENCES[:1])
    [reference] = encoder.encode(SENTENCES[:1])
    assert np.array_equal(mine.tokens, reference.tokens)


def test_unknown_model_offline_is_a_clear_error() -> None:
    with pytest.raises(ModelError, match="no-such-org/no-such-model"):
        TransformerEncoder("no-such-org/no-such-model").encode(["text"])


def test_a_folder_without_a_model_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not a model folder"):
        TransformerEncoder(str(tmp_path))


def test_layer_out_of_range(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="6 layers"):
        TransformerEncoder(layer=9).encode(["text"])


def test_encodings_do_not_depend_on_the_batch(encoder: TransformerEncoder) -> None:
    together = encoder.encode(SENTENCES)
    for sentence, joint in zip(SENTENCES, together, strict=True):
        [alone] = encoder.encode([sentence])
        assert np.array_equal(alone.tokens, joint.tokens)
        assert np.array_equal(alone.pooled, joint.pooled)
    reordered = encoder.encode(list(reversed(SENTENCES)))
    assert np.array_equal(reordered[-1].tokens, together[0].tokens)


@pytest.mark.parametrize("words", [1, 6, 40])
@pytest.mark.parametrize("count", [1, 5, 9, 17, 33])
def test_encodings_do_not_depend_on_the_padded_batch_size(encoder: TransformerEncoder, count: int, words: int) -> None:
    # texts of one length bucket (16, 32 or 64 tokens), so the batch is padded to 4, 8, 16, 32 or 32 + 4 rows
    texts = [f"Sentence number {index} of the batch" + " and more" * words + "." for index in range(count)]
    [alone] = encoder.encode(texts[:1])
    first = encoder.encode(texts)[0]
    assert np.array_equal(alone.tokens, first.tokens)
    assert np.array_equal(alone.pooled, first.pooled)


@pytest.mark.parametrize(
    ("count", "full", "length", "rows"),
    [(1, 32, 128, 4), (4, 32, 128, 4), (5, 32, 128, 8), (9, 32, 128, 16), (16, 32, 128, 16), (17, 32, 128, 32),
     (32, 32, 128, 32), (3, 4, 512, 4), (7, 12, 512, 8), (9, 12, 512, 12),
     # at least MIN_PASS_TOKENS (512) tokens a pass: short buckets run more padding rows
     (1, 32, 16, 32), (1, 32, 32, 16), (9, 32, 32, 16), (17, 32, 32, 32), (1, 32, 64, 8), (5, 32, 64, 8)],
)  # fmt: skip
def test_padded_rows(count: int, full: int, length: int, rows: int) -> None:
    assert _padded_rows(count, full, length) == rows


def test_auto_device_falls_back_to_the_cpu() -> None:
    import torch

    expected = "cuda" if torch.cuda.is_available() else "mps" if torch.backends.mps.is_available() else "cpu"
    encoder = TransformerEncoder(device="auto")
    [encoding] = encoder.encode(["A short one."])
    assert encoder.device == expected
    assert encoding.tokens.shape[1] == 384


def test_long_text_is_encoded_whole_in_windows(encoder: TransformerEncoder) -> None:
    text = " ".join(f"Sentence number {i} talks about item {i * 7}." for i in range(150))  # ~1,500 tokens
    [encoding] = encoder.encode([text])
    words = encoding.offsets[~encoding.special]
    assert len(words) > 1000  # far past the 512-token window
    assert words[-1][1] == len(text)  # the last character is covered
    assert encoding.special.sum() >= 2 * 3  # three windows, each framed by [CLS] and [SEP]


def test_token_offsets_point_into_the_text(encoder: TransformerEncoder) -> None:
    text = "Café owners in São Paulo don't agree."
    [encoding] = encoder.encode([text])
    pieces = [
        text[start:end] for (start, end), special in zip(encoding.offsets, encoding.special, strict=True) if not special
    ]
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "").replace("é", "é")


def test_each_text_is_encoded_once_per_run(encoder: TransformerEncoder) -> None:
    store = EncodingStore(encoder)
    store.get_many(SENTENCES)
    store.get_many(SENTENCES[:3] + SENTENCES)
    store.get_many(list(reversed(SENTENCES)))
    assert store.encoded == len(SENTENCES)


def test_disk_cache_returns_the_exact_encodings(encoder: TransformerEncoder, tmp_path: Path) -> None:
    first = EncodingStore(encoder, disk=DiskCache(tmp_path))
    fresh = first.get_many(SENTENCES)
    second = EncodingStore(encoder, disk=DiskCache(tmp_path))
    cached = second.get_many(SENTENCES)
    assert second.encoded == 0 and second.from_disk == len(SENTENCES)
    for text in SENTENCES:
        assert np.array_equal(fresh[text].tokens, cached[text].tokens)
        assert np.array_equal(fresh[text].offsets, cached[text].offsets)
        assert np.array_equal(fresh[text].special, cached[text].special)
        assert np.array_equal(fresh[text].pooled, cached[text].pooled)


def test_unusable_cache_is_switched_off_with_a_warning(encoder: TransformerEncoder, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = EncodingStore(encoder, disk=DiskCache(blocker / "cache"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = store.get_many(SENTENCES[:2])
    assert len(result) == 2
    assert any(issubclass(w.category, EvalkitWarning) and "switched off" in str(w.message) for w in caught)


@pytest.mark.parametrize("full_hash_bytes", [1 << 30, 1024], ids=["whole", "sampled"])
def test_model_fingerprint_depends_on_contents_not_on_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, full_hash_bytes: int
) -> None:
    """The signature's model hash is the same on every machine (file times differ per install) and changes
    when a weight changes."""
    import os

    from evalkit import embeddings

    monkeypatch.setattr(embeddings, "FULL_HASH_BYTES", full_hash_bytes)
    monkeypatch.setattr(embeddings, "_SAMPLE_BYTES", 256)
    weights = bytes(range(256)) * 64
    folders = []
    for name, stamp in (("a", 1_000_000_000), ("b", 1_700_000_000)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "config.json").write_text('{"num_hidden_layers": 6}', encoding="utf-8")
        (folder / "model.safetensors").write_bytes(weights)
        (folder / "README.md").write_text(f"installed as {name}", encoding="utf-8")  # not a model file
        for file in folder.iterdir():
            os.utime(file, (stamp, stamp))
        folders.append(folder)
    first, second = (embeddings._fingerprint_folder(folder) for folder in folders)
    assert first == second
    changed = bytearray(weights)
    changed[-1] ^= 1  # the last byte: inside the last sample too
    (folders[1] / "model.safetensors").write_bytes(bytes(changed))
    assert embeddings._fingerprint_folder(folders[1]) != first
