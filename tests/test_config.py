"""Configuration: discovery, validation (unknown keys named), presets, overrides and precedence."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

from evalkit.config import (
    PRESETS,
    FileConfig,
    GateConfig,
    check_target,
    compile_glob,
    find_config,
    glob_matches,
    load_config,
    load_file,
    parse_fail_on,
)
from evalkit.errors import ConfigError, EvalkitWarning
from evalkit.gate import DEFAULT_FAIL_ON, Thresholds

DEFAULTS = Thresholds()
LENIENT, STRICT = PRESETS["lenient"], PRESETS["strict"]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- discovery ----------------------------------------------------------------------------------------


def test_discovery_walks_up_to_evalkit_toml(tmp_path: Path) -> None:
    config = write(tmp_path / "evalkit.toml", "min_meaning = 0.7\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == config
    assert load_config(start=deep).thresholds == {"min_meaning": 0.7}


def test_discovery_reads_pyproject_tool_evalkit(tmp_path: Path) -> None:
    pyproject = write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n\n[tool.evalkit]\nmax_drift = 0.3\n")
    assert find_config(tmp_path) == pyproject
    assert load_config(start=tmp_path).thresholds == {"max_drift": 0.3}


def test_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    outer = write(tmp_path / "evalkit.toml", "max_major = 2\n")
    write(tmp_path / "inner" / "pyproject.toml", "[tool.ruff]\nline-length = 100\n")
    assert find_config(tmp_path / "inner") == outer


def test_evalkit_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    own = write(tmp_path / "evalkit.toml", "max_major = 1\n")
    write(tmp_path / "pyproject.toml", "[tool.evalkit]\nmax_major = 5\n")
    assert find_config(tmp_path) == own


def test_nearest_file_wins(tmp_path: Path) -> None:
    write(tmp_path / "evalkit.toml", "max_major = 1\n")
    near = write(tmp_path / "sub" / "pyproject.toml", "[tool.evalkit]\nmax_major = 3\n")
    assert find_config(tmp_path / "sub") == near


def test_no_config_anywhere(tmp_path: Path) -> None:
    config = load_config(start=tmp_path, discover=False)
    assert config == FileConfig()
    assert GateConfig(config).thresholds_for() == Thresholds()


def test_explicit_config_file(tmp_path: Path) -> None:
    path = write(tmp_path / "ci" / "gate.toml", "preset = 'strict'\n")
    config = load_config(path)
    assert config.source == path
    assert config.preset == "strict"


def test_paths_in_the_file_are_relative_to_it(tmp_path: Path) -> None:
    path = write(tmp_path / "conf" / "evalkit.toml", "pairs = ['a.jsonl', 'docs']\nresults = 'out/r.jsonl'\n")
    config = load_file(path)
    assert config.get("pairs") == (str(tmp_path / "conf" / "a.jsonl"), str(tmp_path / "conf" / "docs"))
    assert config.get("results") == str(tmp_path / "conf" / "out" / "r.jsonl")


# --- validation ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "words"),
    [
        ("evalkit.toml", "min_meanin = 0.7\n", ["unknown key 'min_meanin'", "did you mean 'min_meaning'"]),
        ("pyproject.toml", "[tool.evalkit]\nfoo = 1\n", ["unknown key 'tool.evalkit.foo'"]),
        ("evalkit.toml", "[overrides.'x/*']\nmax_drif = 0.1\n", ["unknown key 'overrides.\"x/*\".max_drif'"]),
        ("evalkit.toml", "[overrides.'x/*']\nprofile = 'fast'\n", ['overrides."x/*".profile', "only"]),
        ("evalkit.toml", "min_meaning = 1.5\n", ["min_meaning", "between 0 and 1"]),
        ("evalkit.toml", "min_gain = 'high'\n", ["min_gain", "number"]),
        ("evalkit.toml", "max_major = -1\n", ["max_major", "0 or more"]),
        ("evalkit.toml", "max_major = 1.5\n", ["max_major", "whole number"]),
        ("evalkit.toml", "fail_on = ['changd']\n", ["fail_on", "changd"]),
        ("evalkit.toml", "fail_on = 3\n", ["fail_on", "list"]),
        ("evalkit.toml", "preset = 'ultra'\n", ["preset", "ultra", "lenient"]),
        ("evalkit.toml", "profile = 'turbo'\n", ["profile", "turbo"]),
        ("evalkit.toml", "format = 'pdf'\n", ["format", "pdf", "sarif"]),
        ("evalkit.toml", "workers = 0\n", ["workers", "1 or more"]),
        ("evalkit.toml", "cache = 'yes'\n", ["cache", "true or false"]),
        ("evalkit.toml", "min_meaning = \n", ["not valid TOML", "line 1"]),
        ("pyproject.toml", "[tool]\nevalkit = 3\n", ["[tool.evalkit] must be a table"]),
    ],
)
def test_invalid_configuration(tmp_path: Path, name: str, text: str, words: list[str]) -> None:
    path = write(tmp_path / name, text)
    with pytest.raises(ConfigError) as caught:
        load_file(path)
    message = caught.value.one_line()
    assert message.startswith(str(path))
    for word in words:
        assert word in message


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config(tmp_path / "nope.toml")


def test_pyproject_named_without_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    with pytest.raises(ConfigError, match=r"no \[tool.evalkit\] table"):
        load_file(path)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("changed,added:major", ("changed", "added:major")),
        ("none", ()),
        ("", ()),
        (["dropped:number"], ("dropped:number",)),
        ([], ()),
    ],
)
def test_parse_fail_on(value: object, expected: tuple[str, ...]) -> None:
    assert parse_fail_on(value) == expected


def test_unknown_target_warns_without_the_targets_module() -> None:
    try:
        import evalkit.readability.targets  # type: ignore[import-not-found]  # noqa: F401
    except ImportError:
        with pytest.warns(EvalkitWarning, match="not checked"):
            check_target("gov-uk")
    else:  # pragma: no cover - once the targets module lands, unknown names are refused
        with pytest.raises(ConfigError):
            check_target("no-such-target-name")


# --- globs --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "candidate", "expected"),
    [
        ("legal/*", "legal/a", True),
        ("legal/*", "legal/x/a", False),
        ("legal/**", "legal/x/a", True),
        ("**/legal-*", "legal-a", True),
        ("**/legal-*", "news/2024/legal-a", True),
        ("*.md", "a.md", True),
        ("*.md", "docs/a.md", False),
        ("news-?", "news-1", True),
        ("news-?", "news-12", False),
        ("news-[0-3]", "news-2", True),
        ("news-[!0-3]", "news-2", False),
        ("a+b(c)", "a+b(c)", True),
    ],
)
def test_glob(pattern: str, candidate: str, expected: bool) -> None:
    assert glob_matches(pattern, candidate) is expected
    assert compile_glob(pattern) is compile_glob(pattern)  # cached


# --- precedence: defaults < file < preset < flags -----------------------------------------------------


def gate(tmp_path: Path, text: str | None, preset: str | None = None, **flags: Any) -> GateConfig:
    file = load_file(write(tmp_path / "evalkit.toml", text)) if text is not None else FileConfig()
    return GateConfig(file, preset=preset, flags=flags)


@pytest.mark.parametrize(
    ("text", "preset", "flags", "expected"),
    [
        # defaults
        (
            None,
            None,
            {},
            {"min_gain": DEFAULTS.min_gain, "min_meaning": DEFAULTS.min_meaning, "max_major": 0},
        ),
        # the file beats the defaults
        ("min_meaning = 0.7\n", None, {}, {"min_meaning": 0.7, "max_drift": DEFAULTS.max_drift}),
        # the file's own keys beat the file's preset
        (
            "preset = 'strict'\nmin_meaning = 0.65\n",
            None,
            {},
            {"min_meaning": 0.65, "min_gain": STRICT["min_gain"]},
        ),
        # --preset beats the file
        (
            "min_meaning = 0.9\nmax_drift = 0.01\n",
            "lenient",
            {},
            {k: LENIENT[k] for k in ("min_meaning", "max_drift")},
        ),
        # ... but not keys the preset does not define
        (
            "min_meaning = 0.9\ntarget = 'gov-uk'\n",
            "lenient",
            {},
            {"min_meaning": LENIENT["min_meaning"], "target": "gov-uk"},
        ),
        # flags beat the preset and the file
        (
            "min_meaning = 0.9\n",
            "strict",
            {"min_meaning": 0.5},
            {"min_meaning": 0.5, "min_gain": STRICT["min_gain"]},
        ),
        # false switches a check off; a flag switches it on again
        ("max_drift = false\n", None, {}, {"max_drift": None}),
        ("max_drift = false\n", None, {"max_drift": 0.2}, {"max_drift": 0.2}),
        # fail_on without max_major means any selected finding fails
        ("fail_on = ['dropped:number']\n", None, {}, {"max_major": 0, "fail_on": ("dropped:number",)}),
        ("fail_on = ['dropped']\nmax_major = 3\n", None, {}, {"max_major": 3}),
        (None, None, {"fail_on": ("major",)}, {"max_major": 0, "fail_on": ("major",)}),
        (None, None, {}, {"fail_on": DEFAULT_FAIL_ON}),
        ("preset = 'lenient'\n", None, {}, {"max_major": None}),  # lenient counts no findings
    ],
)
def test_precedence(
    tmp_path: Path, text: str | None, preset: str | None, flags: dict[str, Any], expected: dict[str, Any]
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EvalkitWarning)
        thresholds = gate(tmp_path, text, preset, **flags).thresholds_for()
    for key, value in expected.items():
        assert getattr(thresholds, key) == (pytest.approx(value) if isinstance(value, float) else value), key


OVERRIDES = """\
min_meaning = 0.6
[overrides."legal/**"]
min_meaning = 0.8
max_major = 0
[overrides."**/*-draft"]
min_meaning = 0.5
[overrides."contracts/*.md"]
max_drift = 0.1
"""


@pytest.mark.parametrize(
    ("pair_id", "paths", "preset", "expected"),
    [
        ("news/a", [], None, {"min_meaning": 0.6, "max_major": DEFAULTS.max_major}),
        ("legal/tax/a", [], None, {"min_meaning": 0.8, "max_major": 0}),
        ("legal/b-draft", [], None, {"min_meaning": 0.5, "max_major": 0}),  # later override wins
        ("x", ["contracts/x.md"], None, {"max_drift": 0.1}),  # matched by its file path
        (
            "legal/a",
            [],
            "lenient",
            {"min_meaning": LENIENT["min_meaning"], "max_major": None},
        ),  # --preset wins
    ],
)
def test_overrides(
    tmp_path: Path, pair_id: str, paths: list[str], preset: str | None, expected: dict[str, Any]
) -> None:
    config = gate(tmp_path, OVERRIDES, preset)
    thresholds = config.thresholds_for(pair_id, [str(tmp_path / path) for path in paths])
    for key, value in expected.items():
        assert getattr(thresholds, key) == (pytest.approx(value) if isinstance(value, float) else value), key


def test_presets_are_ordered_by_strictness() -> None:
    lenient, standard, strict = (PRESETS[name] for name in ("lenient", "standard", "strict"))
    assert lenient["min_meaning"] < standard["min_meaning"] < strict["min_meaning"]
    assert lenient["max_drift"] > standard["max_drift"] > strict["max_drift"]
    assert lenient["min_gain"] <= standard["min_gain"] < strict["min_gain"]
    # standard is the built-in default
    defaults = Thresholds()
    assert (standard["min_gain"], standard["min_meaning"], standard["max_drift"]) == (
        defaults.min_gain,
        defaults.min_meaning,
        defaults.max_drift,
    )


def test_unknown_preset_on_the_command_line() -> None:
    with pytest.raises(ConfigError, match="--preset: unknown preset 'extreme'"):
        GateConfig(FileConfig(), preset="extreme")


@pytest.mark.parametrize(
    ("value", "selectors"),
    [("none", ()), ("NONE", ()), ("none,changed", ("changed",)), ("changed:major, none", ("changed:major",)),
     (["dropped:number"], ("dropped:number",)), ([], ())],
)  # fmt: skip
def test_fail_on_none_adds_nothing(value: object, selectors: tuple[str, ...]) -> None:
    assert parse_fail_on(value) == selectors
