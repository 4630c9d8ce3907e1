"""Reading texts as the user gave them.

Offsets in every report are character offsets into the *decoded* text exactly as supplied: line endings
are kept (CRLF stays two characters), nothing is normalised. The one thing removed is a leading byte-order
mark, which is an encoding artefact rather than text; the report's ``encoding`` says when one was found.
"""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from evalkit.errors import InputError
from evalkit.markup import LOW_BYTE, LOW_BYTE_PUNCTUATION

TextFormat = Literal["text", "markdown", "html"]
TEXT_FORMATS: tuple[TextFormat, ...] = ("text", "markdown", "html")

#: Inputs larger than this are refused rather than read into memory (override with ``max_bytes``).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_EXTENSION_FORMATS: dict[str, TextFormat] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
}


@dataclass(frozen=True, slots=True)
class TextSource:
    """A decoded text and where it came from."""

    text: str
    name: str
    format: TextFormat
    encoding: str
    warnings: tuple[str, ...] = ()


def detect_format(name: str, text: str) -> TextFormat:
    """The markup of a text: by file extension, else by a sniff of its first characters."""
    suffix = Path(name).suffix.lower()
    if suffix in _EXTENSION_FORMATS:
        return _EXTENSION_FORMATS[suffix]
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:2000].lower():
        return "html"
    return "text"


def decode_bytes(data: bytes, name: str) -> tuple[str, str, tuple[str, ...]]:
    """Decode ``data``: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 with a warning.

    Raises :class:`InputError` for binary data or bytes that are no known text encoding.
    """
    if data.startswith(codecs.BOM_UTF8):
        encoding, body = "utf-8-sig", data[len(codecs.BOM_UTF8) :]
        return _decode_strict(body, "utf-8", name, label=encoding), encoding, ()
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _decode_strict(data[len(bom) :], codec, name, label="utf-16"), "utf-16", ()
    if _looks_binary(data):
        raise InputError(name, "is a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex()
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(
                name, f"is not valid UTF-8 (byte 0x{bad} at offset {error.start}) nor Windows-1252 text"
            ) from None
        warning = f"{name}: not valid UTF-8 (byte 0x{bad} at offset {error.start}); decoded as Windows-1252"
        return text, "cp1252", (warning,)


def _decode_strict(data: bytes, codec: str, name: str, *, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise InputError(name, f"is not valid {label} (byte offset {error.start})") from None


#: The control characters text has a use for: tab, line feed, form feed, carriage return, escape.
TEXT_CONTROLS = (9, 10, 12, 13, 27)


def _looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters, in the first 8 KiB mean the file is not text."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in TEXT_CONTROLS)
    return controls / len(head) > 0.05


def read_text(
    path: str | Path,
    *,
    stdin: BinaryIO | None = None,
    text_format: TextFormat | Literal["auto"] = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> TextSource:
    """Read and decode one text file; ``-`` reads standard input.

    Every problem is an :class:`InputError` naming the file: missing, a folder, unreadable, too large,
    binary or undecodable.
    """
    name = str(path)
    if name == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(max_bytes + 1)
        name = "<stdin>"
    else:
        data = _read_file_bytes(Path(path), max_bytes)
    if len(data) > max_bytes:
        raise InputError(name, f"is larger than the {max_bytes // (1024 * 1024)} MB input limit")
    text, encoding, warnings = decode_bytes(data, name)
    chosen = detect_format(name, text) if text_format == "auto" else text_format
    if chosen not in TEXT_FORMATS:
        raise InputError(name, f"unknown text format {chosen!r} (choose text, markdown or html)")
    return TextSource(text=text, name=name, format=chosen, encoding=encoding, warnings=warnings)


#: Control characters a text file has no use for (not :data:`TEXT_CONTROLS`), apart from those of
#: :data:`evalkit.markup.LOW_BYTE_PUNCTUATION`.
_CONTROL = re.compile(
    "[" + "".join(chr(c) for c in (*range(32), 127) if c not in (*TEXT_CONTROLS, *LOW_BYTE_PUNCTUATION)) + "]"
)
_REPLACEMENT = re.compile("\ufffd")
#: UTF-8 read as Windows-1252 before evalkit saw it: "â€™" for "’", "Ã©" for "é".
_DOUBLE_ENCODED = re.compile("â€.|Ã[\u0080-\u00bf]")
#: (pattern, what one is called, what many are called, what evalkit does with them)
_CHECKS = (
    (LOW_BYTE, "dash or quotation mark cut down to its low byte",
     "dashes or quotation marks cut down to their low byte", "read as the mark it stood for"),
    (_CONTROL, "control character", "control characters", "scored as written"),
    (_REPLACEMENT, "replacement character", "replacement characters",
     "characters were lost before evalkit read it; scored as written"),
    (_DOUBLE_ENCODED, "double-encoded character", "double-encoded characters",
     "UTF-8 was read as Windows-1252 before; scored as written"),
)  # fmt: skip


def damage_warnings(text: str, name: str) -> tuple[str, ...]:
    """Signs that a text was damaged before evalkit read it, one warning each, naming the first place:
    control characters (a conversion that kept only the low byte of "’" leaves U+0019: "don\x19t"; the
    analysis reads those of punctuation as what they were, :data:`evalkit.markup.LOW_BYTE_PUNCTUATION`),
    replacement characters (U+FFFD: characters lost), and UTF-8 read as Windows-1252 ("â€™")."""
    found: list[str] = []
    for pattern, one, many, why in _CHECKS:
        matches = list(pattern.finditer(text))
        if matches:
            first, count = matches[0], len(matches)
            shown = first.group() if first.group().isprintable() else first.group().encode("unicode_escape").decode()
            found.append(
                f"{name}: {count} {one if count == 1 else many}, the first at offset {first.start()} ({shown}): {why}"
            )
    return tuple(found)


def _read_file_bytes(path: Path, max_bytes: int) -> bytes:
    name = str(path)
    try:
        if path.is_dir():
            raise InputError(name, "is a folder, not a text file")
        with path.open("rb") as handle:
            return handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder, not a text file") from None
    except PermissionError:
        raise InputError(name, "cannot be read: permission denied") from None
    except OSError as error:
        raise InputError(name, f"cannot be read: {error.strerror or error}") from None


def _file_mode(target: Path) -> int:
    """The mode a new file gets (0666 minus the umask), or the mode of the file being replaced."""
    import os

    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` so that a reader sees either the old file or the complete new one
    (a temporary file in the same folder, flushed to disk, then renamed over the target)."""
    import os
    import tempfile

    target = Path(path)
    directory = target.parent if str(target.parent) else Path()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
        try:
            Path(temporary).chmod(_file_mode(target))
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            Path(temporary).replace(target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except IsADirectoryError:
        raise InputError(str(target), "is a folder; give a file name for the report") from None
    except OSError as error:
        raise InputError(str(target), f"cannot be written: {error.strerror or error}") from None
