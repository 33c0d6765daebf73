"""Why the review database could not be used: one type per kind of refusal.

Every ``StoreError`` carries the database ``path``, a clerk-readable ``message``
and an ``advice`` in Chinese and English. A refused database is never written to:
the app opens nothing and leaves the file byte for byte as it found it.
"""

from __future__ import annotations

from typing import ClassVar

from desktop_app.core.errors import FileError
from desktop_app.core.text import LocalizedText as T


class StoreError(FileError):
    """The review database cannot be opened or used."""

    code: ClassVar[str] = "Store.Error"
    summary: ClassVar[T] = T(
        "无法打开审核数据库“{path}”。", "Could not open the review database “{path}”."
    )
    advice_text: ClassVar[T] = T(
        "请关闭其他正在使用它的程序后重试。", "Close any other program using it and try again."
    )


class DatabaseCorrupt(StoreError):
    """The file is not an SQLite database, or SQLite finds it damaged."""

    code = "Store.Corrupt"
    summary = T(
        "审核数据库“{path}”已损坏或不是本程序的数据库，程序没有改动它。",
        "The review database “{path}” is damaged or not a database of this app; it was left untouched.",
    )
    advice_text = T(
        "请把该文件备份后移走，再启动程序会新建一个空数据库。",
        "Back the file up and move it away; the app then starts with a new, empty database.",
    )


class DatabaseTooNew(StoreError):
    """The database was written by a newer version of the app (a schema we do not know)."""

    code = "Store.TooNew"
    summary = T(
        "审核数据库“{path}”由更新版本的程序创建（格式 {found}，本程序支持到 {supported}），程序没有改动它。",
        "The review database “{path}” was written by a newer version of the app (format {found}, "
        "this version knows up to {supported}); it was left untouched.",
    )
    advice_text = T(
        "请升级本程序后再打开。", "Update the app to the newest version and open it again."
    )


class DatabaseUnavailable(StoreError):
    """The database file or its folder cannot be read or written (permissions, locks, disk)."""

    code = "Store.Unavailable"


class DatabaseEmpty(StoreError):
    """The database file exists but holds nothing (0 bytes): not silently made anew."""

    code = "Store.Empty"
    summary = T(
        "审核数据库“{path}”是空文件（0 字节），可能是复制或同步中断留下的，程序没有改动它。",
        "The review database “{path}” is an empty file (0 bytes), perhaps left by an "
        "interrupted copy or sync; it was left untouched.",
    )
    advice_text = T(
        "如有备份请放回原处；否则删除该空文件，程序会新建一个空数据库。",
        "Put a backup in its place if there is one; otherwise delete the empty file and the "
        "app starts with a new, empty database.",
    )


class DatabaseReadOnly(StoreError):
    """The database can be read but not written (read-only file, folder or disk)."""

    code = "Store.ReadOnly"
    summary = T(
        "审核数据库“{path}”是只读的：可以查看和导出，但修改无法保存。",
        "The review database “{path}” is read-only: review and export work, but changes "
        "cannot be saved.",
    )
    advice_text = T(
        "请检查文件、文件夹和磁盘的写入权限，然后重新打开程序。",
        "Check that the file, its folder and the disk can be written, then reopen the app.",
    )


class DiskFull(StoreError):
    """SQLite reported the disk (or the database's size limit) full."""

    code = "Store.DiskFull"
    summary = T(
        "磁盘已满，无法保存到审核数据库“{path}”。",
        "The disk is full: nothing more can be saved to the review database “{path}”.",
    )
    advice_text = T(
        "请释放磁盘空间后继续；已收到的识别结果保留在内存中，空间释放后会再次保存。",
        "Free some disk space and go on; answers already received are kept in memory and "
        "saved again once there is room.",
    )


class DamagedRecord(StoreError, KeyError):
    """One page's record is damaged (bad JSON, an unknown status, invalid UTF-8).

    A ``KeyError`` too, so code that skips a page gone from the queue skips it as
    well; everything else in the database keeps working.
    """

    code = "Store.DamagedRecord"
    summary = T(
        "审核数据库中“{name}”第 {page} 页的记录已损坏，已跳过该页。",
        "The record of page {page} of “{name}” in the review database is damaged; the page "
        "was skipped.",
    )
    advice_text = T(
        "其他页面不受影响。可将该文件移出队列后重新添加，再识别一次。",
        "Other pages are not affected. Remove the file from the queue and add it again to "
        "recognize it anew.",
    )

    def __str__(self) -> str:  # KeyError would quote the message
        return self.message.zh
