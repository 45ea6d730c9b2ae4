"""Chart engine benchmark: chart, reading, rendering, place lookup, index memory, and kerykeion alongside.

Run: .venv/bin/python benchmarks/chart_engine.py [--json] [--budget SECONDS]

Every timed item is warmed up, then measured for about `--budget` seconds (see `_timing.py`); the table
shows the median and p90 per call and marks the product targets PASS or MISS. kerykeion runs in the
same process, after our own items: it shares Swiss Ephemeris' global state (it resets the ephemeris
path), so it must not run between our measurements.
"""

from __future__ import annotations

import argparse
import gc
import importlib.metadata
import json
import logging
import os
import platform
import resource
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import cycle
from typing import Any
from zoneinfo import ZoneInfo

import swisseph as swe
from _timing import Timing, format_seconds, measure, time_once

from astralbot.astro.model import BirthMoment, Chart
from astralbot.astro.natal import compute_chart, configure_ephemeris
from astralbot.charting import BirthInput, build_chart

# The sample chart: 1990-05-15 10:30 UTC, Moscow.
SAMPLE_UTC = datetime(1990, 5, 15, 10, 30, tzinfo=UTC)
SAMPLE_LAT, SAMPLE_LON = 55.752, 37.6178
SAMPLE_TZ = "Europe/Moscow"
DISTINCT_INPUTS = 97  # a prime, so the cycle never lines up with a timing batch
LOOKUPS = ("Москва", "санкт-петербург", "Moscow, US")

CHART_TARGET_S = 1e-3
KERYKEION_RATIO_TARGET = 3.0
PNG_TARGET_S = 0.250
LOOKUP_TARGET_S = 1e-4
RSS_TARGET_MB = 250.0


@dataclass
class Row:
    """One line of the table: a timing, a single measured value, or n/a with its reason."""

    label: str
    timing: Timing | None = None
    value: str | None = None
    target: str = ""
    passed: bool | None = None
    key: str = ""  # the figure's name in --json


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)

    def timed(
        self,
        key: str,
        label: str,
        fn: Callable[[], object],
        budget: float,
        target: str = "",
        limit_s: float | None = None,
    ) -> Timing:
        """Measure `fn`; with `limit_s` the row passes when the median is below it."""
        timing = measure(fn, budget)
        self.figures[key] = timing.as_dict()
        passed = None if limit_s is None else timing.median < limit_s
        self.rows.append(Row(label, timing=timing, target=target, passed=passed, key=key))
        return timing

    def once(self, key: str, label: str, seconds: float) -> None:
        self.figures[key] = seconds
        self.rows.append(Row(label, value=format_seconds(seconds)))

    def missing(self, key: str, label: str, reason: str) -> None:
        self.figures[key] = {"n/a": reason}
        self.rows.append(Row(label, value=f"n/a ({reason})"))

    def heading(self, title: str) -> None:
        self.rows.append(Row(f"— {title}"))


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".splitlines()[0][:100]


def _mark(passed: bool | None) -> str:
    return "" if passed is None else ("PASS" if passed else "MISS")


def rss_mb() -> tuple[float, float]:
    """Current resident set (VmRSS) and its peak so far (ru_maxrss), in MB."""
    current_kb = 0.0
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                current_kb = float(line.split()[1])
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return current_kb / 1024.0, peak_kb / 1024.0


