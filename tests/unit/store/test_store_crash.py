"""Nothing lost: a process killed with SIGKILL mid-review loses no committed change."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop_app.store import PageStatus, open_store

REPO = Path(__file__).resolve().parents[3]
COMMITTED_BEFORE_KILL = 15

# The clerk's session: queue a 3-page document, review page 2, then keep editing it
# (announcing each committed edit) until killed; page 3 is being recognized.
_SESSION = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from desktop_app.core.codec import parse_response
    from desktop_app.store import open_store

    store = open_store(sys.argv[1], user="clerk")
    result = parse_response(json.loads(Path(sys.argv[2]).read_text(encoding="utf-8")))
    document = store.add_document(Path("/invoices/day.pdf"), "abc", 3)
    first, second, third = (p.id for p in store.pages(document_id=document.id))
    store.save_recognition(first, result)
    store.approve(first)
    store.save_recognition(second, result)
    store.set_current_page(second)
    store.claim_page(third)
    print("ready", first, second, third, flush=True)
    i = 0
    while True:
        store.edit_field(second, "备注", f"edit {i}")
        print("committed", i, flush=True)
        i += 1
        time.sleep(0.002)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_kill_9_mid_review_keeps_every_committed_edit(tmp_path: Path) -> None:
    db = tmp_path / "review.sqlite3"
    seed = REPO / "tests" / "fixtures" / "seed-example-response.json"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-c", _SESSION, str(db), str(seed)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    try:
        ready = proc.stdout.readline().split()
        assert ready[0] == "ready", ready
        first, second, third = map(int, ready[1:])
        last = -1
        while last < COMMITTED_BEFORE_KILL:
            line = proc.stdout.readline()
            assert line, "the session ended before it was killed"
            last = int(line.split()[1])
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL

    with open_store(db) as store:
        assert [p.id for p in store.pages()] == [first, second, third]
        assert store.page(first).status is PageStatus.APPROVED
        assert store.page(second).status is PageStatus.NEEDS_REVIEW
        assert store.page(third).status is PageStatus.NEW  # was recognizing: back in the queue
        assert store.current_page().id == second
        edits = [e.new for e in store.audit_trail([second]) if e.action == "edit"]
        # every edit announced before the kill is there, in order; at most one more after it
        assert edits[: last + 1] == [f"edit {i}" for i in range(last + 1)]
        assert len(edits) in (last + 1, last + 2)
        assert store.values(second)["备注"] == edits[-1]
