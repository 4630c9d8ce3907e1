"""Many pairs at once: JSON Lines and CSV pairs files, folders of pairs, and pair files named directly.

* **JSON Lines** (``.jsonl``, ``.ndjson``): one object per line with ``id`` and, for each side, the text
  inline (``original``, ``rewrite``) or a path relative to the pairs file's folder (``original_path``,
  ``rewrite_path``); an optional ``format`` (``text``, ``markdown``, ``html``) overrides detection. Other
  keys are ignored. Blank lines are skipped.
* **CSV** (``.csv``): a header row with the same column names, one pair per row.
* **A folder**: ``NAME.original.EXT`` beside ``NAME.rewrite.EXT``, or ``original/NAME.EXT`` and
  ``rewrite/NAME.EXT``, in any sub-folder, EXT ``txt``, ``md`` or ``html``; the id is ``NAME`` with its
  sub-folder.
* **Pair files** named directly (``a.original.md``, ``docs/rewrite/a.md``): each with its partner — what a
  pre-commit hook passes.

A damaged entry (a malformed line, a duplicate id, a missing field, a path that escapes the pairs file's
folder, a file without its partner) is an :class:`~evalkit.errors.InputError` naming the file and line,
collected in :attr:`PairsLoad.errors` while the other pairs load; a pairs file that cannot be used at all
(missing, not a pairs file, a CSV without a required column) raises.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from evalkit.errors import InputError
from evalkit.io import TEXT_FORMATS, TextFormat, TextSource, detect_format, read_text

#: Pairs files are larger than single texts (inline texts): refuse beyond this instead of exhausting memory.
MAX_PAIRS_FILE_BYTES = 1024 * 1024 * 1024
PAIR_EXTENSIONS: tuple[str, ...] = ("txt", "md", "html")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv",)
Side = Literal["original", "rewrite"]
SIDES: tuple[Side, Side] = ("original", "rewrite")

_MEMBER = re.compile(r"^(?P<stem>.+)\.(?P<side>original|rewrite)\.(?P<ext>txt|md|html)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TextRef:
    """One side of a pair: a file (``path``) or text given inline (``text``); ``name`` labels it in
    messages."""

    name: str
    path: str | None = None
    text: str | None = None
    format: TextFormat | Literal["auto"] = "auto"

    @property
    def size(self) -> int:
        """Characters (inline) or bytes (file): the length batches are sorted by."""
        if self.text is not None:
            return len(self.text)
        try:
            return Path(self.path or "").stat().st_size
        except OSError:
            return 0

    def load(self) -> TextSource:
        """The decoded text; raises :class:`InputError` naming the file."""
        if self.path is not None:
            return read_text(self.path, text_format=self.format)
        text = self.text or ""
        chosen = detect_format(self.name, text) if self.format == "auto" else self.format
        return TextSource(text=text, name=self.name, format=chosen, encoding="utf-8")


@dataclass(frozen=True, slots=True)
class PairSpec:
    """A pair to score and where it was declared (``source`` file and 1-based ``line``, if any)."""

    id: str
    original: TextRef
    rewrite: TextRef
    source: str
    line: int | None = None

    @property
    def paths(self) -> tuple[str, ...]:
        """The files of both sides (none for inline texts)."""
        return tuple(side.path for side in (self.original, self.rewrite) if side.path is not None)

    @property
    def size(self) -> int:
        return self.original.size + self.rewrite.size

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}" if self.line is not None else self.source

    def load(self) -> tuple[TextSource, TextSource]:
        """Both texts; a problem is an :class:`InputError` that names the pairs file and line too."""
        try:
            return self.original.load(), self.rewrite.load()
        except InputError as error:
            if self.line is None:
                raise
            raise InputError(self.source, error.one_line(), line=self.line) from None


@dataclass(frozen=True, slots=True)
class PairsLoad:
    """The pairs that loaded, in input order, and the entries that did not."""

    pairs: tuple[PairSpec, ...] = ()
    errors: tuple[InputError, ...] = field(default_factory=tuple)


class _Collector:
    """Collects pairs across inputs, refusing duplicate ids."""

    def __init__(self) -> None:
        self.pairs: list[PairSpec] = []
        self.errors: list[InputError] = []
        self._seen: dict[str, str] = {}

    def add(self, pair: PairSpec) -> None:
        first = self._seen.get(pair.id)
        if first is not None:
            self.errors.append(InputError(pair.source, f"duplicate id '{pair.id}' (first at {first})", line=pair.line))
            return
        self._seen[pair.id] = pair.where
        self.pairs.append(pair)

    def error(self, error: InputError) -> None:
        self.errors.append(error)


def load_pairs(inputs: Sequence[str | Path]) -> PairsLoad:
    """Pairs from pairs files, folders and pair files, in the order given.

    Raises :class:`InputError` for an input that cannot be used at all; damaged entries are collected.
    """
    if not inputs:
        raise InputError(None, "no pairs given: name a pairs file (.jsonl, .csv), a folder or pair files")
    collector = _Collector()
    members: list[Path] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            _load_folder(path, collector)
        elif path.suffix.lower() in JSONL_SUFFIXES:
            _load_jsonl(path, collector)
        elif path.suffix.lower() in CSV_SUFFIXES:
            _load_csv(path, collector)
        elif _member_side(path) is not None:
            members.append(path)
        elif not path.exists():
            raise InputError(path, "no such file or folder")
        else:
            raise InputError(
                path,
                "is not a pairs file (.jsonl or .csv), a folder of pairs, nor a pair file (NAME.original.EXT "
                "and NAME.rewrite.EXT, or original/NAME.EXT and rewrite/NAME.EXT; EXT txt, md or html)",
            )
    if members:
        _load_members(members, collector)
    if not collector.pairs and not collector.errors:
        raise InputError(", ".join(str(item) for item in inputs), "has no pairs")
    return PairsLoad(tuple(collector.pairs), tuple(collector.errors))


# --- pairs files -------------------------------------------------------------------------------------


def _read_pairs_file(path: Path) -> str:
    return read_text(path, text_format="text", max_bytes=MAX_PAIRS_FILE_BYTES).text


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Lines split on ``\\n`` only (JSON strings may hold U+2028 and friends), numbered from 1."""
    for number, line in enumerate(text.split("\n"), start=1):
        yield number, line.removesuffix("\r")


