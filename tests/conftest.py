"""Shared fixtures: the embedded dataset and one default analysis (computed once)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _german_by_default(monkeypatch):
    """Every test starts in the default language (German), whatever the shell has set."""
    from potential import messages

    monkeypatch.delenv(messages.ENV_VAR, raising=False)
    messages.set_lang(None)
    yield
    messages.set_lang(None)


@pytest.fixture(scope="session")
def dataset():
    """The embedded ``kreis-unna`` dataset."""
    from potential.datasets import load_dataset

    return load_dataset("kreis-unna")


@pytest.fixture(scope="session")
def default_analysis():
    """``potential.analyse()`` with no arguments (embedded data, default model, wsm)."""
    import potential

    return potential.analyse()


@pytest.fixture
def dataset_copy(tmp_path):
    """A writable copy of the embedded dataset folder, to break on purpose."""
    from potential.resources import data_dir

    target = tmp_path / "kreis-unna"
    shutil.copytree(data_dir() / "kreis-unna", target)
    return target
