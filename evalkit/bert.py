"""A BERT encoder in plain torch, for models evalkit can load without transformers' modelling stack.

Importing transformers' model classes costs about four seconds (its modelling utilities pull in
torch.distributed, kernels hubs, SciPy ...), most of a cold ``evalkit score``. The embedded
all-MiniLM-L6-v2 is a plain BERT encoder (Devlin et al., 2019, "BERT: Pre-training of Deep Bidirectional
Transformers for Language Understanding", NAACL): embeddings, then layers of self-attention and a GELU
feed-forward block, each followed by a residual LayerNorm. This module runs exactly the operations
transformers' ``BertModel`` runs on CPU with its default ``sdpa`` attention, in the same order and on tensors
of the same shapes and layouts, so the hidden states are bit-identical (``tests/test_bert.py`` compares
them with transformers' on every layer). The tokenizer is the model's ``tokenizer.json`` read by the
``tokenizers`` library, which transformers' fast tokenizer wraps.

Only folders whose ``config.json`` describes exactly this architecture are served here
(:func:`supported`); every other model goes through transformers.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

#: config.json values this module implements; anything else is left to transformers.
_REQUIRED = {
    "model_type": "bert",
    "hidden_act": "gelu",
    "position_embedding_type": "absolute",
}


def _config(folder: Path) -> dict[str, Any] | None:
    try:
        config: dict[str, Any] = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return config


def supported(folder: Path) -> bool:
    """Whether ``folder`` holds a plain BERT encoder with safetensors weights and a fast tokenizer file."""
    config = _config(folder)
    if config is None or not (folder / "model.safetensors").is_file() or not (folder / "tokenizer.json").is_file():
        return False
    if any(config.get(key, value) != value for key, value in _REQUIRED.items()):
        return False
    if config.get("architectures", ["BertModel"]) != ["BertModel"] or config.get("is_decoder"):
        return False
    return not config.get("add_cross_attention") and config["hidden_size"] % config["num_attention_heads"] == 0


class BertTokenizer:
    """The model's fast tokenizer (``tokenizer.json``) with the few attributes evalkit reads."""

    def __init__(self, folder: Path) -> None:
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tokenizer.no_truncation()
        self._tokenizer.no_padding()
        settings: dict[str, Any] = {}
        with contextlib.suppress(OSError, ValueError):
            settings = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))
        self.cls_token_id = self._tokenizer.token_to_id(settings.get("cls_token", "[CLS]"))
        self.sep_token_id = self._tokenizer.token_to_id(settings.get("sep_token", "[SEP]"))
        self.pad_token_id = self._tokenizer.token_to_id(settings.get("pad_token", "[PAD]"))
        self.model_max_length = int(settings.get("model_max_length", 512))
        self.is_fast = True

    def __call__(self, texts: list[str], **_: Any) -> dict[str, list[Any]]:
        encodings = self._tokenizer.encode_batch(texts, add_special_tokens=False)
        return {
            "input_ids": [encoding.ids for encoding in encodings],
            "offset_mapping": [encoding.offsets for encoding in encodings],
        }


class BertEncoderModel:
    """BERT's encoder, returning every layer's hidden states (the embeddings first), as ``BertModel``
    with ``output_hidden_states=True``."""

    def __init__(self, folder: Path, device: str = "cpu") -> None:
        import torch
        from safetensors.torch import load_file

        config = _config(folder)
        assert config is not None
        self.config = config
        self.num_hidden_layers = int(config["num_hidden_layers"])
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        weights = load_file(str(folder / "model.safetensors"), device=device)
        prefix = "bert." if any(key.startswith("bert.") for key in weights) else ""
        self.weights = {key[len(prefix) :]: value for key, value in weights.items() if key.startswith(prefix)}
        self.device = torch.device(device)
        self._torch = torch

    def __call__(self, *, input_ids: Any, attention_mask: Any, output_hidden_states: bool = True) -> Any:
        torch = self._torch
        functional = torch.nn.functional
        w = self.weights
        rows, length = input_ids.shape
        hidden_size = w["embeddings.word_embeddings.weight"].shape[1]
        head_size = hidden_size // self.heads
        positions = torch.arange(length, device=self.device).unsqueeze(0)
        token_types = torch.zeros((rows, length), dtype=torch.long, device=self.device)
        embeddings = functional.embedding(input_ids, w["embeddings.word_embeddings.weight"])
        embeddings = embeddings + functional.embedding(token_types, w["embeddings.token_type_embeddings.weight"])
        embeddings = embeddings + functional.embedding(positions, w["embeddings.position_embeddings.weight"])
        hidden = self._norm(embeddings, "embeddings.LayerNorm")
        padding = attention_mask.bool()
        # transformers passes no mask when nothing is padded (sdpa may then pick another kernel)
        mask = None if bool(padding.all()) else padding[:, None, None, :].expand(rows, 1, length, length)
        states = [hidden]
        shape = (rows, length, -1, head_size)
        for index in range(self.num_hidden_layers):
            layer = f"encoder.layer.{index}."
            query = self._linear(hidden, layer + "attention.self.query").view(shape).transpose(1, 2)
            key = self._linear(hidden, layer + "attention.self.key").view(shape).transpose(1, 2)
            value = self._linear(hidden, layer + "attention.self.value").view(shape).transpose(1, 2)
            attended = functional.scaled_dot_product_attention(
                query, key, value, attn_mask=mask, dropout_p=0.0, is_causal=False, scale=head_size**-0.5
            )
            attended = attended.transpose(1, 2).contiguous()
            attended = attended.reshape(rows, length, -1).contiguous()
            attended = self._linear(attended, layer + "attention.output.dense")
            attended = self._norm(attended + hidden, layer + "attention.output.LayerNorm")
            inner = functional.gelu(self._linear(attended, layer + "intermediate.dense"))
            output = self._linear(inner, layer + "output.dense")
            hidden = self._norm(output + attended, layer + "output.LayerNorm")
            states.append(hidden)
        return _Output(tuple(states))

    def _linear(self, values: Any, name: str) -> Any:
        return self._torch.nn.functional.linear(values, self.weights[name + ".weight"], self.weights[name + ".bias"])

    def _norm(self, values: Any, name: str) -> Any:
        weight, bias = self.weights[name + ".weight"], self.weights[name + ".bias"]
        return self._torch.nn.functional.layer_norm(values, (weight.shape[0],), weight, bias, self.eps)


class _Output:
    def __init__(self, hidden_states: tuple[Any, ...]) -> None:
        self.hidden_states = hidden_states