#: An inline text that is only a file name ("o1.txt", "texts/a.html"): a path given under the key for a text,
#: which would otherwise be scored as a one-word text.
_FILE_NAME = re.compile(r"[^\s]+\.(?:txt|text|md|markdown|html?|xhtml)", re.IGNORECASE)


def _side(record: dict[str, Any], side: Side, *, base: Path, source: Path, line: int, text_format: str) -> TextRef:
    inline, path_key = record.get(side), record.get(f"{side}_path")
    if inline is not None and path_key is not None:
        raise InputError(source, f"gives both '{side}' and '{side}_path'", line=line)
    chosen: Any = text_format
    if inline is not None:
        if not isinstance(inline, str):
            raise InputError(source, f"'{side}' must be a string, not {type(inline).__name__}", line=line)
        if _FILE_NAME.fullmatch(inline.strip()):
            raise InputError(
                source, f"'{side}' is {inline.strip()!r}, a file name, not a text: give a file as '{side}_path'",
                line=line,
            )  # fmt: skip
        return TextRef(name=f"{source}:{line}:{side}", text=inline, format=chosen)
    if path_key is None:
        raise InputError(source, f"has no '{side}' or '{side}_path'", line=line)
    if not isinstance(path_key, str) or not path_key.strip():
        raise InputError(source, f"'{side}_path' must be a non-empty string", line=line)
    return TextRef(name=path_key, path=_contained(base, path_key, source=source, line=line), format=chosen)


