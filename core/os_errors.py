"""What an operating-system error means, in Chinese, for messages about a user's files.

The English ``strerror`` ("No space left on device") is never put into a Chinese sentence: the
error number is mapped to a short Chinese explanation, and an unknown one is named by its code.
"""

from __future__ import annotations

import errno

_BY_ERRNO: dict[int, str] = {
    errno.ENOSPC: "磁盘空间不足，请清理磁盘或另选位置",
    errno.EROFS: "磁盘或文件夹是只读的（例如光盘、写保护的U盘），不能写入",
    errno.EACCES: "没有权限（文件可能正被其他程序打开，或没有该文件夹的写入权限）",
    errno.EPERM: "操作不被允许（没有权限，或文件被设为只读或受保护）",
    errno.ENAMETOOLONG: "文件名或路径太长，请缩短文件名或换一个层级较浅的文件夹",
    errno.EMFILE: "同时打开的文件太多，请关闭一些程序后重试",
    errno.ENFILE: "系统中打开的文件太多，请关闭一些程序后重试",
    errno.EIO: "磁盘读写出错（磁盘或U盘可能已损坏或已被拔出）",
    errno.ENOENT: "文件或文件夹不存在",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.EEXIST: "同名文件已存在",
    errno.EBUSY: "文件或设备正被占用",
    errno.EINVAL: "文件名或路径无效（可能含有系统不允许的字符）",
    errno.EFBIG: "文件太大，超过了该磁盘允许的大小",
    errno.ELOOP: "路径中的快捷方式（符号链接）层数太多",
    errno.EXDEV: "不能跨磁盘移动文件",
    errno.ENXIO: "设备不存在或未连接",
    errno.ENODEV: "设备不存在或未连接",
    errno.EAGAIN: "文件暂时不可用，请稍后重试",
    errno.ETXTBSY: "文件正被使用",
}
for _name, _text in (("EDQUOT", "磁盘配额已用完，请清理文件或联系管理员"),
                     ("ESTALE", "网络文件已失效，请重新连接网络磁盘"),
                     ("EHOSTDOWN", "网络磁盘无法连接"),
                     ("ETIMEDOUT", "网络磁盘连接超时")):
    if hasattr(errno, _name):
        _BY_ERRNO[getattr(errno, _name)] = _text

# Windows reports some failures only through winerror (errno is then a generic EINVAL or EACCES).
_BY_WINERROR: dict[int, str] = {
    32: "文件正被其他程序打开（例如 WPS、Word、Excel），请关闭后重试",  # ERROR_SHARING_VIOLATION
    33: "文件的一部分被其他程序锁定，请关闭该程序后重试",  # ERROR_LOCK_VIOLATION
    39: "磁盘空间不足，请清理磁盘或另选位置",  # ERROR_HANDLE_DISK_FULL
    112: "磁盘空间不足，请清理磁盘或另选位置",  # ERROR_DISK_FULL
    123: "文件名或路径无效（可能含有 \\ / : * ? \" < > | 等系统不允许的字符）",  # ERROR_INVALID_NAME
    206: "文件名或路径太长，请缩短文件名或换一个层级较浅的文件夹",  # ERROR_FILENAME_EXCED_RANGE
    1224: "文件正被其他程序映射使用，请关闭该程序后重试",  # ERROR_USER_MAPPED_FILE
}


def os_error_text(error: OSError) -> str:
    """A Chinese explanation of ``error`` without the English system text."""
    winerror = getattr(error, "winerror", None)
    if winerror in _BY_WINERROR:
        return _BY_WINERROR[winerror]
    if error.errno in _BY_ERRNO:
        return _BY_ERRNO[error.errno]
    code = error.errno if error.errno is not None else winerror
    return f"系统错误（错误代码 {code}）" if code is not None else "未知的系统错误"
