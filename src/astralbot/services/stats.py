"""The analytics funnel from `events`, for `astralbot stats`."""

from __future__ import annotations

from astralbot.store.database import Database
from astralbot.store.repositories import EventRepository

FUNNEL_STEPS = ("start", "profile_completed", "chart_requested")


async def funnel_report(db: Database) -> str:
    async with db.session() as session:
        counts = await EventRepository(session).funnel()
    started = counts.get("start", 0)
    lines = ["funnel (distinct users):"]
    for step in FUNNEL_STEPS:
        n = counts.get(step, 0)
        share = f"{100 * n / started:.0f}%" if started else "-"
        lines.append(f"  {step:<20} {n:>8}  {share:>5}")
    others = sorted(k for k in counts if k not in FUNNEL_STEPS)
    for name in others:
        lines.append(f"  {name:<20} {counts[name]:>8}")
    return "\n".join(lines)
