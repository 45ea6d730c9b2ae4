"""Typed access to Bot API parameters, whichever way the client encoded them.

PTB posts ``application/x-www-form-urlencoded`` (or multipart when uploading) where strings are sent
raw and everything else JSON-encoded; other clients post JSON bodies or use the query string. The real
server accepts all of these, so getters here accept both raw JSON values and their string forms.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from astralbot.sandbox.errors import bad_request


@dataclass(frozen=True)
class UploadedFile:
    field_name: str
    filename: str | None
    content_type: str | None
    data: bytes


@dataclass
class Params:
    values: dict[str, Any]
    files: dict[str, UploadedFile] = field(default_factory=dict)

    def has(self, name: str) -> bool:
        return self.values.get(name) not in (None, "") or name in self.files

    def raw(self, name: str) -> Any:
        return self.values.get(name)

    def str_(self, name: str, *, required: bool = False, default: str | None = None) -> str | None:
        value = self.values.get(name)
        if value is None:
            if required:
                raise bad_request(f"{name} is empty")
            return default
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)

    def int_(self, name: str, *, required: bool = False, default: int | None = None) -> int | None:
        value = self.values.get(name)
        if value is None or value == "":
            if required:
                raise bad_request(f"{name} is empty")
            return default
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, int):
            return value
        try:
            return int(str(value).strip())
        except ValueError:
            raise bad_request(f"invalid {name} specified") from None

    def float_(self, name: str, *, default: float) -> float:
        value = self.values.get(name)
        if value is None or value == "":
            return default
        try:
            return float(value)
        except (TypeError, ValueError):
            raise bad_request(f"invalid {name} specified") from None

    def bool_(self, name: str, *, default: bool = False) -> bool:
        value = self.values.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return value
        return str(value).strip().lower() in {"true", "1", "yes"}

    def json_(self, name: str) -> Any:
        """A structured parameter (reply_markup, prices...): a JSON value or a JSON-encoded string."""
        value = self.values.get(name)
        if isinstance(value, str):
            if value == "":
                return None
            try:
                return json.loads(value)
            except json.JSONDecodeError:
                raise bad_request(f"can't parse {name} JSON object") from None
        return value

    def loggable(self) -> dict[str, Any]:
        """Parameters as recorded in the call log: uploads are summarised, not stored twice."""
        logged = dict(self.values)
        for name, upload in self.files.items():
            logged[name] = {"upload": upload.filename, "size": len(upload.data)}
        return logged
