"""Command line: `astralbot serve | chart | db upgrade | stats`.

`asyncio.run` appears here and nowhere else. Bad input exits with status 2 and one line in the
chosen language; configuration errors exit with status 2 too, listing every problem.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Sequence
from datetime import date, time
from pathlib import Path
from typing import Any, NoReturn

from astralbot.i18n import LOCALES, Translator, translator

EXIT_USAGE = 2


class CliError(Exception):
    """A user error: a message key and its arguments, printed in the chosen language."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="astralbot", description="Astral: natal charts in Telegram.")
    sub = p.add_subparsers(dest="command", required=True)

    sub.add_parser("serve", help="run the bot and the HTTP server (a sandbox when BOT_TOKEN is unset)")

    c = sub.add_parser("chart", help="compute a natal chart and print it")
    c.add_argument("--date", required=True, help="birth date, YYYY-MM-DD")
    c.add_argument("--time", help="local birth time, HH:MM (omit when unknown)")
    c.add_argument("--place", help="birth place name, Russian or English")
    c.add_argument("--lat", type=float, help="latitude in degrees, north positive")
    c.add_argument("--lon", type=float, help="longitude in degrees, east positive")
    c.add_argument("--tz", help="IANA time zone for --lat/--lon (default: the nearest city's)")
    c.add_argument(
        "--house-system",
        default="placidus",
        choices=["placidus", "koch", "whole-sign", "equal", "porphyry"],
    )
    c.add_argument("--lang", default="ru", choices=list(LOCALES))
    c.add_argument("--png", type=Path, help="write the wheel as PNG to this file")
    c.add_argument("--svg", type=Path, help="write the wheel as SVG to this file")
    c.add_argument("--json", action="store_true", help="print one JSON object (see README)")

    db = sub.add_parser("db", help="database commands")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="apply all migrations")

    sub.add_parser("stats", help="print the funnel: started, completed a profile, requested a chart")

    orders = sub.add_parser("orders", help="list recent orders; re-send or refund one")
    orders.add_argument("--limit", type=int, default=20, help="how many orders to list (default 20)")
    orders_sub = orders.add_subparsers(dest="orders_command")
    resend = orders_sub.add_parser(
        "resend", help="deliver an order's reading again (the running service sends it)"
    )
    resend.add_argument("order_id")
    refund = orders_sub.add_parser("refund", help="refund an order through its payment provider")
    refund.add_argument("order_id")
    return p


def main(argv: Sequence[str] | None = None) -> None:
    args = _parser().parse_args(argv)
    if args.command == "chart":
        _run_chart(args)
        return
    _run_service_command(args)


# -- chart ------------------------------------------------------------------------------------
def _run_chart(args: argparse.Namespace) -> None:
    t = translator(args.lang)
    try:
        output = _chart_output(args, t)
    except CliError as err:
        _fail(t(err.key, **err.params))
    sys.stdout.write(output)


def _fail(message: str) -> NoReturn:
    sys.stderr.write(message.replace("\n", " ") + "\n")
    raise SystemExit(EXIT_USAGE)


def _chart_output(args: argparse.Namespace, t: Translator) -> str:
    from astralbot.charting import BirthInput, build_chart, chart_to_json
    from astralbot.cli_chart import describe_chart, warning_message
    from astralbot.geo.birth_input import BirthInputError, parse_date, parse_time, validate_coordinates

    try:
        birth_date: date = parse_date(args.date)
        birth_time: time | None = parse_time(args.time) if args.time else None
        place = _resolve_place(args, t)
        if args.lat is not None or args.lon is not None:
            validate_coordinates(args.lat, args.lon)
    except BirthInputError as err:
        raise CliError(f"error-{err.code}", **err.params) from None

    birth = BirthInput(
        date=birth_date,
        time=birth_time,
        lat=place["lat"],
        lon=place["lon"],
        timezone=place["timezone"],
        place_name=place["name"],
        country=place["country"],
        house_system=args.house_system,
    )
    resolved, chart = build_chart(birth)
    if args.png:
        from astralbot.render import render_png

        args.png.write_bytes(render_png(chart, args.lang))
    if args.svg:
        from astralbot.render import render_svg

        args.svg.write_text(render_svg(chart, args.lang), encoding="utf-8")
    if args.json:
        data = chart_to_json(resolved, chart, lambda w: warning_message(t, w))
        return json.dumps(data, ensure_ascii=False) + "\n"
    return describe_chart(t, resolved, chart) + "\n"


def _resolve_place(args: argparse.Namespace, t: Translator) -> dict[str, Any]:
    from astralbot.geo.birth_input import validate_coordinates
    from astralbot.geo.birth_time import is_known_timezone
    from astralbot.geo.gazetteer import load_gazetteer

    if args.place and (args.lat is not None or args.lon is not None):
        raise CliError("error-place_and_coordinates")
    if args.place:
        gazetteer = load_gazetteer()
        found = gazetteer.search(args.place, limit=1)
        if not found:
            suggestions = gazetteer.suggest(args.place, limit=3)
            if suggestions:
                raise CliError("error-place_unknown_suggest", suggestions=", ".join(suggestions))
            raise CliError("error-place_unknown")
        p = found[0]
        return {
            "name": p.name_ru if args.lang == "ru" and p.name_ru else p.name,
            "country": (p.country_ru if args.lang == "ru" else None) or p.country,
            "lat": p.lat,
            "lon": p.lon,
            "timezone": p.timezone,
        }
    if args.lat is None or args.lon is None:
        raise CliError("error-place_missing")
    validate_coordinates(args.lat, args.lon)
    if args.tz:
        if not is_known_timezone(args.tz):
            raise CliError("error-timezone_unknown", tz=args.tz)
        tz = args.tz
    else:
        tz = load_gazetteer().nearest(args.lat, args.lon).timezone
    return {"name": "", "country": "", "lat": args.lat, "lon": args.lon, "timezone": tz}


# -- service commands ------------------------------------------------------------------------
def _run_service_command(args: argparse.Namespace) -> None:
    from astralbot.config import ConfigError, load_settings

    try:
        settings = load_settings()
    except ConfigError as err:
        sys.stderr.write(f"{err}\n")
        raise SystemExit(EXIT_USAGE) from None
    logging.basicConfig(
        level=settings.log_level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # httpx logs every request URL at INFO, and a Bot API URL contains the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)

    if args.command == "serve":
        from astralbot.serve import serve

        asyncio.run(serve(settings))
    elif args.command == "db":
        asyncio.run(_db_upgrade(settings.database_url))
        print("database is up to date")
    elif args.command == "stats":
        print(asyncio.run(_stats(settings.database_url)))
    elif args.command == "orders":
        from astralbot.operator import run_orders_command

        code = asyncio.run(
            run_orders_command(settings, args.orders_command, getattr(args, "order_id", None), args.limit)
        )
        raise SystemExit(code)


async def _db_upgrade(url: str) -> None:
    from astralbot.store.database import Database
    from astralbot.store.migrate import upgrade

    db = Database(url)
    try:
        await upgrade(db)
    finally:
        await db.dispose()


async def _stats(url: str) -> str:
    from astralbot.services.stats import funnel_report
    from astralbot.store.database import Database

    db = Database(url)
    try:
        return await funnel_report(db)
    finally:
        await db.dispose()
