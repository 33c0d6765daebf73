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
