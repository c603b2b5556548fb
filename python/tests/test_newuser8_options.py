"""Reproducers (tester newuser8): keyword options that the package drops silently.

`_options` leaves out every option whose value is False, so a natural `bias=False` runs the
command WITH the hidden bias (its default) and returns the numbers of a different model
(d' = 2 instead of 1: P(H(c) disconnected) 0.886 instead of exactly 1).  The same holds for
every command option that has a `--no-X` form (`hessian=False`, `fast=False`,
`identity=False`, `auto_witness=False`).  It should either map X=False to `--no-X` or raise.
A list for `box=` raises a bare ValueError from inside the package instead of InputError."""
import pytest

import relucert
from conftest import data


def test_prob_bias_false_means_no_bias():
    p = relucert.prob(init="kaiming-normal", input_dim=1, hidden=10, bias=False)
    assert p.bias is False and p.input_dim_effective == 1


def test_construct_hessian_false_means_no_hessian():
    c = relucert.construct(data("construct-q2.json"), hessian=False)
    assert c.data["global"]["hessian"] is None


def test_regions_box_list_is_input_error_or_works():
    try:
        r = relucert.regions(data("regions-deep.json"), box=["-1:1", "0:1"])
    except relucert.InputError:
        return
    assert r.box == ["-1", "1", "0", "1"]
