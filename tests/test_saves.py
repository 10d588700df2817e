"""Saves survive kills and full disks: the target and its .bak are always whole, temp files left by a
killed save are cleaned up, read-only files are not replaced silently, OS errors are told in Chinese."""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import subprocess
import uuid

import pytest

from core.os_errors import os_error_text
from core.report_file import ReportFileError, load_report, save_report
from core.user_files import backup_path
from resources import SAMPLE_REPORT
from tests.kill_saves import kill_during_saves

KILLS = 200


def sample():
    return load_report(SAMPLE_REPORT)


def temps(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL and a fork server")
def test_hundreds_of_kills_during_saves_leave_target_and_backup_loadable_and_no_temp_after_open(tmp_path):
    figures = kill_during_saves(tmp_path, KILLS)
    print(figures.summary())
    assert figures.problems == []
    assert figures.target_ok == KILLS and figures.backup_ok == KILLS - figures.backup_absent
    assert figures.backup_absent == 0  # every child saved once before it was killed
    assert figures.saves_cut > KILLS // 10  # the kills really fell inside saves
    assert temps(tmp_path) == []


def saved_twice(tmp_path):
    path = tmp_path / "年报.nianbao"
    report = sample()
    save_report(report, path)
    report.opening = "第二版"
    save_report(report, path)
    return path, report


def test_a_backup_cut_by_a_full_disk_fails_the_save_and_keeps_the_old_backup(tmp_path, monkeypatch):
    path, report = saved_twice(tmp_path)
    target, backup = path.read_bytes(), backup_path(path).read_bytes()

    def copy_half_then_fail(source, out, *args):
        out.write(source.read()[:12 * 1024])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfileobj", copy_half_then_fail)
    report.opening = "第三版"
    with pytest.raises(ReportFileError) as failure:
        save_report(report, path)
    assert "磁盘空间不足" in str(failure.value) and "No space" not in str(failure.value)
    assert path.read_bytes() == target and backup_path(path).read_bytes() == backup
    assert temps(tmp_path) == []


def test_a_backup_shorter_than_its_source_is_never_kept(tmp_path, monkeypatch):
    path, report = saved_twice(tmp_path)
    target, backup = path.read_bytes(), backup_path(path).read_bytes()
    # A disk (e.g. a network drive) that silently accepts less than it was given.
    monkeypatch.setattr(shutil, "copyfileobj", lambda source, out, *a: out.write(source.read()[:1000]))
    with pytest.raises(ReportFileError, match="磁盘读写出错"):
        save_report(report, path)
    assert path.read_bytes() == target and backup_path(path).read_bytes() == backup


@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)],
                      capture_output=True).returncode != 0:
        pytest.skip("needs permission to mount a small tmpfs")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_on_a_really_full_disk_the_save_fails_in_chinese_and_both_files_stay_whole(small_disk):
    path = small_disk / "年报.nianbao"
    report = sample()
    report.opening = "开头" * 20000  # ~120 KB as UTF-8: the target, its temp and the backup do not all fit
    save_report(report, path)
    before = path.read_bytes()
    with pytest.raises(ReportFileError) as failure:
        save_report(report, path)
    message = str(failure.value)
    assert "磁盘空间不足" in message and "原文件未改动" in message and "No space" not in message
    assert path.read_bytes() == before
    assert not backup_path(path).exists() or load_report(backup_path(path))
    assert temps(small_disk) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_a_read_only_file_is_refused_unless_the_user_agreed(tmp_path):
    path = tmp_path / "只读.nianbao"
    save_report(sample(), path)
    path.chmod(0o444)
    before = path.read_bytes()
    changed = sample()
    changed.opening = "改过"
    with pytest.raises(ReportFileError, match="是只读文件，没有保存"):
        save_report(changed, path)
    assert path.read_bytes() == before and not backup_path(path).exists()
    save_report(changed, path, replace_read_only=True)
    assert load_report(path).opening == "改过"
    assert path.stat().st_mode & 0o777 == 0o444  # still read-only, as the user had it


def test_temp_files_of_killed_saves_are_removed_at_open_and_only_ours(tmp_path):
    path = tmp_path / "年报.nianbao"
    save_report(sample(), path)
    ours = [f".年报.nianbao.{uuid.uuid4().hex[:8]}.tmp", f".年报.nianbao.bak.{uuid.uuid4().hex[:8]}.tmp"]
    not_ours = [".年报.nianbao.tmp", ".年报.nianbao.x.tmp", ".别的.nianbao.abcd1234.tmp", "年报.nianbao.abcd1234.tmp",
                ".年报.nianbao.abcd1234.tmp.keep", ".年报.nianbao.ABCD1234.tmp", ".年报.nianbao.abcd12345.tmp",
                ".年报.nianbao.bak.abc-1234.tmp"]
    for name in ours + not_ours:
        (tmp_path / name).write_bytes(b"{cut")
    in_progress = tmp_path / ".年报.nianbao.live0001.tmp"  # a save still running holds its lock
    with open(in_progress, "wb") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        load_report(path)
        assert in_progress.exists()
    remaining = sorted(p.name for p in tmp_path.iterdir())
    assert not set(ours) & set(remaining)
    assert set(not_ours) <= set(remaining)
    in_progress.unlink()
    for name in ours:  # and at the next save
        (tmp_path / name).write_bytes(b"{cut")
    save_report(sample(), path)
    assert not set(ours) & {p.name for p in tmp_path.iterdir()}


@pytest.mark.parametrize(("code", "words"), [
    (errno.ENOSPC, "磁盘空间不足"), (errno.EROFS, "只读"), (errno.EACCES, "没有权限"),
    (errno.ENAMETOOLONG, "太长"), (errno.EMFILE, "打开的文件太多"), (errno.EIO, "磁盘读写出错"),
    (12345, "错误代码 12345"),
])
def test_os_errors_are_explained_in_chinese_without_the_english_text(tmp_path, monkeypatch, code, words):
    assert words in os_error_text(OSError(code, "English system text"))

    def fail(*args):
        raise OSError(code, "English system text")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(ReportFileError) as failure:
        save_report(sample(), tmp_path / "r.nianbao")
    assert words in str(failure.value) or code == errno.EACCES
    assert "English" not in str(failure.value)


def test_a_name_too_long_for_the_file_system_is_explained(tmp_path):
    with pytest.raises(ReportFileError, match="文件名或路径太长"):
        save_report(sample(), tmp_path / ("长" * 200 + ".nianbao"))
    assert list(tmp_path.iterdir()) == []
