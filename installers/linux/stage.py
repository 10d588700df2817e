"""Lay out the .deb tree: the bundle under /opt/apps/<appid>/files plus entries, info and links.

    python -m installers.linux.stage --bundle DIST/nianbao --root STAGING --version 0.1.0 [--arch amd64]

Only files and symbolic links are shipped: no maintainer scripts. Desktops find the menu entry,
icons and MIME type through the /usr/share links (Debian's dpkg triggers refresh their caches);
统信UOS reads /opt/apps/<appid>/entries itself.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
from pathlib import Path

from installers.linux.app_info import APP_ID, ICON_SIZES, MIME_ICON, AppInfo
from installers.linux.elf_scan import elf_files, required_glibc
from installers.linux.package_files import deb_control, desktop_entry, mime_xml, uos_info

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"


def entry_files(info: AppInfo) -> dict[str, bytes]:
    """Files under /opt/apps/<appid>/ (besides the bundle), by path relative to it."""
    files = {
        "info": uos_info(info).encode(),
        f"entries/applications/{info.app_id}.desktop": desktop_entry(info).encode(),
        f"entries/mime/packages/{info.app_id}.xml": mime_xml().encode(),
        f"entries/icons/hicolor/scalable/apps/{info.app_id}.svg": (ICONS / "nianbao.svg").read_bytes(),
        f"entries/icons/hicolor/scalable/mimetypes/{MIME_ICON}.svg": (ICONS / "nianbao-doc.svg").read_bytes(),
    }
    for size in ICON_SIZES:
        folder = f"entries/icons/hicolor/{size}x{size}"
        files[f"{folder}/apps/{info.app_id}.png"] = (ICONS / f"nianbao-{size}.png").read_bytes()
        files[f"{folder}/mimetypes/{MIME_ICON}.png"] = (ICONS / f"nianbao-doc-{size}.png").read_bytes()
    return files


def system_links(info: AppInfo, entries: list[str]) -> dict[str, str]:
    """Standard-location symbolic links (path in the package -> absolute target)."""
    links = {"usr/bin/nianbao": info.executable}
    for relative in entries:
        if relative.startswith("entries/"):
            links[f"usr/share/{relative.removeprefix('entries/')}"] = f"{info.prefix}/{relative}"
    return links


def _write(path: Path, data: bytes, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    path.chmod(mode)


def installed_size_kib(root: Path) -> int:
    total = sum(path.lstat().st_size for path in root.rglob("*") if "DEBIAN" not in path.parts)
    return (total + 1023) // 1024


def stage(bundle: Path, root: Path, info: AppInfo) -> Path:
    if root.exists():
        shutil.rmtree(root)
    prefix = root / info.prefix.lstrip("/")
    shutil.copytree(bundle, prefix / "files", symlinks=True)
    subprocess.run(["chmod", "-R", "u=rwX,go=rX", str(prefix / "files")], check=True)
    entries = entry_files(info)
    for relative, data in entries.items():
        _write(prefix / relative, data)
    for link, target in system_links(info, list(entries)).items():
        (root / link).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, root / link)
    glibc = required_glibc(elf_files(prefix / "files"))
    _write(root / "DEBIAN" / "control", deb_control(info, installed_size_kib(root), glibc).encode())
    for folder in [root, *(path for path in root.rglob("*") if path.is_dir() and not path.is_symlink())]:
        folder.chmod(0o755)
    return root


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, required=True, help="the PyInstaller folder (dist/nianbao)")
    parser.add_argument("--root", type=Path, required=True, help="staging directory (replaced)")
    parser.add_argument("--version", required=True)
    parser.add_argument("--arch", default="amd64")
    args = parser.parse_args()
    info = AppInfo(version=args.version, arch=args.arch)
    stage(args.bundle, args.root, info)
    print(f"staged {APP_ID} {args.version} ({args.arch}) in {args.root}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
