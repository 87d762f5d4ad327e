"""The record of a resolved speaker: what was written, its span, and the name, role and entity it resolves to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(slots=True, kw_only=True)
class Speaker:
    """A resolved speaker; `name` is None when it cannot be named, with the reason."""

    text: str | None = None
    span: tuple[int, int] | None = None
    name: str | None = None
    entity_id: str | None = None
    role: str | None = None
    reason: str | None = None

    def attrs(self) -> dict[str, Any]:
        return {
            "speaker": self.text,
            "speaker_span": list(self.span) if self.span else None,
            "speaker_name": self.name,
            "speaker_id": self.entity_id,
            "speaker_role": self.role,
            "reason": None if self.name else (self.reason or "no speaker found"),
        }
