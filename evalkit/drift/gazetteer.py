"""Places and organisations with their other names and demonyms (``evalkit/data/gazetteer.tsv``).

The list is written by hand for evalkit (no third-party data, nothing downloaded): every country with its
common aliases and demonyms, the nations of the United Kingdom, US states and other often-named regions,
continents, capitals and other large cities, international organisations and agencies, and the world wars.
It lets the name matcher see that "Japanese" names Japan, "U.S." the United States and "NATO" the North Atlantic Treaty
Organization, and lets the extractor keep "Japan" as a name at the start of a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from evalkit._shipped import shipped_text
from evalkit.lexicon import fold_diacritics

#: Demonym endings that take no plural "s" ("Japanese", "British", "French", "Swiss").
_NO_PLURAL = ("ese", "sh", "ch", "s", "x", "z", "men", "women")


@dataclass(frozen=True, slots=True)
class Entity:
    """One place or organisation."""

    name: str
    kind: str  # country | region | continent | city | organisation | event
    metonym_of: str | None = None  # a capital stands for its country ("Beijing said")

    @property
    def id(self) -> str:
        return "@" + self.name.lower()

    @property
    def ids(self) -> frozenset[str]:
        """Identifiers this entity matches: itself, and the country a capital stands for."""
        if self.metonym_of:
            return frozenset({self.id, "@" + self.metonym_of.lower()})
        return frozenset({self.id})


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Surface forms (lower case, as written: "u.s.", "south korean") mapped to entities."""

    forms: dict[str, Entity]
    demonyms: frozenset[str]
    longest: int  # the most words in one surface form
    cased_only: frozenset[str] = frozenset()  # aliases that spell everyday words, lower case ("car" of "CAR")

    def lookup(self, words: list[str], *, cased: bool = True) -> Entity | None:
        """The entity that ``words``, as written, name; an alias that spells an everyday word (marked "=" in
        the file) only in capitals ("CAR" is the Central African Republic, "Car makers" no place).
        ``cased=False``: words already lower-cased, looked up as any case."""
        form = " ".join(words).lower().replace("’", "'")
        if cased and form in self.cased_only and not "".join(words).isupper():
            return None
        return self.forms.get(form) or self.forms.get(fold_diacritics(form))


def _plural(demonym: str) -> str | None:
    lower = demonym.lower()
    if lower.endswith(_NO_PLURAL):
        return None
    return demonym + "s"


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, read once from the package data."""
    text = shipped_text("gazetteer.tsv")
    forms: dict[str, Entity] = {}
    demonyms: set[str] = set()
    cased_only: set[str] = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        columns = [*line.split("\t"), "", "", "", ""][:5]
        kind, name, aliases, adjectives, metonym = (column.strip() for column in columns)
        entity = Entity(name, kind, metonym or None)
        surface = [name, *(a.removeprefix("=") for a in aliases.split("|") if a)]
        cased_only.update(a[1:].lower() for a in aliases.split("|") if a.startswith("="))
        for form in surface:  # as written, and without diacritics ("bogotá", "bogota")
            for lower in dict.fromkeys((form.lower(), fold_diacritics(form.lower()))):
                forms.setdefault(lower, entity)
                if lower.startswith("the "):
                    forms.setdefault(lower[4:], entity)
        for adjective in (a for a in adjectives.split("|") if a):
            for demonym in (adjective, _plural(adjective)):
                if demonym:
                    forms.setdefault(demonym.lower(), entity)
                    demonyms.add(demonym.lower())
    longest = max(len(form.split()) for form in forms)
    return Gazetteer(forms, frozenset(demonyms), longest, frozenset(cased_only))