def _contained(base: Path, relative: str, *, source: Path, line: int | None) -> str:
    """``base / relative`` as a path for reading, refusing one that leads outside ``base``."""
    joined = base / relative
    try:
        inside = joined.resolve().is_relative_to(base.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        inside = False
    if not inside:
        raise InputError(source, f"path '{relative}' escapes the folder of {source.name} (refused)", line=line)
    return os.path.normpath(joined)


def _record(record: object, *, base: Path, source: Path, line: int) -> PairSpec:
    if not isinstance(record, dict):
        raise InputError(source, f"is a JSON {type(record).__name__}, not an object with an id", line=line)
    raw_id = record.get("id")
    if raw_id is None:
        raise InputError(source, "has no 'id'", line=line)
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int) or not str(raw_id).strip():
        raise InputError(source, f"'id' must be a non-empty string or number, not {raw_id!r}", line=line)
    text_format = record.get("format", "auto")
    if text_format not in (*TEXT_FORMATS, "auto"):
        raise InputError(source, f"unknown format {text_format!r} (choose {', '.join(TEXT_FORMATS)})", line=line)
    original = _side(record, "original", base=base, source=source, line=line, text_format=text_format)
    rewrite = _side(record, "rewrite", base=base, source=source, line=line, text_format=text_format)
    return PairSpec(str(raw_id).strip(), original, rewrite, str(source), line)


def _load_jsonl(path: Path, collector: _Collector) -> None:
    text = _read_pairs_file(path)
    for number, line in _lines(text):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            collector.error(InputError(path, f"is not valid JSON: {error.msg} (column {error.colno})", line=number))
            continue
        try:
            collector.add(_record(record, base=path.parent, source=path, line=number))
        except InputError as error:
            collector.error(error)


