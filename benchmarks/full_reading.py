"""Full-reading generation: the time per order of each step, and charts per minute through the pool.

Run: `.venv/bin/python benchmarks/full_reading.py [--orders N] [--workers K] [--json]`

1. In this process, per order (distinct birth data each time, so no cache helps), the three steps the
   delivery worker runs in its pool: the chart facts, the wheel PNG, and the reading with the PDF
   (the reading and the PDF are also timed apart).
2. Through the real `ChartPool` (K worker processes, as `CHART_WORKERS`), N orders at once, each
   running the three steps as the delivery worker does: orders per minute, end to end.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import time
from datetime import date, timedelta
from datetime import time as dtime
from typing import Any

from _timing import format_seconds, percentile

from astralbot.charting import BirthInput, build_chart
from astralbot.jobs.pool import ChartPool
from astralbot.jobs.tasks import ChartJob, compute_facts, draw_wheel, write_full_reading
from astralbot.reading.assemble import full_reading
from astralbot.render.report_pdf import ReportSubject, render_report_pdf


def jobs(n: int) -> list[ChartJob]:
    start = date(1960, 1, 1)
    return [
        ChartJob(
            birth_date=start + timedelta(days=397 * i),
            birth_time=dtime((7 + 5 * i) % 24, (13 * i) % 60),
            lat=55.7520 - (i % 7) * 3.1,
            lon=37.6178 + (i % 5) * 11.3,
            timezone="Europe/Moscow",
            place_label="Москва, Россия",
            house_system="placidus",
            locale="ru" if i % 2 == 0 else "en",
            name=f"Бенчмарк {i}",
        )
        for i in range(n)
    ]


def per_step(samples: list[ChartJob]) -> dict[str, list[float]]:
    steps: dict[str, list[float]] = {"facts": [], "png": [], "reading": [], "pdf": [], "reading+pdf": []}
    for job in samples:
        t0 = time.perf_counter()
        compute_facts(job)
        t1 = time.perf_counter()
        draw_wheel(job)
        t2 = time.perf_counter()
        write_full_reading(job)
        t3 = time.perf_counter()
        steps["facts"].append(t1 - t0)
        steps["png"].append(t2 - t1)
        steps["reading+pdf"].append(t3 - t2)
        # The two halves of step 3 apart, on a chart computed beforehand.
        birth = BirthInput(job.birth_date, job.birth_time, job.lat, job.lon, job.timezone, job.place_label)
        _resolved, chart = build_chart(birth)
        t4 = time.perf_counter()
        full_reading(chart, job.locale)
        t5 = time.perf_counter()
        subject = ReportSubject(
            job.name, job.birth_date, job.birth_time, job.place_label, job.timezone, "+03:00", "placidus"
        )
        render_report_pdf(subject, chart, job.locale)
        t6 = time.perf_counter()
        steps["reading"].append(t5 - t4)
        steps["pdf"].append(t6 - t5)
    return steps


async def through_pool(samples: list[ChartJob], workers: int) -> tuple[float, list[float]]:
    pool = ChartPool(workers)
    try:
        await pool.warm_up()
        # One warm-up order per worker: the first PDF pays for loading fonts.
        await asyncio.gather(*(pool.run(write_full_reading, j) for j in samples[:workers]))

        async def order(job: ChartJob) -> float:
            started = time.perf_counter()
            await pool.run(compute_facts, job)
            await pool.run(draw_wheel, job)
            await pool.run(write_full_reading, job)
            return time.perf_counter() - started

        wall_start = time.perf_counter()
        latencies = await asyncio.gather(*(order(j) for j in samples))
        return time.perf_counter() - wall_start, list(latencies)
    finally:
        pool.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--orders", type=int, default=24, help="orders for the pool run (default 24)")
    parser.add_argument("--per-step", type=int, default=10, help="orders timed step by step (default 10)")
    parser.add_argument(
        "--workers", type=int, default=2, help="pool processes, like CHART_WORKERS (default 2)"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()

    steps = per_step(jobs(args.per_step + 1)[1:])  # the first one below warms the process up
    per_step(jobs(1))
    wall, latencies = asyncio.run(through_pool(jobs(args.orders), args.workers))
    per_minute = args.orders / wall * 60

    figures: dict[str, Any] = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "per_order_median_s": {k: statistics.median(v) for k, v in steps.items()},
        "per_order_p90_s": {k: percentile(v, 90) for k, v in steps.items()},
        "pool": {
            "workers": args.workers,
            "orders": args.orders,
            "wall_s": wall,
            "orders_per_minute": per_minute,
            "order_latency_median_s": statistics.median(latencies),
            "order_latency_p90_s": percentile(latencies, 90),
        },
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print("Full-reading generation")
    print(
        f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, load average {os.getloadavg()[0]:.2f}"
    )
    print(f"\nper order, in one process ({args.per_step} orders, distinct birth data):")
    print(f"  {'step':<14}{'median':>12}{'p90':>12}")
    for name in ("facts", "png", "reading", "pdf", "reading+pdf"):
        print(
            f"  {name:<14}{format_seconds(figures['per_order_median_s'][name]):>12}"
            f"{format_seconds(figures['per_order_p90_s'][name]):>12}"
        )
    total = sum(figures["per_order_median_s"][k] for k in ("facts", "png", "reading+pdf"))
    print(f"  {'all steps':<14}{format_seconds(total):>12}")
    pool = figures["pool"]
    print(f"\nthrough the ChartPool ({args.workers} worker processes, {args.orders} orders at once):")
    print(f"  wall time          {pool['wall_s']:.2f} s")
    print(f"  orders per minute  {pool['orders_per_minute']:.0f}")
    print(
        f"  order latency      median {format_seconds(pool['order_latency_median_s'])}, "
        f"p90 {format_seconds(pool['order_latency_p90_s'])} (queued behind each other)"
    )


if __name__ == "__main__":
    main()
