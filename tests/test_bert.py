"""The plain-torch BERT encoder: bit-identical to transformers' BertModel, tokenizer included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evalkit import bert
from evalkit.embeddings import _bucket, _framed, default_model_path

pytestmark = pytest.mark.model

TEXTS = [
    "The council approved the budget on Monday.",
    "Rain is expected across the north tomorrow, forecasters said — heavy at times.",
    "A short one.",
    "Prices rose by 3.5 per cent in March; the café’s owner, Zoë, wasn't surprised.",
    "ÉCOLE   naïve façade — 1,000 km² (approx.) “quoted” 🙂",
    "",
]


@pytest.fixture(scope="module")
def reference() -> tuple[object, object]:
    transformers = pytest.importorskip("transformers")
    folder = str(default_model_path())
    tokenizer = transformers.AutoTokenizer.from_pretrained(folder, local_files_only=True, use_fast=True)
    model = transformers.AutoModel.from_pretrained(folder, local_files_only=True, use_safetensors=True).eval()
    return tokenizer, model


def test_the_embedded_model_is_supported() -> None:
    assert bert.supported(default_model_path())


@pytest.mark.parametrize(
    ("change", "supported"),
    [({}, True), ({"hidden_act": "relu"}, False), ({"model_type": "roberta"}, False),
     ({"position_embedding_type": "relative_key"}, False), ({"architectures": ["BertForMaskedLM"]}, False),
     ({"is_decoder": True}, False)],
)  # fmt: skip
def test_other_architectures_go_to_transformers(tmp_path: Path, change: dict[str, object], supported: bool) -> None:
    source = default_model_path()
    config = json.loads((source / "config.json").read_text(encoding="utf-8")) | change
    (tmp_path / "config.json").write_text(json.dumps(config), encoding="utf-8")
    for name in ("model.safetensors", "tokenizer.json"):
        (tmp_path / name).symlink_to(source / name)
    assert bert.supported(tmp_path) is supported


def test_tokenizer_matches_transformers(reference: tuple[object, object]) -> None:
    tokenizer, _ = reference
    ours = bert.BertTokenizer(default_model_path())
    theirs = tokenizer(TEXTS, add_special_tokens=False, return_offsets_mapping=True)  # type: ignore[operator]
    mine = ours(TEXTS)
    assert [list(ids) for ids in theirs["input_ids"]] == mine["input_ids"]
    assert [[tuple(pair) for pair in row] for row in theirs["offset_mapping"]] == [
        [tuple(pair) for pair in row] for row in mine["offset_mapping"]
    ]
    for name in ("cls_token_id", "sep_token_id", "pad_token_id", "model_max_length"):
        assert getattr(ours, name) == getattr(tokenizer, name)


@pytest.mark.parametrize(("rows", "padded"), [(4, True), (8, True), (3, False)])
def test_hidden_states_are_bit_identical(reference: tuple[object, object], rows: int, padded: bool) -> None:
    import torch

    _, model = reference
    ours = bert.BertEncoderModel(default_model_path())
    pieces = bert.BertTokenizer(default_model_path())(TEXTS)["input_ids"]
    framed = [_framed(ids, 101, 102) for ids in pieces][:rows]
    if not padded:  # every row the same length: transformers passes no mask at all
        framed = [framed[0]] * rows
    framed += [_framed([], 101, 102)] * (rows - len(framed))
    length = _bucket(max(len(row) for row in framed)) if padded else len(framed[0])
    ids = torch.zeros((rows, length), dtype=torch.long)
    mask = torch.zeros((rows, length), dtype=torch.long)
    for row, sequence in enumerate(framed):
        ids[row, : len(sequence)] = torch.tensor(sequence)
        mask[row, : len(sequence)] = 1
    with torch.inference_mode():
        theirs = model(input_ids=ids, attention_mask=mask, output_hidden_states=True).hidden_states  # type: ignore[operator]
        mine = ours(input_ids=ids, attention_mask=mask).hidden_states
    assert len(theirs) == len(mine) == 7
    for layer, (expected, actual) in enumerate(zip(theirs, mine, strict=True)):
        assert torch.equal(expected, actual), f"layer {layer} differs"
