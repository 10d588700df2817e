"""The pure-Python parts of the installers (icons, bundle pruning, Linux package files, NSIS script).

The full PyInstaller build is too slow for the test suite: installers/build_linux.sh runs it.
"""

from __future__ import annotations

import configparser
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from installers.closure import (
    drop_dangling_symlinks,
    elf_needed,
    is_root,
    library_closure,
    prune_unreachable,
)
from installers.ico import IconImage, ico_bytes, ico_sizes
from installers.linux.app_info import APP_ID, AppInfo
from installers.linux.elf_scan import glibc_versions, missing_dependencies, required_glibc
from installers.linux.package_files import deb_control, depends, desktop_entry, mime_xml, uos_info
from installers.qt_keep import keep_qt_file, plugin_name

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"


# --- icons -----------------------------------------------------------------------------------------

def test_ico_holds_every_size_smallest_first():
    images = [IconImage(size, b"\x89PNG fake", bytes(size * size * 4)) for size in (256, 16, 32)]
    data = ico_bytes(images)
    assert ico_sizes(data) == [16, 32, 256]
    # a 16 px BMP entry: 40-byte header + 16*16*4 pixels + 16 rows of 4-byte AND mask
    assert int.from_bytes(data[6 + 8:6 + 12], "little") == 40 + 1024 + 64


def test_ico_refuses_wrong_pixel_count():
    with pytest.raises(ValueError):
        ico_bytes([IconImage(16, b"", bytes(10))])


def test_committed_icons_are_complete():
    for name in ("nianbao", "nianbao-doc"):
        assert (ICONS / f"{name}.svg").is_file()
        assert set(ico_sizes((ICONS / f"{name}.ico").read_bytes())) >= {16, 32, 48, 256}
        for size in (16, 24, 32, 48, 64, 128, 256):
            assert (ICONS / f"{name}-{size}.png").read_bytes().startswith(b"\x89PNG")


# --- library closure -----------------------------------------------------------------------------

LINUX_BUNDLE = {
    "nianbao": ["libpython3.11.so.1.0"],
    "libpython3.11.so.1.0": ["libc.so.6"],
    "PySide6/QtWidgets.abi3.so": ["libQt6Widgets.so.6", "libshiboken6.abi3.so.6.12", "libc.so.6"],
    "shiboken6/libshiboken6.abi3.so.6.12": [],
    "PySide6/Qt/lib/libQt6Widgets.so.6": ["libQt6Gui.so.6"],
    "PySide6/Qt/lib/libQt6Gui.so.6": ["libQt6Core.so.6", "libGL.so.1"],
    "PySide6/Qt/lib/libQt6Core.so.6": ["libicuuc.so.73"],
    "PySide6/Qt/lib/libicuuc.so.73": ["libicudata.so.73"],
    "PySide6/Qt/lib/libicudata.so.73": [],
    "PySide6/Qt/plugins/platforms/libqxcb.so": ["libQt6XcbQpa.so.6"],
    "PySide6/Qt/lib/libQt6XcbQpa.so.6": ["libQt6Gui.so.6", "libxcb-cursor.so.0"],
    "libxcb-cursor.so.0": ["libxcb.so.1"],
    # left over from dropped plugins (eglfs, tls) and a GTK theme
    "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6": ["libQt6Gui.so.6"],
    "PySide6/Qt/lib/libQt6Network.so.6": ["libQt6Core.so.6", "libgssapi_krb5.so.2"],
    "libgssapi_krb5.so.2": ["libkrb5.so.3"],
    "libkrb5.so.3": [],
    "libgtk-3.so.0": ["libQt6Core.so.6"],
    "python3.11/lib-dynload/_decimal.cpython-311-x86_64-linux-gnu.so": ["libmpdec.so.3"],
    "libmpdec.so.3": [],
}


def test_closure_keeps_what_extensions_and_plugins_need():
    roots = [dest for dest in LINUX_BUNDLE if is_root(dest)]
    kept = library_closure(LINUX_BUNDLE, roots)
    assert {"PySide6/Qt/lib/libicudata.so.73", "libxcb-cursor.so.0", "libmpdec.so.3",
            "shiboken6/libshiboken6.abi3.so.6.12", "libpython3.11.so.1.0"} <= kept
    assert not kept & {"PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", "PySide6/Qt/lib/libQt6Network.so.6",
                       "libgssapi_krb5.so.2", "libkrb5.so.3", "libgtk-3.so.0"}


