"""The hand-written gazetteer: surface forms, demonyms with their plurals, capitals for their countries."""

from __future__ import annotations

import pytest

from evalkit.drift.gazetteer import gazetteer


@pytest.mark.parametrize(
    ("form", "name", "kind"),
    [
        ("u.s.", "United States", "country"),
        ("america", "United States", "country"),
        ("japanese", "Japan", "country"),
        ("brazilians", "Brazil", "country"),
        ("danes", "Denmark", "country"),
        ("swiss", "Switzerland", "country"),
        ("nato", "NATO", "organisation"),
        ("world health organization", "World Health Organization", "organisation"),
        ("netherlands", "Netherlands", "country"),
        ("beijing", "Beijing", "city"),
        ("ussr", "Soviet Union", "country"),
        ("soviet", "Soviet Union", "country"),
    ],
)
def test_forms(form: str, name: str, kind: str) -> None:
    entity = gazetteer().forms[form]
    assert (entity.name, entity.kind) == (name, kind)


def test_a_form_with_diacritics_is_also_known_without_them() -> None:
    forms = gazetteer().forms
    assert forms["bogota"] is forms["bogotá"]
    assert forms["sao tome and principe"] is forms["são tomé and príncipe"]
    assert gazetteer().lookup(["Montréal"]) is gazetteer().lookup(["Montreal"]) is not None


def test_no_plural_for_demonyms_that_take_none() -> None:
    forms = gazetteer().forms
    assert "japaneses" not in forms
    assert "britishs" not in forms


def test_a_capital_stands_for_its_country() -> None:
    assert "@china" in gazetteer().forms["beijing"].ids
    assert gazetteer().forms["shanghai"].ids == frozenset({"@shanghai"})


def test_every_line_is_well_formed() -> None:
    g = gazetteer()
    assert len({entity.name for entity in g.forms.values()}) > 400
    assert all(form == form.lower() for form in g.forms)
    assert g.longest >= 5
