"""Flagging the same invoice twice: the same file (SHA-256) or the same 发票代码 + 发票号码.

A 数电 e-invoice has no 发票代码: its 20-digit 发票号码 alone names it, so the same
invoice received as PDF and as OFD (two files) is one invoice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from desktop_app.store.database import Database
from desktop_app.store.records import Duplicate

_SAME_FILE = """
SELECT p1.id AS page_id, p2.id AS other_id
FROM pages p1 JOIN documents d1 ON d1.id = p1.document_id
JOIN documents d2 ON d2.sha256 = d1.sha256 AND d2.id != d1.id
JOIN pages p2 ON p2.document_id = d2.id AND p2.page_index = p1.page_index
"""

# Pairs of different pages whose current 发票代码 and 发票号码 are equal and not blank
# (or, for 数电 e-invoices, whose 20-digit 发票号码 are equal and 发票代码 both blank).
_SAME_INVOICE = """
SELECT c1.page_id AS page_id, c2.page_id AS other_id
FROM field_values c1
JOIN field_values n1 ON n1.page_id = c1.page_id AND n1.name = '发票号码'
JOIN field_values c2 ON c2.name = '发票代码' AND c2.current_value = c1.current_value
    AND c2.page_id != c1.page_id
JOIN field_values n2 ON n2.page_id = c2.page_id AND n2.name = '发票号码'
    AND n2.current_value = n1.current_value
WHERE c1.name = '发票代码' AND TRIM(n1.current_value) != ''
    AND (TRIM(c1.current_value) != '' OR LENGTH(TRIM(n1.current_value)) = 20)
"""

# The pages whose stored 发票代码 and 发票号码 equal the given ones (a page's values not
# stored yet); the blank rules of _SAME_INVOICE are checked before asking.
_SAME_VALUES = """
SELECT c2.page_id AS other_id
FROM field_values c2
JOIN field_values n2 ON n2.page_id = c2.page_id AND n2.name = '发票号码'
    AND n2.current_value = :number
WHERE c2.name = '发票代码' AND c2.current_value = :code AND c2.page_id != :page
ORDER BY 1
"""


class DuplicatesMixin:
    """Duplicate queries. Part of :class:`Store`."""

    _db: Database

    def duplicates(self) -> dict[int, list[Duplicate]]:
        """Every flagged page id → why (each twin and reason), for the queue's icons."""
        flagged: dict[int, list[Duplicate]] = defaultdict(list)
        for reason, sql in (("same_file", _SAME_FILE), ("same_invoice", _SAME_INVOICE)):
            for row in self._db.query(sql + " ORDER BY 1, 2"):
                flagged[row["page_id"]].append(Duplicate(row["page_id"], row["other_id"], reason))
        return dict(flagged)

    def duplicates_of(
        self, page_id: int, values: Mapping[str, str] | None = None
    ) -> list[Duplicate]:
        """Why ``page_id`` is flagged (empty when it is not a duplicate).

        ``values``: the page's field values as the clerk holds them, which the window
        may not have stored yet (its writes are committed on the store's writer
        thread); compared with the other pages' stored values.
        """
        found = []
        for reason, sql in (("same_file", _SAME_FILE), ("same_invoice", _SAME_INVOICE)):
            if reason == "same_invoice" and values is not None:
                rows = self._same_values(page_id, values)
            else:
                rows = self._db.query(
                    f"SELECT * FROM ({sql}) WHERE page_id = ? ORDER BY 2", (page_id,)
                )
            found += [Duplicate(page_id, row["other_id"], reason) for row in rows]
        return found

    def _same_values(self, page_id: int, values: Mapping[str, str]) -> list:
        code, number = values.get("发票代码", ""), values.get("发票号码", "")
        if not number.strip() or not (code.strip() or len(number.strip()) == 20):
            return []
        return self._db.query(_SAME_VALUES, {"code": code, "number": number, "page": page_id})
