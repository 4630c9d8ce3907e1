"""The scoring pipeline: texts in, :class:`~evalkit.report.Report` out.

:class:`Evaluator` holds what is worth keeping between pairs (the model, the encodings of every sentence
seen so far). :meth:`Evaluator.evaluate_batch` scores many pairs at once: it segments them all, encodes
every distinct sentence of the batch in one pass of the model (texts of equal length together), then
scores each pair. :func:`evaluate` is the one-pair convenience.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from evalkit import embeddings, meaning
from evalkit.document import Document
from evalkit.drift import assess_drift
from evalkit.errors import EvalkitError
from evalkit.gate import judge
from evalkit.io import TextSource
from evalkit.readability import TargetSet, assess_readability, usable_vectors
from evalkit.readability.fluency import prose_forms
from evalkit.readability.simplicity import sentence_embedding
from evalkit.report import Report
from evalkit.settings import Settings
from evalkit.signature import build_signature

TextInput = str | TextSource | Document


@dataclass(frozen=True, slots=True)
class Pair:
    """One pair to score: an id and both sides (plain strings, decoded sources or prepared documents)."""

    id: str
    original: TextInput
    rewrite: TextInput


@lru_cache(maxsize=2)
def load_encoder(model: str | None, layer: int | None, device: str) -> embeddings.TransformerEncoder:
    """A model, loaded once per process and settings (the weights are read on first use)."""
    return embeddings.TransformerEncoder(model, layer=layer, device=device)


@cache
def _numpy_blas() -> Any:
    """numpy's BLAS libraries (not torch's), as threadpoolctl sees them."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController().select(user_api="blas")


@contextmanager
def single_threaded_blas() -> Iterator[None]:
    """numpy's BLAS on one thread while pairs are scored.

    Scoring's matrix products are small (sentences x sentences, tokens x tokens of one pair); on more
    than one thread the library's start-up and busy-waiting cost more than the product, and worse when
    other processes (or evalkit's own workers) share the cores: on the 2-core benchmark machine the
    model-free profile runs about twice as fast. Results do not depend on the thread count. The model's
    own threads (torch) are untouched.
    """
    with _numpy_blas().limit(limits=1):
        yield


def prepare(text: TextInput, *, name: str) -> Document:
    """A :class:`Document` from any accepted input."""
    if isinstance(text, Document):
        return text
    if isinstance(text, TextSource):
        return Document.from_source(text)
    return Document.from_text(text, name=name)