def test_roots():
    assert is_root("PySide6/QtCore.abi3.so")
    assert is_root("lxml/etree.cpython-311-x86_64-linux-gnu.so")
    assert is_root("PySide6\\QtCore.pyd")
    assert is_root("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert is_root("python311.dll") and is_root("libpython3.11.so.1.0")
    assert is_root("resources/templates/2021.json")  # not a library: never pruned
    assert not is_root("PySide6/Qt/lib/libQt6Core.so.6")
    assert not is_root("PySide6/opengl32sw.dll")


def test_windows_names_are_case_insensitive_and_opengl32sw_goes():
    imports = {
        "PySide6/QtGui.pyd": ["Qt6Gui.dll", "python3.dll", "KERNEL32.dll"],
        "python3.dll": ["python311.dll"],
        "python311.dll": ["VCRUNTIME140.dll"],
        "vcruntime140.dll": [],
        "PySide6/qt6gui.dll": ["Qt6Core.dll"],
        "PySide6/Qt6Core.dll": [],
        "PySide6/opengl32sw.dll": [],
        "PySide6/plugins/platforms/qwindows.dll": ["Qt6Gui.dll"],
    }
    kept, dropped = prune_unreachable([(dest, dest) for dest in imports], lambda source: imports[source])
    assert dropped == ["PySide6/opengl32sw.dll"]
    assert "vcruntime140.dll" in kept and "PySide6/Qt6Core.dll" in kept


def test_extra_roots_keep_libraries_loaded_by_name():
    needed = {"libfoo.so.1": [], "libbar.so.2": []}
    kept, dropped = prune_unreachable([(d, d) for d in needed], needed.__getitem__, extra_roots=["libfoo.so.1"])
    assert kept == ["libfoo.so.1"] and dropped == ["libbar.so.2"]


def test_dangling_symlinks_are_dropped():
    toc = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
    ]
    kept = drop_dangling_symlinks(toc, {"PySide6/Qt/lib/libQt6Core.so.6"})
    assert [entry[0] for entry in kept] == ["libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6"]


@pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which("readelf"), reason="needs Linux and readelf")
def test_elf_reader_agrees_with_readelf():
    import _ctypes

    binary = Path(_ctypes.__file__)
    output = subprocess.run(["readelf", "-d", str(binary)], capture_output=True, text=True, check=True).stdout
    expected = [line.split("[", 1)[1].rstrip("]") for line in output.splitlines() if "(NEEDED)" in line]
    assert elf_needed(binary.read_bytes()) == expected


def test_non_elf_has_no_needed_libraries():
    assert elf_needed(b"\x7fELF" + bytes(60)) == []


# --- Qt plugins and translations -----------------------------------------------------------------

@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libfcitx5platforminputcontextplugin.so", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/plugins/imageformats/qico.dll", True),
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
    ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
    ("PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so", False),
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
    ("PySide6/translations/qtbase_de.qm", False),
    ("PySide6/Qt/translations/designer_zh_CN.qm", False),
    ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ("resources/translations/nianbao_zh_CN.qm", True),
    ("resources/templates/2021.json", True),
])
def test_qt_files_kept(dest, kept):
    assert keep_qt_file(dest) is kept


def test_plugin_names():
    assert plugin_name("libqxcb.so") == "qxcb"
    assert plugin_name("qwindows.dll") == "qwindows"
    assert plugin_name("libxdg-shell.so") == "xdg-shell"


# --- input method fallback (runtime hook) ----------------------------------------------------------

