"""
Log lines as JSON, one object a line, for a log collector to read without guessing: when, how bad, which logger,
the message, the request's id (edge.request_ids) and, for an error, its traceback. LOG_FORMAT=json turns them
on (the default when DEBUG is off).
"""

import json
import logging
from datetime import UTC, datetime

from .request_ids import current_request_id

# Attributes every LogRecord has; anything else on a record was passed in ``extra=`` and is written out too.
# ``request`` (Django's records carry the request object) is not data for a log line.
STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime", "request_id", "request"}


class RequestIdFilter(logging.Filter):
    """Give every record the id of the request it was written in (empty outside requests)."""

    def filter(self, record: logging.LogRecord) -> bool:
        # Django logs a 4xx or 5xx answer once the middleware has returned: the record carries the request.
        record.request_id = current_request_id() or getattr(getattr(record, "request", None), "id", "")
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "") or current_request_id(),
        }
        for name, value in vars(record).items():
            if name not in STANDARD and not name.startswith("_"):
                line[name] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str, ensure_ascii=False)