class Evaluator:
    """Scores pairs with fixed settings, reusing the model and sentence encodings across pairs."""

    def __init__(self, settings: Settings | None = None, *, encoder: embeddings.Encoder | None = None) -> None:
        self.settings = settings or Settings()
        self._encoder = encoder
        self._store: embeddings.EncodingStore | None = None

    @property
    def encoder(self) -> embeddings.Encoder:
        if self._encoder is None:
            self._encoder = load_encoder(self.settings.model, self.settings.layer, self.settings.device)
        return self._encoder

    @property
    def store(self) -> embeddings.EncodingStore:
        if self._store is None:
            disk = None
            if self.settings.cache:
                from evalkit.cache import DiskCache

                disk = DiskCache()
            self._store = embeddings.EncodingStore(self.encoder, disk=disk)
        return self._store

    def signature(self) -> str:
        if self.settings.uses_model:
            encoder = self.encoder
            layer = encoder.layer
            baseline = meaning.baseline_for(encoder)
            settings = meaning.MODEL_ALIGNMENT
            return build_signature(
                self.settings,
                model_name=encoder.name,
                model_fingerprint=encoder.fingerprint,
                layer=layer,
                baseline=baseline,
                alignment=(settings.link_threshold, settings.move_threshold),
            )
        settings = meaning.LEXICAL_ALIGNMENT
        return build_signature(
            self.settings,
            model_name=None,
            model_fingerprint=None,
            layer=None,
            baseline=None,
            alignment=(settings.link_threshold, settings.move_threshold),
        )

    def evaluate(self, original: TextInput, rewrite: TextInput, *, pair_id: str = "pair") -> Report:
        """Score one pair; raises :class:`~evalkit.errors.EvalkitError` for unusable input."""
        result = self.evaluate_batch([Pair(pair_id, original, rewrite)])[0]
        if isinstance(result, EvalkitError):
            raise result
        return result

    def evaluate_batch(self, pairs: Sequence[Pair]) -> list[Report | EvalkitError]:
        """Score several pairs, encoding all their sentences in one pass. A pair with unusable input
        yields its :class:`EvalkitError` in its place; the others are scored."""
        prepared: list[tuple[Pair, Document, Document] | EvalkitError] = []
        for pair in pairs:
            try:
                original = prepare(pair.original, name=f"{pair.id}:original")
                rewrite = prepare(pair.rewrite, name=f"{pair.id}:rewrite")
                prepared.append((pair, original, rewrite))
            except EvalkitError as error:
                prepared.append(error)
        encodings: dict[str, embeddings.Encoding] = {}
        if self.settings.uses_model:
            texts = [
                sentence.text
                for item in prepared
                if not isinstance(item, EvalkitError)
                for document in item[1:]
                for sentence in document.sentences
            ]
            # list items and titles are judged for fluency as the sentences they stand for: encode those too
            texts += [
                form
                for item in prepared
                if not isinstance(item, EvalkitError)
                for document in item[1:]
                for sentence, form in zip(document.sentences, prose_forms(document), strict=True)
                if form is not None and form != sentence.text
            ]
            encodings = self.store.get_many(texts)
        signature = self.signature()
        results: list[Report | EvalkitError] = []
        with single_threaded_blas():
            for item in prepared:
                if isinstance(item, EvalkitError):
                    results.append(item)
                    continue
                pair, original, rewrite = item
                try:
                    results.append(self._score(pair.id, original, rewrite, encodings, signature))
                except EvalkitError as error:
                    results.append(error)
        return results

    def _tokens(self, document: Document, encodings: dict[str, embeddings.Encoding]) -> list[meaning.Tokens]:
        if self.settings.uses_model:
            return [meaning.model_tokens(s.text, encodings[s.text]) for s in document.sentences]
        return meaning.lexical_tokens_of([s.text for s in document.sentences])

    def _pooled(self, texts: Sequence[str]) -> meaning.FloatArray:
        """The model's unit sentence vectors of ``texts`` (through the encoding store and its cache)."""
        import numpy as np

        encodings = self.store.get_many(texts)
        return np.stack([encodings[text].pooled for text in texts]).astype(np.float32)

    def _score(
        self,
        pair_id: str,
        original: Document,
        rewrite: Document,
        encodings: dict[str, embeddings.Encoding],
        signature: str,
    ) -> Report:
        model_name = self.encoder.name if self.settings.uses_model else None
        vector_of = (lambda text: sentence_embedding(encodings[text])) if self.settings.uses_model else None
        layer = self.encoder.layer if self.settings.uses_model else None
        thresholds = self.settings.thresholds
        readability = assess_readability(
            original,
            rewrite,
            original_vectors=usable_vectors(original, vector_of, model_name, layer),
            rewrite_vectors=usable_vectors(rewrite, vector_of, model_name, layer),
            targets=TargetSet(self.settings.targets),
            vector_of=vector_of,
        )
        meaning_result = meaning.assess_meaning(
            original,
            rewrite,
            self._tokens(original, encodings),
            self._tokens(rewrite, encodings),
            model=model_name,
            layer=layer,
            baseline=meaning.baseline_for(self.encoder) if self.settings.uses_model else 0.0,
            encode=self._pooled if self.settings.uses_model else None,
        )
        drift = assess_drift(original, rewrite, meaning_result)
        verdict = judge(
            gain=readability.gain,
            meaning=meaning_result.score,
            drift=drift.score,
            findings=[(finding.type, finding.severity) for finding in drift.findings],
            thresholds=thresholds,
            target_gap=readability.target(thresholds.target).gap if thresholds.target else None,
        )
        return Report(
            id=pair_id,
            original=original,
            rewrite=rewrite,
            readability=readability,
            meaning=meaning_result,
            drift=drift,
            verdict=verdict,
            signature=signature,
            settings=self.settings,
            warnings=tuple(dict.fromkeys((*original.warnings, *rewrite.warnings))),
        )


def evaluate(
    original: TextInput, rewrite: TextInput, *, pair_id: str = "pair", settings: Settings | None = None
) -> Report:
    """Score one original against its rewrite. For many pairs, reuse an :class:`Evaluator`."""
    return Evaluator(settings).evaluate(original, rewrite, pair_id=pair_id)
