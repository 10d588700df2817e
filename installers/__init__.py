"""Build tooling for the installers (icons, PyInstaller bundle pruning, Linux and Windows packages).

Not part of the shipped app: setuptools only packages core, gui, cli and resources.
"""
