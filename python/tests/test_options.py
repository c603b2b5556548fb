"""Keyword options: every switch whose default is on (a --no-X form in some command's --help)
is in relucert.NEGATABLE, so X=False gives --no-X rather than being left out."""
import re

import relucert

COMMANDS = ["inspect", "equiv", "reach", "canon", "family", "prob", "table", "descend", "replay",
            "obstruct", "flow", "check", "regions", "implicit", "construct", "batch"]


def test_negatable_matches_the_commands():
    found = set()
    for c in COMMANDS:
        out, _ = relucert.run(c, "--help")
        found |= {m.replace("-", "_") for m in re.findall(r"--no-([a-z][a-z-]*)", out)}
    assert found == set(relucert.NEGATABLE)


def test_false_gives_no_flag():
    assert relucert._options({"bias": False}) == ["--no-bias"]
    assert relucert._options({"bias": True}) == []          # on by default
    assert relucert._options({"hessian": True, "auto_witness": False}) == ["--no-auto-witness"]
    assert relucert._options({"exact": False, "json": None}) == []


def test_keyword_key_with_underscore():
    r = relucert._results.Result('{"global": {"cost": "0"}, "format": "x"}')
    assert r.global_ == {"cost": "0"}


def test_box_parts():
    assert relucert._box_part(0, "-1:1") == "-1:1"
    assert relucert._box_part(0, (0, "1/2")) == "0:1/2"
    for bad in ({"a": 1}, (1, 2, 3), 5):
        try:
            relucert._box_part(1, bad)
        except relucert.InputError as e:
            assert "box[1]" in str(e)
        else:
            assert False, bad
