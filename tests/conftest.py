"""Shared fixtures. Qt must run offscreen before anything imports it (see tests/gui)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Built templates are cached in a folder of this run (child processes too), not the user's.
_TEMPLATE_CACHE = tempfile.mkdtemp(prefix="nianbao-test-cache-")
os.environ["NIANBAO_CACHE_DIR"] = _TEMPLATE_CACHE


def _collector_on() -> None:
    """Importing ``gui`` pauses the garbage collector until the app's first window shows
    (gui/startup.py); the tests run with it on."""
    import sys

    if "gui.startup" in sys.modules:
        sys.modules["gui.startup"].finished()


def pytest_collection_finish(session):
    _collector_on()


@pytest.fixture(autouse=True)
def _collector_on_after_each_test():
    yield
    _collector_on()  # a test that imported gui for the first time paused it


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_TEMPLATE_CACHE, ignore_errors=True)

FIXTURES = Path(__file__).parent / "fixtures"
SEED001 = FIXTURES / "seed001_litong_2021.nianbao"
ERRORS = FIXTURES / "errors_2025.nianbao"
SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture
def sample_report():
    from core.report_file import load_report
    from resources import SAMPLE_REPORT

    return load_report(SAMPLE_REPORT)


@pytest.fixture
def template():
    from core.template import load_template

    return load_template("2021")