def _load_csv(path: Path, collector: _Collector) -> None:
    text = _read_pairs_file(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(path, "is empty: a CSV pairs file needs a header row", line=1) from None
    except csv.Error as error:
        raise InputError(path, f"is not valid CSV: {error}", line=1) from None
    columns = [name.strip().lower() for name in header]
    missing = [
        " or ".join(f"'{name}'" for name in options)
        for options in (("id",), ("original", "original_path"), ("rewrite", "rewrite_path"))
        if not any(name in columns for name in options)
    ]
    if missing:
        raise InputError(
            path,
            f"missing column {', '.join(missing)} (the header has: {', '.join(columns) or 'nothing'})",
            line=1,
        )
    last = reader.line_num
    while True:
        start = last + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            collector.error(InputError(path, f"is not valid CSV: {error}", line=start))
            break
        last = reader.line_num
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            collector.error(InputError(path, f"has {len(row)} fields, the header has {len(columns)}", line=start))
            continue
        record = {name: cell for name, cell in zip(columns, row, strict=True) if cell != ""}
        try:
            collector.add(_record(record, base=path.parent, source=path, line=start))
        except InputError as error:
            collector.error(error)


# --- folders and pair files --------------------------------------------------------------------------


def _walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` (hidden ones skipped, symlinked folders not followed), sorted."""
    for directory, subfolders, files in os.walk(folder):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(directory) / name


def _id(relative: Path) -> str:
    """A pair id from a path: ``/``-separated, relative to the working directory when inside it."""
    normal = Path(os.path.normpath(relative))
    if normal.is_absolute() and normal.is_relative_to(Path.cwd()):
        normal = normal.relative_to(Path.cwd())
    return normal.as_posix()


def _ext_ok(path: Path) -> bool:
    return path.suffix.lower().lstrip(".") in PAIR_EXTENSIONS


def _load_folder(folder: Path, collector: _Collector) -> None:
    found: dict[str, dict[str, list[Path]]] = {}

    def note(pair_id: str, side: str, path: Path) -> None:
        found.setdefault(pair_id, {"original": [], "rewrite": []})[side].append(path)

    for path in _walk(folder):
        relative = path.relative_to(folder)
        parts = relative.parts
        if len(parts) >= 2 and parts[0] in SIDES and _ext_ok(path):
            note(_id(Path(*parts[1:]).with_suffix("")), parts[0], path)
            continue
        match = _MEMBER.match(path.name)
        if match:
            note(_id(relative.parent / match["stem"]), match["side"].lower(), path)
    if not found:
        raise InputError(
            folder,
            "has no pairs (NAME.original.EXT with NAME.rewrite.EXT, or original/NAME.EXT with "
            "rewrite/NAME.EXT; EXT txt, md or html)",
        )
    for pair_id in sorted(found):
        sides = found[pair_id]
        _add_found(collector, pair_id, sides, folder)


def _add_found(collector: _Collector, pair_id: str, sides: dict[str, list[Path]], folder: Path) -> None:
    for side, other in (("original", "rewrite"), ("rewrite", "original")):
        if len(sides[side]) > 1:
            listed = ", ".join(str(path) for path in sides[side])
            collector.error(InputError(sides[side][0], f"pair '{pair_id}' has more than one {side}: {listed}"))
            return
        if not sides[side]:
            collector.error(InputError(sides[other][0], f"has no {side} to pair with (pair '{pair_id}')"))
            return
    refs = []
    for side in SIDES:
        path = sides[side][0]
        try:
            contained = _contained(folder, str(path.relative_to(folder)), source=path, line=None)
        except InputError:
            collector.error(InputError(path, f"links to a file outside {folder} (refused)"))
            return
        refs.append(TextRef(name=str(path), path=contained))
    collector.add(PairSpec(pair_id, refs[0], refs[1], str(folder)))


def _side_folder(path: Path) -> int | None:
    """The index in ``path.parts`` of the nearest folder named ``original`` or ``rewrite``."""
    for index in range(len(path.parts) - 2, -1, -1):
        if path.parts[index] in SIDES:
            return index
    return None


def _member_side(path: Path) -> Side | None:
    match = _MEMBER.match(path.name)
    if match:
        side: Side = "original" if match["side"].lower() == "original" else "rewrite"
        return side
    index = _side_folder(path)
    if _ext_ok(path) and index is not None:
        return "original" if path.parts[index] == "original" else "rewrite"
    return None


def _partners(path: Path) -> tuple[str, Side, list[Path]]:
    """A pair file's pair id, its side, and the candidate paths of its partner."""
    side = _member_side(path)
    assert side is not None
    other: Side = "rewrite" if side == "original" else "original"
    match = _MEMBER.match(path.name)
    if match:
        stem = match["stem"]
        pair_id = _id(path.parent / stem)
        same_ext = path.parent / f"{stem}.{other}.{match['ext']}"
        candidates = [same_ext, *(path.parent / f"{stem}.{other}.{ext}" for ext in PAIR_EXTENSIONS)]
    else:
        index = _side_folder(path)
        assert index is not None
        root, inner = Path(*path.parts[:index]), Path(*path.parts[index + 1 :])
        pair_id = _id(root / inner.with_suffix(""))
        candidates = [
            root / other / inner,
            *(root / other / inner.with_suffix(f".{ext}") for ext in PAIR_EXTENSIONS),
        ]
    return pair_id, side, list(dict.fromkeys(candidates))


def _load_members(members: Iterable[Path], collector: _Collector) -> None:
    seen: set[str] = set()
    for path in members:
        pair_id, side, candidates = _partners(path)
        if pair_id in seen:
            continue
        seen.add(pair_id)
        partner = next((candidate for candidate in candidates if candidate.is_file()), None)
        if partner is None:
            other = "rewrite" if side == "original" else "original"
            collector.error(InputError(path, f"has no {other} to pair with (looked for {candidates[0]})"))
            continue
        if not path.exists():
            collector.error(InputError(path, "no such file"))
            continue
        sides = {side: path, ("rewrite" if side == "original" else "original"): partner}
        original = TextRef(name=str(sides["original"]), path=os.path.normpath(sides["original"]))
        rewrite = TextRef(name=str(sides["rewrite"]), path=os.path.normpath(sides["rewrite"]))
        collector.add(PairSpec(pair_id, original, rewrite, str(path)))
