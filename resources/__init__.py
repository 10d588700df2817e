"""Data files shipped with the app: templates, the sample report, icons, translations."""

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = RESOURCES_DIR / "templates"
SAMPLES_DIR = RESOURCES_DIR / "samples"
SAMPLE_REPORT = SAMPLES_DIR / "sample_township_2025.nianbao"
