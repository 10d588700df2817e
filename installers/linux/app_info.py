"""Facts about the app that every Linux package file repeats (one place to change them)."""

from __future__ import annotations

from dataclasses import dataclass

APP_ID = "cn.nianbao.app"
MIME_TYPE = "application/x-nianbao"
MIME_ICON = "application-x-nianbao"
EXTENSION = ".nianbao"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)

# Runtime libraries the bundle expects from the system (Qt's X11/Wayland platform plugins, OpenGL
# loader, fontconfig) and a font that has Chinese glyphs. Checked against the bundle by
# installers/linux/system_libs.py when the .deb is built.
DEPENDS = (
    "libc6 (>= {glibc})",
    "libgl1",
    "libegl1",
    "libfontconfig1",
    "libfreetype6",
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-util1",
    "libxcb-xfixes0",
    "libxcb-xinerama0 | libxcb-xinput0",
    "libxcb-xkb1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libdbus-1-3",
    "libglib2.0-0",
    "libwayland-client0",
    "libwayland-cursor0",
    "fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei | fonts-arphic-uming | fonts-droid-fallback",
)

# Used when the build machine does not have a library installed, so `dpkg -S` cannot say.
KNOWN_PROVIDERS = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libxcb.so.1": "libxcb1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
}


@dataclass(frozen=True)
class AppInfo:
    version: str
    arch: str = "amd64"  # Debian architecture name: amd64, arm64, loong64, mips64el
    app_id: str = APP_ID
    name: str = "政务公开年报"
    name_en: str = "Nianbao"
    generic_name: str = "政府信息公开工作年度报告编制工具"
    comment: str = "编制、检查政府信息公开工作年度报告，导出 Word 和 Excel"
    maintainer: str = "nianbao developers <nianbao@example.invalid>"

    @property
    def prefix(self) -> str:
        """Where the package installs (统信UOS application layout)."""
        return f"/opt/apps/{self.app_id}"

    @property
    def executable(self) -> str:
        return f"{self.prefix}/files/nianbao"
