"""Plain, frozen snapshots of rows, for handing data to services and templates (no ORM, no session).

Services keep their own views of users and orders (`ProfileView`, `OrderView`); this module holds what
the repositories themselves return.
"""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from astralbot.store.models import Chart


@dataclass(frozen=True, slots=True)
class ChartInfo:
    """A chart without its files; ``has_pdf``/``has_png`` say whether they can be downloaded."""

    id: uuid.UUID
    user_id: int
    order_id: uuid.UUID | None
    reading_locale: str
    chart_json: dict[str, Any]
    has_pdf: bool
    has_png: bool
    created_at: datetime

    @classmethod
    def from_model(cls, chart: Chart) -> ChartInfo:
        return cls(
            id=chart.id,
            user_id=chart.user_id,
            order_id=chart.order_id,
            reading_locale=chart.reading_locale,
            chart_json=copy.deepcopy(chart.chart_json),
            has_pdf=chart.pdf is not None,
            has_png=chart.png is not None,
            created_at=chart.created_at,
        )
