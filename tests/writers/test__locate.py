"""Line and column of character offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from evalkit.writers._locate import LineIndex, display_path, line_index, uri

TEXT = "ab\ncd\r\nef\rg\n\nhé"


@pytest.mark.parametrize(
    ("offset", "position"),
    [
        (0, (1, 1)),
        (2, (1, 3)),  # the newline itself ends line 1
        (3, (2, 1)),
        (5, (2, 3)),  # the CR of a CRLF
        (7, (3, 1)),
        (10, (4, 1)),  # after a lone CR
        (12, (5, 1)),  # an empty line
        (14, (6, 2)),  # a non-ASCII character counts as one column
        (15, (6, 3)),  # the end of the text
        (99, (6, 3)),  # clamped
    ],
)
def test_position(offset: int, position: tuple[int, int]) -> None:
    assert LineIndex(TEXT).position(offset) == position


def test_region_matches_the_text() -> None:
    index = LineIndex(TEXT)
    region = index.region(3, 9)  # "cd\r\nef"
    assert (region.start_line, region.start_column, region.end_line, region.end_column) == (2, 1, 3, 3)
    assert (region.char_offset, region.char_length) == (3, 6)


def test_line_index_reads_the_file_as_evalkit_does(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfone\r\ntwo")  # the BOM is not part of the text
    index = line_index(str(path))
    assert index is not None and index.position(5) == (2, 1)
    assert line_index(str(tmp_path / "missing.txt")) is None


def test_paths_for_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert display_path(str(tmp_path / "docs" / "a b.txt")) == "docs/a b.txt"
    assert display_path("./docs/../x.txt") == "x.txt"
    assert uri(str(tmp_path / "docs" / "a b#1.txt")) == "docs/a%20b%231.txt"