def machine_info(ephemeris_requested: str, ephemeris_used: str) -> dict[str, Any]:
    return {
        "cpu_count": os.cpu_count(),
        "cpu": platform.processor() or platform.machine(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "pyswisseph": importlib.metadata.version("pyswisseph"),
        "swiss_ephemeris": swe.version,
        "ephemeris_path": os.environ.get("EPHEMERIS_PATH") or os.environ.get("SE_EPHE_PATH"),
        "ephemeris_requested": ephemeris_requested,
        "ephemeris_used": ephemeris_used,
    }


def bench_gazetteer(report: Report, budget: float) -> None:
    report.heading("place lookup and index")
    try:
        from astralbot.geo.gazetteer import build_gazetteer, load_gazetteer
    except ImportError as exc:
        report.missing("gazetteer", "gazetteer", _reason(exc))
        return
    gc.collect()
    rss_before, peak_before = rss_mb()
    seconds, gazetteer = time_once(load_gazetteer)
    gc.collect()
    rss_after, peak_after = rss_mb()
    report.once("load_gazetteer_first_s", "load_gazetteer() first call", seconds)
    report.figures["rss_mb"] = {
        "before_index": round(rss_before, 1),
        "after_index": round(rss_after, 1),
        "peak_before_index": round(peak_before, 1),
        "peak_after_index": round(peak_after, 1),
        "index_places": len(gazetteer),
    }
    report.rows.append(
        Row("RSS before index (VmRSS / ru_maxrss)", value=f"{rss_before:.1f} / {peak_before:.1f} MB")
    )
    report.rows.append(
        Row(
            "RSS after index (VmRSS / ru_maxrss)",
            value=f"{rss_after:.1f} / {peak_after:.1f} MB",
            target=f"< {RSS_TARGET_MB:.0f} MB",
            passed=rss_after < RSS_TARGET_MB,
            key="rss_after_index",
        )
    )
    report.rows.append(Row(f"index: {len(gazetteer)} places", value=f"+{rss_after - rss_before:.1f} MB"))
    # A second, independent build: JSON and the Russian lexicon are warm now, unlike the first call.
    seconds, rebuilt = time_once(build_gazetteer)
    del rebuilt
    gc.collect()
    report.once("build_gazetteer_s", "build_gazetteer() once (after load)", seconds)
    for query in LOOKUPS:
        found = gazetteer.search(query)
        top = found[0].display_name("en") if found else "nothing"
        report.timed(
            f"lookup[{query}]",
            f'search("{query}") → {top}',
            lambda q=query: gazetteer.search(q),
            budget,
            target="< 0.1 ms",
            limit_s=LOOKUP_TARGET_S,
        )


def sample_instants(count: int = DISTINCT_INPUTS) -> list[datetime]:
    """The sample and its neighbours: Swiss Ephemeris caches the last instant it computed, so a loop
    over one input measures cache hits; a real bot charts a different person every time."""
    return [SAMPLE_UTC + i * timedelta(days=37, minutes=13) for i in range(count)]


def bench_chart(report: Report, budget: float) -> tuple[Chart, Timing]:
    report.heading("chart")
    moment = BirthMoment(utc=SAMPLE_UTC, lat=SAMPLE_LAT, lon=SAMPLE_LON)
    chart = compute_chart(moment)
    moments = cycle([BirthMoment(utc=utc, lat=SAMPLE_LAT, lon=SAMPLE_LON) for utc in sample_instants()])
    timing = report.timed(
        "compute_chart",
        f"compute_chart(BirthMoment), {DISTINCT_INPUTS} instants",
        lambda: compute_chart(next(moments)),
        budget,
        target="< 1 ms",
        limit_s=CHART_TARGET_S,
    )
    report.timed(
        "compute_chart_same_input",
        "  same, one instant (ephemeris cache hits)",
        lambda: compute_chart(moment),
        budget,
    )
    zone = ZoneInfo(SAMPLE_TZ)
    births = []
    for utc in sample_instants():
        local = utc.astimezone(zone)
        births.append(
            BirthInput(
                date=local.date(),
                time=local.time().replace(tzinfo=None),
                lat=SAMPLE_LAT,
                lon=SAMPLE_LON,
                timezone=SAMPLE_TZ,
            )
        )
    _, built = build_chart(births[0])
    if built.moment.utc != SAMPLE_UTC:
        raise SystemExit(f"build_chart resolved {built.moment.utc}, expected {SAMPLE_UTC}")
    inputs = cycle(births)
    report.timed(
        "build_chart", "build_chart(BirthInput) incl. time zone", lambda: build_chart(next(inputs)), budget
    )
    return chart, timing


def bench_reading(report: Report, chart: Chart, budget: float) -> None:
    report.heading("reading (ru)")
    try:
        from astralbot.reading.assemble import full_reading, short_reading

        full_reading(chart, "ru")
        short_reading(chart, "ru")
    except Exception as exc:  # another engineer's module in progress: report it and go on
        report.missing("full_reading", "full_reading(chart, 'ru')", _reason(exc))
        report.missing("short_reading", "short_reading(chart, 'ru')", _reason(exc))
        return
    report.timed("full_reading", "full_reading(chart, 'ru')", lambda: full_reading(chart, "ru"), budget)
    report.timed("short_reading", "short_reading(chart, 'ru')", lambda: short_reading(chart, "ru"), budget)


def bench_render(report: Report, chart: Chart, budget: float) -> None:
    report.heading("rendering (ru)")
    try:
        from astralbot.render import render_png, render_svg

        # The first SVG builds the embedded font subset; measured on its own, then excluded.
        seconds, _ = time_once(lambda: render_svg(chart, "ru"))
    except Exception as exc:
        report.missing("render", "render", _reason(exc))
        return
    report.once("render_svg_first_s", "render_svg first call (font subset)", seconds)
    report.timed("render_svg", "render_svg(chart, 'ru') warm", lambda: render_svg(chart, "ru"), budget)
    seconds, png = time_once(lambda: render_png(chart, "ru"))
    report.once("render_png_first_s", "render_png first call", seconds)
    report.figures["png_bytes"] = len(png)
    report.timed(
        "render_png",
        "render_png(chart, 'ru') 1200 px",
        lambda: render_png(chart, "ru"),
        budget,
        target="< 250 ms",
        limit_s=PNG_TARGET_S,
    )


def bench_kerykeion(report: Report, chart: Chart, ours: Timing, budget: float) -> None:
    report.heading("kerykeion (same process, offline)")
    logging.getLogger("kerykeion").setLevel(logging.ERROR)
    try:
        version = importlib.metadata.version("kerykeion")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            seconds, _ = time_once(lambda: __import__("kerykeion"))
            from kerykeion import AstrologicalSubjectFactory, ChartDataFactory
    except ImportError as exc:
        report.missing("kerykeion", "kerykeion", _reason(exc))
        return
    report.figures["kerykeion_version"] = version
    report.once("kerykeion_import_s", f"import kerykeion {version}", seconds)
    zone = ZoneInfo(SAMPLE_TZ)
    locals_ = [utc.astimezone(zone) for utc in sample_instants()]

    def subject(local: datetime, active_points: list[Any] | None = None) -> Any:
        return AstrologicalSubjectFactory.from_birth_data(
            "Bench",
            local.year,
            local.month,
            local.day,
            local.hour,
            local.minute,
            lng=SAMPLE_LON,
            lat=SAMPLE_LAT,
            tz_str=SAMPLE_TZ,
            online=False,
            suppress_geonames_warning=True,
            active_points=active_points,
        )

    sample = subject(locals_[0])
    data = ChartDataFactory.create_natal_chart_data(sample)
    # Same chart on both sides, or the comparison means nothing.
    sun_delta = abs(sample.sun.abs_pos - chart.body("sun").longitude) * 3600.0
    asc_delta = abs(sample.first_house.abs_pos - chart.angles.asc) * 3600.0 if chart.angles else float("nan")
    report.figures["kerykeion_agreement_arcsec"] = {"sun": round(sun_delta, 2), "asc": round(asc_delta, 2)}
    report.rows.append(Row("agreement with ours (Sun / Asc)", value=f'{sun_delta:.2f}" / {asc_delta:.2f}"'))
    report.rows.append(
        Row(
            "kerykeion points / aspects (default set)",
            value=f"{len(sample.active_points)} / {len(data.aspects)}",
        )
    )
    times = cycle(locals_)
    report.timed(
        "kerykeion_subject", "kerykeion subject (from_birth_data)", lambda: subject(next(times)), budget
    )
    subjects = cycle([subject(local) for local in locals_])
    report.timed(
        "kerykeion_chart_data",
        "kerykeion create_natal_chart_data(subject)",
        lambda: ChartDataFactory.create_natal_chart_data(next(subjects)),
        budget,
    )
    both = report.timed(
        "kerykeion_total",
        "kerykeion subject + chart data",
        lambda: ChartDataFactory.create_natal_chart_data(subject(next(times))),
        budget,
    )
    # Our body set (no Chiron, which reads an asteroid file): kerykeion's cost without the extra work.
    ours_set = ["Sun", "Moon", "Mercury", "Venus", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune", "Pluto"]
    ours_set += ["Mean_North_Lunar_Node", "True_North_Lunar_Node", "Mean_Lilith", "Ascendant", "Medium_Coeli"]
    report.timed(
        "kerykeion_total_our_points",
        "  same, limited to our 13 bodies + Asc/MC",
        lambda: ChartDataFactory.create_natal_chart_data(
            subject(next(times), ours_set), active_points=ours_set
        ),
        budget,
    )
    ratio = both.median / ours.median
    report.figures["kerykeion_over_ours"] = round(ratio, 2)
    report.rows.append(
        Row(
            "ratio kerykeion(subject+data) / ours(compute_chart)",
            value=f"{ratio:.1f}×",
            target=f"≥ {KERYKEION_RATIO_TARGET:.0f}×",
            passed=ratio >= KERYKEION_RATIO_TARGET,
            key="kerykeion_over_ours",
        )
    )


def print_table(report: Report, machine: dict[str, Any]) -> None:
    print("Astral chart engine benchmark")
    print(
        f"machine: {machine['cpu_count']} CPUs ({machine['cpu']}), Python {machine['python']}, "
        f"{machine['platform']}"
    )
    print(
        f"pyswisseph {machine['pyswisseph']} (Swiss Ephemeris {machine['swiss_ephemeris']}), ephemeris: "
        f"{machine['ephemeris_used']} (requested {machine['ephemeris_requested']}, "
        f"path {machine['ephemeris_path'] or 'none'})"
    )
    print(f"sample: {SAMPLE_UTC:%Y-%m-%d %H:%M} UTC, Moscow {SAMPLE_LAT}, {SAMPLE_LON}; Placidus")
    print()
    width = max(len(r.label) for r in report.rows) + 2
    header = f"{'item':<{width}}{'median':>13}{'p90':>13}{'calls':>9}  {'target':<10}mark"
    print(header)
    print("-" * len(header))
    for row in report.rows:
        if row.label.startswith("— "):
            print(row.label)
            continue
        if row.timing is not None:
            t = row.timing
            cells = f"{format_seconds(t.median):>13}{format_seconds(t.p90):>13}{t.calls:>9}"
        else:
            cells = f"{row.value or '':>35}"
        print(f"{row.label:<{width}}{cells}  {row.target:<10}{_mark(row.passed)}")
    marks = [r.passed for r in report.rows if r.passed is not None]
    print()
    print(f"targets: {sum(marks)} PASS, {len(marks) - sum(marks)} MISS")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--budget", type=float, default=1.5, help="seconds of measurement per item")
    args = parser.parse_args(argv)

    # As the chart workers do: the Swiss files when EPHEMERIS_PATH holds them, else Moshier.
    requested = configure_ephemeris(os.environ.get("EPHEMERIS_PATH"))
    report = Report()
    bench_gazetteer(report, args.budget)
    chart, ours = bench_chart(report, args.budget)
    bench_reading(report, chart, args.budget)
    bench_render(report, chart, args.budget)
    bench_kerykeion(report, chart, ours, args.budget)

    machine = machine_info(requested, chart.ephemeris)
    if args.json:
        targets = {r.key: r.passed for r in report.rows if r.passed is not None}
        json.dump({"machine": machine, "figures": report.figures, "targets": targets}, sys.stdout, indent=2)
        print()
    else:
        print_table(report, machine)
    return 0


if __name__ == "__main__":
    sys.exit(main())
