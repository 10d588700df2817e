"""Shared fixtures. Qt must run offscreen before anything imports it (see tests/gui)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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
