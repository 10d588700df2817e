"""Text of the Linux package files: .desktop entry, UOS info, MIME type, Debian control."""

from __future__ import annotations

import json

from installers.linux.app_info import DEPENDS, EXTENSION, MIME_ICON, MIME_TYPE, AppInfo


def desktop_entry(info: AppInfo) -> str:
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.0",
        f"Name={info.name}",
        f"Name[zh_CN]={info.name}",
        f"Name[en]={info.name_en}",
        f"GenericName={info.generic_name}",
        f"Comment={info.comment}",
        f"Exec={info.executable} %f",
        f"TryExec={info.executable}",
        f"Icon={info.app_id}",
        "Terminal=false",
        "Categories=Office;",
        f"MimeType={MIME_TYPE};",
        "Keywords=年报;政务公开;信息公开;nianbao;",
        "StartupNotify=true",
        "StartupWMClass=nianbao",
        "",
    ])


def uos_info(info: AppInfo) -> str:
    """/opt/apps/<appid>/info, read by the 统信UOS app store and launcher."""
    data = {
        "appid": info.app_id,
        "name": info.name,
        "version": info.version,
        "arch": [info.arch],
        "permissions": {
            "autostart": False,
            "notification": False,
            "trayicon": False,
            "clipboard": True,
            "account": False,
            "bluetooth": False,
            "camera": False,
            "audio_record": False,
            "installed_apps": False,
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=4) + "\n"


def mime_xml() -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{MIME_TYPE}">
    <comment>Government information disclosure annual report</comment>
    <comment xml:lang="zh_CN">政务公开年报文件</comment>
    <sub-class-of type="application/json"/>
    <icon name="{MIME_ICON}"/>
    <glob pattern="*{EXTENSION}"/>
  </mime-type>
</mime-info>
"""


def depends(glibc: str) -> str:
    return ", ".join(entry.format(glibc=glibc) for entry in DEPENDS)


def deb_control(info: AppInfo, installed_size_kib: int, glibc: str) -> str:
    return "\n".join([
        f"Package: {info.app_id}",
        f"Version: {info.version}",
        f"Architecture: {info.arch}",
        f"Maintainer: {info.maintainer}",
        f"Installed-Size: {installed_size_kib}",
        f"Depends: {depends(glibc)}",
        "Section: utils",
        "Priority: optional",
        f"Description: {info.name}（{info.generic_name}）",
        " 离线桌面软件：按 2021 年新版格式编制政府信息公开工作年度报告，",
        " 自动合计、逐项检查，导出 Word 和 Excel。不联网，所需文件全部随软件安装。",
        " .",
        f" Installs to {info.prefix} (统信UOS app layout) with a /usr/bin/nianbao command.",
        "",
    ])
