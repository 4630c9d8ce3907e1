"""Bad input, untrusted text and determinism (issue 9): every case gives a correct result, or one clear
line naming the file and the problem with exit code 2 — never a traceback."""

from __future__ import annotations

import codecs
import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import evalkit
from evalkit import Evaluator, InputError, Settings
from evalkit.cli import app
from evalkit.document import Document
from evalkit.io import read_text, write_text_atomic

CORPORA = Path(__file__).resolve().parents[1] / "corpora" / "examples"
ORIGINAL = (CORPORA / "library-hours.original.txt").read_text(encoding="utf-8")
REWRITE = (CORPORA / "library-hours.rewrite.txt").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Nothing in this module may open a network connection."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    yield


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        # the CLI's entry point turns errors into one line; invoke the same translation here
        from evalkit.errors import EvalkitError

        if isinstance(result.exception, EvalkitError):
            return 2, result.stdout, f"evalkit: error: {result.exception.one_line()}\n"
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


@pytest.fixture
def good_rewrite(tmp_path: Path) -> Path:
    return write(tmp_path / "rewrite.txt", REWRITE)


@pytest.fixture
def good_original(tmp_path: Path) -> Path:
    return write(tmp_path / "original.txt", ORIGINAL)


# (case, bytes of the original file or a marker, exit code, key words of stderr)
BAD_ORIGINALS = [
    ("missing file", None, 2, ["no such file"]),
    ("empty", b"", 2, ["is empty"]),
    ("whitespace only", b"   \n\t\n  ", 2, ["only whitespace"]),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), 2, ["binary"]),
    ("punctuation only", b"... !!! ??? ---", 2, ["no words"]),
    ("undecodable", b"caf\xc3\x28 \x81\x8d\x8f\x90\x9d", 2, ["not valid UTF-8", "Windows-1252"]),
]  # fmt: skip


@pytest.mark.parametrize(("data", "code", "words"), [c[1:] for c in BAD_ORIGINALS], ids=[c[0] for c in BAD_ORIGINALS])
def test_bad_originals_give_one_line_and_exit_2(
    tmp_path: Path, good_rewrite: Path, data: bytes | None, code: int, words: list[str]
) -> None:
    original = tmp_path / "original.txt"
    if data is not None:
        original.write_bytes(data)
    status, _, stderr = run("score", str(original), str(good_rewrite), "--profile", "fast")
    assert status == code
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    assert str(original) in stderr
    for word in words:
        assert word in stderr


def test_a_folder_where_a_file_is_expected(tmp_path: Path, good_rewrite: Path) -> None:
    status, _, stderr = run("score", str(tmp_path), str(good_rewrite), "--profile", "fast")
    assert status == 2 and "is a folder" in stderr and str(tmp_path) in stderr


