"""The user name stamped on audit entries."""

from __future__ import annotations

import getpass

from desktop_app.store.user import current_user


def test_user_comes_from_the_os(monkeypatch) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "wang.li")
    assert current_user() == "wang.li"


def test_user_falls_back_when_the_os_has_no_name(monkeypatch) -> None:
    def no_user() -> str:
        raise OSError("no passwd entry")

    monkeypatch.setattr(getpass, "getuser", no_user)
    monkeypatch.setenv("USER", "")
    monkeypatch.delenv("USERNAME", raising=False)
    assert current_user() == "unknown"
    monkeypatch.setenv("USERNAME", "clerk1")
    assert current_user() == "clerk1"