def _runtime_hook():
    path = ROOT / "installers" / "pyinstaller" / "rth_input_method.py"
    spec = importlib.util.spec_from_file_location("rth_input_method", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # does nothing outside a frozen app
    return module


def test_fcitx_without_its_plugin_falls_back_to_ibus(tmp_path):
    hook = _runtime_hook()
    (tmp_path / "libibusplatforminputcontextplugin.so").touch()
    env = {"QT_IM_MODULE": "fcitx", "PATH": str(tmp_path)}
    assert hook.choose_input_method(env, tmp_path) == "ibus" and env["QT_IM_MODULE"] == "ibus"
    # fcitx5 alone has no ibus-daemon, without which Qt's ibus plugin gives up: use the portal.
    assert env["IBUS_USE_PORTAL"] == "1"
    env = {"XMODIFIERS": "@im=fcitx", "PATH": str(tmp_path)}
    assert hook.choose_input_method(env, tmp_path) == "ibus" and env["IBUS_USE_PORTAL"] == "1"


def test_ibus_talks_to_its_daemon_when_there_is_one(tmp_path):
    hook = _runtime_hook()
    daemon = tmp_path / "ibus-daemon"
    daemon.write_text("#!/bin/sh\n")
    daemon.chmod(0o755)
    env = {"QT_IM_MODULE": "ibus", "PATH": str(tmp_path)}
    assert hook.choose_input_method(env, tmp_path) is None and "IBUS_USE_PORTAL" not in env
    env = {"QT_IM_MODULE": "ibus", "PATH": str(tmp_path / "elsewhere")}
    assert hook.choose_input_method(env, tmp_path) is None and env["IBUS_USE_PORTAL"] == "1"


def test_input_method_left_alone_when_it_can_load(tmp_path):
    hook = _runtime_hook()
    assert hook.choose_input_method({"QT_IM_MODULE": "ibus"}, tmp_path) is None
    assert hook.choose_input_method({}, tmp_path) is None
    (tmp_path / "libfcitx5platforminputcontextplugin.so").touch()
    env = {"QT_IM_MODULE": "fcitx5"}
    assert hook.choose_input_method(env, tmp_path) is None and env["QT_IM_MODULE"] == "fcitx5"


# --- Linux package files -------------------------------------------------------------------------

INFO = AppInfo(version="1.2.3", arch="amd64")


def test_desktop_entry():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read_string(desktop_entry(INFO))
    entry = parser["Desktop Entry"]
    assert entry["Name"] == "政务公开年报"
    assert entry["Exec"] == f"/opt/apps/{APP_ID}/files/nianbao %f"
    assert entry["Icon"] == APP_ID
    assert entry["MimeType"] == "application/x-nianbao;"
    assert entry["Type"] == "Application" and entry["Terminal"] == "false"


def test_uos_info():
    info = json.loads(uos_info(INFO))
    assert info["appid"] == APP_ID and info["name"] == "政务公开年报"
    assert info["version"] == "1.2.3" and info["arch"] == ["amd64"]
    assert info["permissions"]["autostart"] is False and info["permissions"]["clipboard"] is True


def test_mime_type():
    root = ET.fromstring(mime_xml())
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = root.find("m:mime-type", ns)
    assert mime.get("type") == "application/x-nianbao"
    assert mime.find("m:glob", ns).get("pattern") == "*.nianbao"


def test_deb_control():
    control = deb_control(INFO, 123456, "2.28")
    fields = dict(line.split(": ", 1) for line in control.splitlines() if line and not line.startswith(" "))
    assert fields["Package"] == APP_ID and fields["Version"] == "1.2.3" and fields["Installed-Size"] == "123456"
    assert "libc6 (>= 2.28)" in fields["Depends"]
    assert "libxcb-cursor0" in fields["Depends"] and "libxkbcommon-x11-0" in fields["Depends"]
    assert "fonts-noto-cjk | fonts-wqy-microhei" in fields["Depends"]
    assert control.endswith("\n")


def test_depends_cover_every_system_library():
    provider_of = {"libxcb-cursor.so.0": "libxcb-cursor0", "libc.so.6": "libc6", "libGL.so.1": "libgl1:amd64",
                   "libxcb-xinput.so.0": "libxcb-xinput0"}
    assert missing_dependencies(provider_of, [depends("2.28")]) == []
    assert missing_dependencies({"libfoo.so.1": "libfoo1", "libbar.so.0": None}, [depends("2.28")]) == [
        "libbar.so.0 (no package provides it here)", "libfoo.so.1 (libfoo1)"]


def test_required_glibc(tmp_path):
    assert glibc_versions(b"xxGLIBC_2.17\0GLIBC_2.28\0GLIBC_PRIVATE\0") == {"2.17", "2.28"}
    (tmp_path / "a.so").write_bytes(b"GLIBC_2.9\0")
    (tmp_path / "b.so").write_bytes(b"GLIBC_2.28\0GLIBC_2.3.4\0")
    assert required_glibc([tmp_path / "a.so", tmp_path / "b.so"]) == "2.28"


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="needs POSIX symlinks")
def test_staged_deb_tree(tmp_path):
    from installers.linux.stage import stage

    bundle = tmp_path / "dist" / "nianbao"
    (bundle / "_internal" / "resources" / "samples").mkdir(parents=True)
    (bundle / "nianbao").write_text("#!/bin/sh\n")
    (bundle / "_internal" / "resources" / "samples" / "sample.nianbao").write_text("{}")
    root = stage(bundle, tmp_path / "root", INFO)
    prefix = root / "opt" / "apps" / APP_ID
    assert (prefix / "files" / "nianbao").is_file()
    assert json.loads((prefix / "info").read_text(encoding="utf-8"))["appid"] == APP_ID
    assert (prefix / "entries" / "applications" / f"{APP_ID}.desktop").is_file()
    assert (prefix / "entries" / "icons" / "hicolor" / "16x16" / "apps" / f"{APP_ID}.png").is_file()
    assert (prefix / "entries" / "icons" / "hicolor" / "48x48" / "mimetypes" / "application-x-nianbao.png").is_file()
    assert (prefix / "entries" / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    assert os.readlink(root / "usr" / "bin" / "nianbao") == f"/opt/apps/{APP_ID}/files/nianbao"
    desktop_link = root / "usr" / "share" / "applications" / f"{APP_ID}.desktop"
    assert os.readlink(desktop_link) == f"/opt/apps/{APP_ID}/entries/applications/{APP_ID}.desktop"
    assert os.readlink(root / "usr" / "share" / "mime" / "packages" / f"{APP_ID}.xml").endswith(f"{APP_ID}.xml")
    assert sorted(path.name for path in (root / "DEBIAN").iterdir()) == ["control"]  # no maintainer scripts


# --- Windows installer (NSIS) --------------------------------------------------------------------

NSIS_SCRIPT = ROOT / "installers" / "windows" / "nianbao.nsi"


def test_nsis_script_essentials():
    script = NSIS_SCRIPT.read_text(encoding="utf-8-sig")
    for needle in ("Unicode true", "RequestExecutionLevel user", '!insertmacro MUI_LANGUAGE "SimpChinese"',
                   r'InstallDir "$LOCALAPPDATA\Programs\nianbao"', r'WriteRegStr HKCU "Software\Classes\.nianbao"',
                   'WriteRegStr HKCU "${UNINST_KEY}" "UninstallString"', 'DeleteRegKey HKCU "Software\\Classes\\${PROGID}"',
                   r'RMDir /r "$LOCALAPPDATA\nianbao\cache"'):
        assert needle in script
    assert "HKLM" not in script  # per-user: nothing that needs administrator rights


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (NSIS) is not installed: apt-get install nsis")
def test_nsis_installer_compiles_with_stand_in_payload(tmp_path):
    payload = tmp_path / "payload"
    files = ["nianbao.exe", "nianbao-gui.exe", "_internal/python311.dll", "_internal/resources/templates/2021.json",
             "_internal/resources/samples/sample_township_2025.nianbao", "_internal/LICENSE"]
    for relative in files:
        (payload / relative).parent.mkdir(parents=True, exist_ok=True)
        (payload / relative).write_bytes(relative.encode())
    setup = tmp_path / "nianbao-9.9.9-setup.exe"
    flag = "/" if sys.platform == "win32" else "-"
    result = subprocess.run(
        ["makensis", f"{flag}V2", f"{flag}DPAYLOAD={payload}", f"{flag}DVERSION=9.9.9", f"{flag}DOUTFILE={setup}",
         str(NSIS_SCRIPT)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert setup.read_bytes()[:2] == b"MZ"
    if shutil.which("7z") is None:
        pytest.skip("7z (p7zip-full) is not installed: cannot list the installer's contents")
    listing = subprocess.run(["7z", "l", str(setup)], capture_output=True, text=True, check=True).stdout
    names = {line.split()[-1] for line in listing.splitlines() if line[:1] in "0123456789 " and line.strip()}
    assert set(files) <= names
    assert {"uninstall.exe", "nianbao-doc.ico"} <= names


def test_windows_version_numbers():
    from installers.pyinstaller.version_info import numeric_version

    assert numeric_version("0.1.0") == (0, 1, 0, 0)
    assert numeric_version("1.2.0rc1") == (1, 2, 0, 0)
    assert numeric_version("2025.1.2.3.4") == (2025, 1, 2, 3)