def test_an_unreadable_file(tmp_path: Path, good_rewrite: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = write(tmp_path / "locked.txt", ORIGINAL)
    real_open = Path.open

    def locked(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", locked)
    status, _, stderr = run("score", str(original), str(good_rewrite), "--profile", "fast")
    assert status == 2 and "permission denied" in stderr and "locked.txt" in stderr


def test_an_empty_rewrite_is_an_error_naming_it(good_original: Path, tmp_path: Path) -> None:
    rewrite = write(tmp_path / "empty-rewrite.txt", "")
    status, _, stderr = run("score", str(good_original), str(rewrite), "--profile", "fast")
    assert status == 2 and "empty-rewrite.txt: is empty" in stderr


def test_invalid_utf8_is_decoded_as_cp1252_with_a_warning(tmp_path: Path, good_rewrite: Path) -> None:
    original = write(tmp_path / "latin.txt", ORIGINAL.replace("library", "caf\u00e9 library").encode("cp1252"))
    status, stdout, stderr = run("score", str(original), str(good_rewrite), "--profile", "fast", "-f", "json")
    assert status == 0
    assert "not valid UTF-8" in stderr and "Windows-1252" in stderr
    report = json.loads(stdout)
    assert report["original"]["encoding"] == "cp1252"


def test_a_damaged_text_is_scored_as_written_with_a_warning(tmp_path: Path, good_rewrite: Path) -> None:
    original = write(tmp_path / "damaged.txt", ORIGINAL.replace("library", "library\x07"))
    status, stdout, stderr = run("score", str(original), str(good_rewrite), "--profile", "fast", "-f", "json")
    assert status == 0
    assert stderr.count("\n") == 1 and "damaged.txt: 4 control characters" in stderr
    report = json.loads(stdout)
    assert any("control character" in warning for warning in report["warnings"])


def test_punctuation_cut_down_to_its_low_byte_is_read_as_what_it_was(tmp_path: Path) -> None:
    """OneStop's intermediate texts have "don\x19t" for "don’t": read as a negation, offsets unmoved."""
    original = write(tmp_path / "low.txt", "The council said the bridge won\x19t close in May. It was built in 1931.\n")
    rewrite = write(tmp_path / "plain.txt", "The council said the bridge will not close in May.\n")
    status, stdout, stderr = run("score", str(original), str(rewrite), "--profile", "fast", "-f", "json")
    assert status == 0 and "low.txt: 1 dash or quotation mark cut down to its low byte" in stderr
    report = json.loads(stdout)
    assert [f for f in report["drift"]["findings"] if f["category"] == "negation"] == []
    assert report["original"]["sentence_spans"][0] == [0, len("The council said the bridge won\x19t close in May.")]


@pytest.mark.parametrize(
    ("original", "rewrite"),
    [
        (  # the Penn Treebank's brackets are brackets, not names
            "The river -LRB- which is 50 km long -RRB- flows into the sea near Hull -LSB- 1 -RSB- .",
            "The river flows into the sea . It is 50 km long .",
        ),
        (  # a clitic split off by a tokeniser opens no quotation
            "The city 's population was 5,000 at the 2010 census , and it is n't growing .",
            "The city 's population was 5,000 in 2010 . It is not growing .",
        ),
    ],
)
def test_tokenised_text_is_read_as_the_text_it_stands_for(original: str, rewrite: str) -> None:
    """Simplification corpora (WikiLarge, Newsela's aligned sentences) come tokenised: brackets as
    ``-LRB-``, clitics apart ("city 's"). Read as what they stand for, with offsets into the text as given."""
    report = evalkit.evaluate(original, rewrite, settings=Settings(profile="fast")).to_dict()
    assert [f for f in report["drift"]["findings"] if f["category"] in ("name", "quote", "negation")] == []
    for finding in report["drift"]["findings"]:
        for side, text in (("original", original), ("rewrite", rewrite)):
            if finding[side]:
                assert text[finding[side]["start"] : finding[side]["end"]] == finding[side]["text"]
    assert Document.from_text(original).sentences[0].text == (
        original.replace("-LRB-", "(").replace("-RRB-", ")").replace("-LSB-", "[").replace("-RSB-", "]")
    )


def test_bom_and_crlf_keep_offsets_into_the_text_as_given(tmp_path: Path, good_rewrite: Path) -> None:
    text = ORIGINAL.replace("\n", "\r\n")
    original = write(tmp_path / "bom.txt", codecs.BOM_UTF8 + text.encode("utf-8"))
    status, stdout, _ = run("score", str(original), str(good_rewrite), "--profile", "fast", "-f", "json")
    assert status == 0
    report = json.loads(stdout)
    decoded = read_text(original).text
    assert decoded == text  # the BOM is not text; CRLF kept
    for start, end in report["original"]["sentence_spans"]:
        assert decoded[start:end].strip() == decoded[start:end]
        assert "\r" not in decoded[start:end] or "\n" in decoded[start:end]
    for finding in report["drift"]["findings"]:
        if finding["original"]:
            span = finding["original"]
            assert decoded[span["start"] : span["end"]] == span["text"]


@pytest.mark.parametrize(
    ("original_name", "rewrite_name"),
    [
        ("garden-show.original.md", "garden-show.rewrite.md"),
        ("market-hall.original.html", "market-hall.rewrite.html"),
    ],
)
def test_markup_is_stripped_and_offsets_point_into_the_input(original_name: str, rewrite_name: str) -> None:
    status, stdout, _ = run(
        "score", str(CORPORA / original_name), str(CORPORA / rewrite_name), "--profile", "fast", "-f", "json"
    )
    assert status == 0
    report = json.loads(stdout)
    for side, name in (("original", original_name), ("rewrite", rewrite_name)):
        text = (CORPORA / name).read_text(encoding="utf-8")
        assert any(span["reason"] == "markup" for span in report[side]["ignored"])
        for start, end in report[side]["sentence_spans"]:
            assert text[start] not in "<#*" and text[end - 1] != ">"  # spans start and end on words
        for span in report[side]["ignored"]:
            assert text[span["start"] : span["end"]] == span["text"]
    for finding in report["drift"]["findings"]:
        for side, name in (("original", original_name), ("rewrite", rewrite_name)):
            if finding[side]:
                text = (CORPORA / name).read_text(encoding="utf-8")
                assert text[finding[side]["start"] : finding[side]["end"]] == finding[side]["text"]


def test_script_in_html_input_is_ignored_not_scored() -> None:
    source = read_text(CORPORA / "market-hall.original.html")
    from evalkit.document import Document

    document = Document.from_source(source)
    assert document.sentences
    assert all("<" not in s.text and "function" not in s.text for s in document.sentences)


def test_one_word_and_unpunctuated_texts_are_scored(fast_evaluator: Evaluator) -> None:
    assert fast_evaluator.evaluate("Hello", "Hi").meaning.score >= 0
    report = fast_evaluator.evaluate(
        "the council met on monday and voted to close the old library for repairs over the summer",
        "the council voted to close the library for the summer",
    )
    assert len(report.original.sentences) == 1 and 0 < report.meaning.score <= 1


def test_non_english_text_gets_a_warning(good_rewrite: Path, tmp_path: Path) -> None:
    german = write(
        tmp_path / "deutsch.txt",
        "Der Stadtrat hat am Montag beschlossen, die alte Bibliothek im Sommer für Reparaturen zu schließen. "
        "Die Bürger können in dieser Zeit die Zweigstelle am Marktplatz nutzen, die länger geöffnet sein wird.",
    )
    status, _, stderr = run("score", str(german), str(good_rewrite), "--profile", "fast")
    assert status == 0
    assert "does not look like English" in stderr


def test_identical_texts(fast_evaluator: Evaluator) -> None:
    report = fast_evaluator.evaluate(ORIGINAL, ORIGINAL)
    assert report.readability.gain == 0
    assert report.meaning.score == pytest.approx(1.0)
    assert report.drift.findings == ()


@pytest.mark.model
def test_identical_texts_with_the_model(evaluator: Evaluator) -> None:
    report = evaluator.evaluate(REWRITE, REWRITE)
    assert report.readability.gain == 0
    assert report.meaning.score == pytest.approx(1.0, abs=1e-6)
    assert report.drift.findings == ()


def test_two_megabyte_single_paragraph_finishes(fast_evaluator: Evaluator) -> None:
    import random

    from wordfreq import top_n_list

    vocabulary = top_n_list("en", 5000)
    rng = random.Random(7)
    words: list[str] = []
    length = 0
    while length < 2_000_000:
        words.append(rng.choice(vocabulary))
        length += len(words[-1]) + 1
    text = " ".join(words)[:2_000_000]
    assert "\n" not in text
    report = fast_evaluator.evaluate(text, text[:200_000])
    assert report.original.sentences[-1].end >= len(text) - 100
    assert report.meaning.coverage < 1


def test_stdin_can_be_one_side(good_rewrite: Path) -> None:
    status, stdout, _ = run(
        "score", "-", str(good_rewrite), "--profile", "fast", "-f", "json", input=ORIGINAL.encode("utf-8")
    )
    assert status == 0 and json.loads(stdout)["original"]["name"] == "<stdin>"


def test_both_sides_from_stdin_is_refused(good_rewrite: Path) -> None:
    status, _, stderr = run("score", "-", "-", "--profile", "fast")
    assert status == 2 and "standard input" in stderr


def test_same_input_twice_gives_byte_identical_json(good_original: Path, good_rewrite: Path) -> None:
    first = run("score", str(good_original), str(good_rewrite), "-f", "json", "--profile", "fast")
    second = run("score", str(good_original), str(good_rewrite), "-f", "json", "--profile", "fast")
    assert first[0] == second[0] == 0
    assert first[1] == second[1]


@pytest.mark.model
def test_same_input_twice_gives_byte_identical_json_with_the_model(
    good_original: Path, good_rewrite: Path, tmp_path: Path
) -> None:
    cold = run("score", str(good_original), str(good_rewrite), "-f", "json", "--no-cache")
    warm = run("score", str(good_original), str(good_rewrite), "-f", "json")
    again = run("score", str(good_original), str(good_rewrite), "-f", "json")
    assert cold[0] == warm[0] == again[0] == 0
    assert cold[1] == warm[1] == again[1]


def test_writes_are_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.json"
    write_text_atomic(target, "old report")

    def crash(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", crash)
    with pytest.raises(InputError, match="cannot be written"):
        write_text_atomic(target, "new report that never lands")
    assert target.read_text() == "old report"
    assert [path.name for path in tmp_path.iterdir()] == ["report.json"]  # no temporary file left behind


def test_models_load_without_remote_code_and_from_safetensors(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import safetensors.torch
    import transformers

    from evalkit.embeddings import TransformerEncoder, default_model_path

    calls: list[dict[str, object]] = []
    weights: list[str] = []
    real, real_load = transformers.AutoModel.from_pretrained, safetensors.torch.load_file

    def spy(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        calls.append(kwargs)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    def load_spy(path: str, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        weights.append(str(path))
        return real_load(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(transformers.AutoModel, "from_pretrained", spy)
    monkeypatch.setattr(safetensors.torch, "load_file", load_spy)
    # the embedded model runs on evalkit's own BERT encoder: safetensors weights, no transformers code at all
    TransformerEncoder().encode(["A sentence."])
    assert not calls and weights and weights[0].endswith("model.safetensors")
    # any other model goes through transformers, without remote code and from safetensors
    source = default_model_path()
    for item in source.iterdir():
        if item.is_file() and item.name != "config.json":
            (tmp_path / item.name).symlink_to(item)
    config = json.loads((source / "config.json").read_text(encoding="utf-8"))
    (tmp_path / "config.json").write_text(json.dumps(config | {"architectures": ["BertForMaskedLM"]}))
    TransformerEncoder(str(tmp_path)).encode(["A sentence."])
    assert calls and calls[0]["trust_remote_code"] is False and calls[0]["use_safetensors"] is True


TEXT = st.text(st.characters(codec="utf-8"), max_size=300)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(original=TEXT, rewrite=TEXT)
@example(original="0", rewrite="_")  # a sentence with no tokens on one side (no match, not a crash)
def test_any_unicode_pair_gives_a_report_or_an_input_error(
    fast_evaluator: Evaluator, original: str, rewrite: str
) -> None:
    try:
        report = fast_evaluator.evaluate(original, rewrite)
    except InputError as error:
        assert error.source and error.problem
        return
    data = report.to_dict()
    assert 0.0 <= data["meaning"]["score"] <= 1.0
    assert 0.0 <= data["meaning"]["coverage"] <= 1.0
    assert 0.0 <= data["drift"]["score"] < 1.0
    for side, text in (("original", original), ("rewrite", rewrite)):
        for start, end in data[side]["sentence_spans"]:
            assert 0 <= start < end <= len(text)
    for finding in data["drift"]["findings"]:
        for side, text in (("original", original), ("rewrite", rewrite)):
            if finding[side]:
                assert text[finding[side]["start"] : finding[side]["end"]] == finding[side]["text"]
    json.dumps(data)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.characters(codec="utf-8"), min_size=1, max_size=300))
@example(text="_")  # an underscore is not a word: the segmenter and the metrics agree (input error, not 0)
def test_identical_unicode_texts_gain_nothing_and_lose_nothing(fast_evaluator: Evaluator, text: str) -> None:
    try:
        report = fast_evaluator.evaluate(text, text)
    except InputError:
        return
    assert report.readability.gain == 0
    assert report.meaning.score == pytest.approx(1.0)
    assert report.drift.findings == ()
