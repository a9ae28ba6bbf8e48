"""Reading query-string parameters: dates typed by people, and the "as of" day."""
from __future__ import annotations

import datetime as dt

from flask import request


def date_arg(name: str) -> tuple[dt.date | None, str | None]:
    """The date in query parameter `name` (2025-03-05 or 05/03/2025), and an error
    message in Vietnamese when it is there but not a date."""
    return parse_day(request.args.get(name) or "")


def parse_day(raw: str) -> tuple[dt.date | None, str | None]:
    """A day typed as 2025-03-05 or 05/03/2025 (None when empty), and an error message in
    Vietnamese when it is not a date."""
    raw = raw.strip()
    if not raw:
        return None, None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(raw, pattern).date(), None
        except ValueError:
            continue
    return None, f"Ngày không hợp lệ: “{raw}” (nhập theo dạng ngày/tháng/năm)."
