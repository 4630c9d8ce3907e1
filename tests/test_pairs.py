"""Pairs files, folders of pairs and pair files: what loads, and one clear error per damaged entry."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from evalkit.document import Document
from evalkit.errors import InputError
from evalkit.pairs import PairSpec, load_pairs

ORIGINAL = "The committee approved the plan on Monday after a long debate about its cost."
REWRITE = "The committee said yes to the plan on Monday. They talked about the cost for a long time."


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def jsonl(path: Path, *lines: object) -> Path:
    text = "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)
    return write(path, text)


def inline(pair_id: object) -> dict[str, object]:
    return {"id": pair_id, "original": ORIGINAL, "rewrite": REWRITE}


def messages(errors: tuple[InputError, ...]) -> list[str]:
    return [error.one_line() for error in errors]


# --- JSON Lines ---------------------------------------------------------------------------------------


def test_jsonl_inline_and_paths(tmp_path: Path) -> None:
    write(tmp_path / "texts" / "a.txt", ORIGINAL)
    write(tmp_path / "texts" / "a-plain.md", REWRITE)
    path = jsonl(
        tmp_path / "pairs.jsonl",
        inline("one"),
        {"id": 2, "original_path": "texts/a.txt", "rewrite_path": "texts/a-plain.md"},
        {
            "id": "three",
            "original": "<html><body><p>Hi there.</p></body></html>",
            "rewrite": "Hi.",
            "format": "html",
        },
    )
    loaded = load_pairs([path])
    assert loaded.errors == ()
    assert [pair.id for pair in loaded.pairs] == ["one", "2", "three"]
    one, two, three = loaded.pairs
    assert one.line == 1 and one.paths == ()
    original, rewrite = one.load()
    assert (original.text, rewrite.text) == (ORIGINAL, REWRITE)
    assert original.name == f"{path}:1:original"
    assert two.paths == (str(tmp_path / "texts" / "a.txt"), str(tmp_path / "texts" / "a-plain.md"))
    assert two.load()[1].format == "markdown"
    assert three.load()[0].format == "html"


def test_an_inline_text_damaged_before_it_was_written_gets_a_warning(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "pairs.jsonl", {"id": "a", "original": "We don\x19t know it.", "rewrite": REWRITE})
    original, rewrite = (Document.from_source(side) for side in load_pairs([path]).pairs[0].load())
    assert [w.split(" (")[0] for w in original.warnings] == [
        f"{path}:1:original: 1 dash or quotation mark cut down to its low byte, the first at offset 6"
    ]
    assert rewrite.warnings == ()


def test_malformed_line_is_reported_and_the_rest_loads(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "pairs.jsonl", inline("a"), '{"id": "b", "original": "x",', "", inline("c"))
    loaded = load_pairs([path])
    assert [pair.id for pair in loaded.pairs] == ["a", "c"]
    assert [pair.line for pair in loaded.pairs] == [1, 4]
    (error,) = loaded.errors
    assert error.line == 2
    assert error.one_line().startswith(f"{path}:2: is not valid JSON")


@pytest.mark.parametrize(
    ("record", "words"),
    [
        ({"original": ORIGINAL, "rewrite": REWRITE}, "has no 'id'"),
        ({"id": "", "original": ORIGINAL, "rewrite": REWRITE}, "'id' must be"),
        ({"id": True, "original": ORIGINAL, "rewrite": REWRITE}, "'id' must be"),
        ({"id": "x", "rewrite": REWRITE}, "has no 'original' or 'original_path'"),
        ({"id": "x", "original": ORIGINAL}, "has no 'rewrite' or 'rewrite_path'"),
        ({"id": "x", "original": ORIGINAL, "original_path": "a.txt", "rewrite": REWRITE}, "gives both"),
        ({"id": "x", "original": 3, "rewrite": REWRITE}, "'original' must be a string"),
        (
            {"id": "x", "original": "texts/a.txt", "rewrite": REWRITE},
            "a file name, not a text: give a file as 'original_path'",
        ),
        ({"id": "x", "original": ORIGINAL, "rewrite": " b.HTML "}, "'rewrite' is 'b.HTML', a file name"),
        ({"id": "x", "original": ORIGINAL, "rewrite_path": ""}, "'rewrite_path' must be a non-empty string"),
        ({"id": "x", "original": ORIGINAL, "rewrite": REWRITE, "format": "pdf"}, "unknown format 'pdf'"),
        ([1, 2], "is a JSON list, not an object"),
        ({"id": "x", "original_path": "../outside.txt", "rewrite": REWRITE}, "escapes the folder"),
        ({"id": "x", "original_path": "/etc/hostname", "rewrite": REWRITE}, "escapes the folder"),
        ({"id": "x", "original_path": "sub/../../outside.txt", "rewrite": REWRITE}, "(refused)"),
    ],
)
def test_damaged_records(tmp_path: Path, record: object, words: str) -> None:
    path = jsonl(tmp_path / "pairs" / "pairs.jsonl", inline("fine"), record)
    loaded = load_pairs([path])
    assert [pair.id for pair in loaded.pairs] == ["fine"]
    (error,) = loaded.errors
    assert error.one_line().startswith(f"{path}:2: ")
    assert words in error.one_line()


def test_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    secret = write(tmp_path / "secret.txt", "Not for you.")
    (tmp_path / "pairs").mkdir()
    os.symlink(secret, tmp_path / "pairs" / "link.txt")
    path = jsonl(tmp_path / "pairs" / "pairs.jsonl", {"id": "x", "original_path": "link.txt", "rewrite": REWRITE})
    loaded = load_pairs([path])
    assert loaded.pairs == ()
    assert "escapes the folder of pairs.jsonl (refused)" in loaded.errors[0].one_line()


def test_duplicate_ids(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "pairs.jsonl", inline("a"), inline("b"), inline("a"))
    loaded = load_pairs([path])
    assert [pair.id for pair in loaded.pairs] == ["a", "b"]
    assert messages(loaded.errors) == [f"{path}:3: duplicate id 'a' (first at {path}:1)"]


def test_jsonl_with_bom_crlf_and_line_separator_in_a_string(tmp_path: Path) -> None:
    record = json.dumps({"id": "a", "original": "One\u2028two.", "rewrite": REWRITE}, ensure_ascii=False)
    path = write(tmp_path / "p.jsonl", ("\ufeff" + record + "\r\n" + json.dumps(inline("b")) + "\r\n").encode())
    loaded = load_pairs([path])
    assert loaded.errors == ()
    assert [(pair.id, pair.line) for pair in loaded.pairs] == [("a", 1), ("b", 2)]
    assert loaded.pairs[0].load()[0].text == "One\u2028two."


def test_a_missing_text_file_is_named_with_the_pairs_line(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "p.jsonl", {"id": "a", "original_path": "gone.txt", "rewrite": REWRITE})
    (pair,) = load_pairs([path]).pairs
    with pytest.raises(InputError) as caught:
        pair.load()
    assert caught.value.one_line() == f"{path}:1: {tmp_path / 'gone.txt'}: no such file"


# --- CSV ----------------------------------------------------------------------------------------------


def test_csv(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ORIGINAL)
    text = (
        "\ufeffid,original,original_path,rewrite\r\n"
        f'one,"{ORIGINAL}",,"{REWRITE}"\r\n'
        f'two,,a.txt,"Line one.\r\nLine two."\r\n'
        "\r\n"
        f'three,"{ORIGINAL}",,"{REWRITE}"\r\n'
    )
    loaded = load_pairs([write(tmp_path / "pairs.csv", text)])
    assert loaded.errors == ()
    assert [(pair.id, pair.line) for pair in loaded.pairs] == [("one", 2), ("two", 3), ("three", 6)]
    assert loaded.pairs[1].load()[1].text == "Line one.\r\nLine two."


@pytest.mark.parametrize(
    ("header", "words"),
    [
        ("id,original\n", "missing column 'rewrite' or 'rewrite_path'"),
        ("original,rewrite\n", "missing column 'id'"),
        ("", "is empty"),
    ],
)
def test_csv_missing_column(tmp_path: Path, header: str, words: str) -> None:
    path = write(tmp_path / "pairs.csv", header + ("x,y\n" if header else ""))
    with pytest.raises(InputError) as caught:
        load_pairs([path])
    assert caught.value.one_line().startswith(f"{path}:1: ")
    assert words in caught.value.one_line()


def test_csv_damaged_rows(tmp_path: Path) -> None:
    text = f'id,original,rewrite\na,"{ORIGINAL}","{REWRITE}"\nb,only two\n,"{ORIGINAL}","{REWRITE}"\n'
    path = write(tmp_path / "pairs.csv", text)
    loaded = load_pairs([path])
    assert [pair.id for pair in loaded.pairs] == ["a"]
    assert messages(loaded.errors) == [
        f"{path}:3: has 2 fields, the header has 3",
        f"{path}:4: has no 'id'",
    ]


# --- folders and pair files ---------------------------------------------------------------------------


def test_folder_of_named_pairs(tmp_path: Path) -> None:
    write(tmp_path / "a.original.txt", ORIGINAL)
    write(tmp_path / "a.rewrite.md", REWRITE)
    write(tmp_path / "news" / "b.original.html", "<p>Old.</p>")
    write(tmp_path / "news" / "b.rewrite.html", "<p>New.</p>")
    write(tmp_path / "README.md", "Not a pair.")
    write(tmp_path / ".hidden.original.txt", "Skipped.")
    loaded = load_pairs([tmp_path])
    assert loaded.errors == ()
    assert [pair.id for pair in loaded.pairs] == ["a", "news/b"]
    assert loaded.pairs[0].rewrite.path == str(tmp_path / "a.rewrite.md")


def test_folder_of_original_and_rewrite_subfolders(tmp_path: Path) -> None:
    write(tmp_path / "original" / "x.txt", ORIGINAL)
    write(tmp_path / "rewrite" / "x.txt", REWRITE)
    write(tmp_path / "original" / "sub" / "y.md", ORIGINAL)
    write(tmp_path / "rewrite" / "sub" / "y.md", REWRITE)
    loaded = load_pairs([tmp_path])
    assert loaded.errors == ()
    assert [pair.id for pair in loaded.pairs] == ["sub/y", "x"]


def test_folder_problems(tmp_path: Path) -> None:
    write(tmp_path / "lonely.original.txt", ORIGINAL)
    write(tmp_path / "twice.original.txt", ORIGINAL)
    write(tmp_path / "twice.original.md", ORIGINAL)
    write(tmp_path / "twice.rewrite.txt", REWRITE)
    write(tmp_path / "good.original.txt", ORIGINAL)
    write(tmp_path / "good.rewrite.txt", REWRITE)
    loaded = load_pairs([tmp_path])
    assert [pair.id for pair in loaded.pairs] == ["good"]
    found = " | ".join(messages(loaded.errors))
    assert f"{tmp_path / 'lonely.original.txt'}: has no rewrite to pair with" in found
    assert "pair 'twice' has more than one original" in found


def test_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="has no pairs"):
        load_pairs([tmp_path])


def test_pair_files_named_directly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "docs" / "a.original.md", ORIGINAL)
    write(tmp_path / "docs" / "a.rewrite.md", REWRITE)
    write(tmp_path / "site" / "original" / "b.txt", ORIGINAL)
    write(tmp_path / "site" / "rewrite" / "b.txt", REWRITE)
    write(tmp_path / "site" / "original" / "news" / "d.md", ORIGINAL)
    write(tmp_path / "site" / "rewrite" / "news" / "d.md", REWRITE)
    write(tmp_path / "docs" / "c.rewrite.txt", REWRITE)
    loaded = load_pairs(
        [
            "docs/a.rewrite.md",
            "docs/a.original.md",
            "site/rewrite/b.txt",
            "site/original/news/d.md",
            "docs/c.rewrite.txt",
        ]
    )
    assert [pair.id for pair in loaded.pairs] == ["docs/a", "site/b", "site/news/d"]
    assert loaded.pairs[2].rewrite.path == os.path.normpath("site/rewrite/news/d.md")
    assert loaded.pairs[0].original.path == os.path.normpath("docs/a.original.md")
    assert messages(loaded.errors) == [
        "docs/c.rewrite.txt: has no original to pair with (looked for docs/c.original.txt)"
    ]


@pytest.mark.parametrize(
    ("name", "words"),
    [("notes.txt", "is not a pairs file"), ("missing.jsonl", "no such file"), ("gone.txt", "no such file")],
)
def test_unusable_inputs(tmp_path: Path, name: str, words: str) -> None:
    if name == "notes.txt":
        write(tmp_path / name, "hello")
    with pytest.raises(InputError, match=words):
        load_pairs([tmp_path / name])


def test_binary_pairs_file(tmp_path: Path) -> None:
    path = write(tmp_path / "pairs.jsonl", b"\x00\x01\x02binary")
    with pytest.raises(InputError, match="binary"):
        load_pairs([path])


def test_ids_are_unique_across_inputs(tmp_path: Path) -> None:
    first = jsonl(tmp_path / "a.jsonl", inline("same"))
    second = jsonl(tmp_path / "b.jsonl", inline("same"))
    loaded = load_pairs([first, second])
    assert len(loaded.pairs) == 1
    assert messages(loaded.errors) == [f"{second}:1: duplicate id 'same' (first at {first}:1)"]


def test_pair_spec_size_and_where(tmp_path: Path) -> None:
    pair = load_pairs([jsonl(tmp_path / "a.jsonl", inline("x"))]).pairs[0]
    assert isinstance(pair, PairSpec)
    assert pair.size == len(ORIGINAL) + len(REWRITE)
    assert pair.where == f"{tmp_path / 'a.jsonl'}:1"
