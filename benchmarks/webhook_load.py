"""Webhook load: Astral against python-telegram-bot's `run_webhook` and aiogram 3, same fake, same run.

Run: .venv/bin/python benchmarks/webhook_load.py [--updates N] [--concurrency K] [--quick] [--postgres] [--json]

Four processes: this load generator, the fake Bot API (uvicorn, loopback), and one bot at a time.
Each bot gets N "menu presses": callback_query updates for the "m" button, POSTed straight to the bot's
webhook with the secret header, K at a time. Every press targets its own bot message in the fake, so
each editMessageText really changes a message (no "message is not modified" shortcut). A press counts
as done when the bot's editMessageText for that (chat, message) reached the fake; the fake stamps every
call on arrival, on the same clock as the send stamps here. This is fair to Astral, which handles an
update inside the webhook request, and to the echo bots, which answer 200 at once and work later.

Second figure: Astral's menu round-trip for one user pressing sequentially, idle and then while 8
users with complete profiles keep requesting charts (CHART_WORKERS=1), with the charts delivered in
that window.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.metadata
import itertools
import json
import math
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from fastapi import FastAPI, Request  # module level: FastAPI resolves the routes' annotations here

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import percentile  # noqa: E402

HOST = "127.0.0.1"
TOKEN = "123456789:BENCH-webhook-load"
SECRET = "bench-secret-0123456789"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
WEBHOOK_PATH = "/webhook/telegram"
SEED_TEXT = "Loading..."  # every bot reply differs from it, so each edit really changes the message
SEED_KEYBOARD = {"inline_keyboard": [[{"text": "Menu", "callback_data": "m"}]]}
BOTS = ("astral", "ptb", "aiogram")
USERS = 200  # menu pressers per bot; K concurrent presses come from different users
WARMUP_PRESSES = 200
SEQUENTIAL_PRESSES = 200  # the menu user's presses, idle and under chart load
PRESS_INTERVAL = 0.1  # seconds between the menu user's presses (if the previous one is done by then)
CHART_USERS = 8
CHARTS_PER_USER_MAX = 200  # a bound on the chart loop, far above what the window allows
REPLY_TIMEOUT = 300.0  # seconds to wait for the last reply after the last POST
PROFILE = ("15.03.1990", "14:30", "Berlin")  # date, time, place typed by each chart user

# ----- the fake Bot API process ------------------------------------------------------------------------


def serve_fake(port: int) -> None:
    """The fake Bot API with two benchmark routes: seed bot messages + callback queries, take the calls."""
    import uvicorn

    from astralbot.sandbox import FakeTelegram, create_fake_telegram_app
    from astralbot.sandbox.model import CallbackQueryRecord, CallRecord, Chat

    class BenchFakeTelegram(FakeTelegram):
        """Keeps an unbounded call log besides the fake's bounded one, handed out by `take_calls`."""

        def __init__(self) -> None:
            # Queries are created long before they are pressed: keep them valid for the whole run.
            super().__init__(TOKEN, callback_query_timeout=3600.0)
            self.bench_log: list[CallRecord] = []

        def record_call(self, record: CallRecord) -> None:
            super().record_call(record)
            self.bench_log.append(record)

        def new_query(self, user_id: int, message_id: int, data: str) -> str:
            query_id = str(secrets.randbits(63))
            self.callback_queries[query_id] = CallbackQueryRecord(
                id=query_id, user_id=user_id, message_id=message_id, data=data, created=time.monotonic()
            )
            return query_id

    state = BenchFakeTelegram()
    app = create_fake_telegram_app(state)
    assert isinstance(app, FastAPI)

    @app.post("/_bench/seed")
    async def seed(request: Request) -> dict[str, Any]:
        body = await request.json()
        presses = []
        for user_id in body["users"]:
            user = state.ensure_user(int(user_id), first_name=f"Bench{user_id}", language_code=body["lang"])
            chat = state.chats.setdefault(user.id, Chat(user=user))
            for _ in range(int(body["per_user"])):
                stored = state.add_message(chat, {"text": SEED_TEXT, "reply_markup": SEED_KEYBOARD}, "bot")
                message_id = stored.data["message_id"]
                query_id = state.new_query(user.id, message_id, "m")
                presses.append({"user": user.to_api(), "message": dict(stored.data), "query_id": query_id})
        return {"presses": presses}

    @app.post("/_bench/query")
    async def query(request: Request) -> dict[str, Any]:
        body = await request.json()
        return {"query_id": state.new_query(int(body["user_id"]), int(body["message_id"]), body["data"])}

    @app.post("/_bench/take_calls")
    async def take_calls() -> dict[str, Any]:
        # A call still reading its parameters has none yet: leave it for the next take.
        now = time.time()
        ready: list[CallRecord] = []
        later: list[CallRecord] = []
        for call in state.bench_log:
            (later if not call.params and now - call.time < 5.0 else ready).append(call)
        state.bench_log = later
        return {
            "calls": [
                [c.method, c.params.get("chat_id"), c.params.get("message_id"), c.time, c.status]
                for c in ready
            ]
        }

    uvicorn.run(app, host=HOST, port=port, log_level="warning", access_log=False)


# ----- processes ----------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


class Service:
    """A child process with its output in a log file; stopped with SIGTERM, then SIGKILL."""

    def __init__(
        self, name: str, argv: Sequence[str], workdir: Path, env: dict[str, str] | None = None
    ) -> None:
        self.name = name
        self.log_path = workdir / f"{name}.log"
        with self.log_path.open("wb") as log:
            self.proc = subprocess.Popen(
                argv, cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    def cpu_seconds(self) -> float:
        """User + system CPU of the process itself (not its children), from /proc."""
        try:
            fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return math.nan
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def alive(self) -> bool:
        return self.proc.poll() is None

    def log_tail(self, lines: int = 30) -> str:
        text = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


async def wait_until_up(
    service: Service, url: str, *, want_status: int | None = None, timeout: float = 60
) -> None:
    """Until `url` answers (with `want_status` if given); fails early if the process died."""
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            if not service.alive():
                raise RuntimeError(f"{service.name} exited:\n{service.log_tail()}")
            with contextlib.suppress(aiohttp.ClientError, OSError):
                async with session.get(url, timeout=aiohttp.ClientTimeout(total=2)) as response:
                    if want_status is None or response.status == want_status:
                        return
            await asyncio.sleep(0.1)
    raise TimeoutError(f"{service.name} not up at {url} within {timeout}s:\n{service.log_tail()}")


# ----- talking to the fake and to a bot -----------------------------------------------------------------

_update_ids: Iterator[int] = itertools.count(1)
_user_message_ids: Iterator[int] = itertools.count(1_000_000)


@dataclass(frozen=True)
class Press:
    """A seeded bot message and the callback query that presses its button."""

    user: dict[str, Any]
    message: dict[str, Any]
    query_id: str

    @property
    def key(self) -> tuple[int, int]:
        return (int(self.user["id"]), int(self.message["message_id"]))

    def update(self, data: str = "m") -> bytes:
        query = {
            "id": self.query_id,
            "from": self.user,
            "message": self.message,
            "chat_instance": f"ci{self.user['id']}",
            "data": data,
        }
        return json.dumps({"update_id": next(_update_ids), "callback_query": query}).encode()


def text_update(user: dict[str, Any], text: str) -> bytes:
    message: dict[str, Any] = {
        "message_id": next(_user_message_ids),
        "from": user,
        "chat": {"id": user["id"], "type": "private", "first_name": user["first_name"]},
        "date": int(time.time()),
        "text": text,
    }
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return json.dumps({"update_id": next(_update_ids), "message": message}).encode()


@dataclass
class Call:
    method: str
    chat_id: int | None
    message_id: int | None
    time: float
    status: int


class Fake:
    """The load generator's view of the fake Bot API."""

    def __init__(self, session: aiohttp.ClientSession, url: str) -> None:
        self.session = session
        self.url = url

    async def _post(self, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        async with self.session.post(f"{self.url}{path}", json=body or {}) as response:
            response.raise_for_status()
            data: dict[str, Any] = await response.json()
            return data

    async def seed(self, user_ids: Sequence[int], per_user: int, lang: str = "en") -> list[Press]:
        data = await self._post("/_bench/seed", {"users": list(user_ids), "per_user": per_user, "lang": lang})
        return [Press(p["user"], p["message"], p["query_id"]) for p in data["presses"]]

    async def query_for(self, user: dict[str, Any], message: dict[str, Any], data: str) -> Press:
        body = {"user_id": user["id"], "message_id": message["message_id"], "data": data}
        return Press(user, message, (await self._post("/_bench/query", body))["query_id"])

    async def take_calls(self) -> list[Call]:
        raw = (await self._post("/_bench/take_calls"))["calls"]
        return [Call(m, _int_or_none(c), _int_or_none(mid), t, s) for m, c, mid, t, s in raw]

    async def bot_messages(self, user_id: int) -> list[dict[str, Any]]:
        async with self.session.get(f"{self.url}/_user/{user_id}/messages") as response:
            response.raise_for_status()
            return [m for m in (await response.json())["messages"] if m["sender"] == "bot"]


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@dataclass
class Replies:
    """Arrival times at the fake of the replies we wait for, keyed by (chat_id, message_id or 0)."""

    wanted: set[tuple[int, int]]
    method: str
    arrived: dict[tuple[int, int], float] = field(default_factory=dict)
    failed: int = 0  # calls of `method` the fake refused (e.g. 429 or 400)
    other: list[Call] = field(default_factory=list)

    def add(self, calls: Sequence[Call]) -> None:
        for call in calls:
            key = (call.chat_id or 0, call.message_id or 0)
            if call.method != self.method or key not in self.wanted:
                self.other.append(call)
            elif call.status != 200:
                self.failed += 1
            else:
                self.arrived.setdefault(key, call.time)

    @property
    def complete(self) -> bool:
        return len(self.arrived) >= len(self.wanted)


async def wait_replies(fake: Fake, replies: Replies, timeout: float, bot: Service) -> None:
    deadline = time.monotonic() + timeout
    while True:
        replies.add(await fake.take_calls())
        if replies.complete:
            return
        if time.monotonic() > deadline or not bot.alive():
            missing = len(replies.wanted) - len(replies.arrived)
            raise RuntimeError(f"{bot.name}: {missing} replies missing after {timeout}s:\n{bot.log_tail()}")
        await asyncio.sleep(0.2)


class Webhook:
    def __init__(self, session: aiohttp.ClientSession, url: str) -> None:
        self.session = session
        self.url = url
        self.headers = {SECRET_HEADER: SECRET, "Content-Type": "application/json"}
        self.rejected = 0

    async def post(self, body: bytes) -> None:
        async with self.session.post(self.url, data=body, headers=self.headers) as response:
            await response.read()
            if response.status != 200:
                self.rejected += 1

    async def post_all(self, bodies: Sequence[bytes], concurrency: int) -> list[float]:
        """POST every body, `concurrency` at a time; the epoch time each one was sent."""
        sent = [0.0] * len(bodies)
        indices = iter(range(len(bodies)))

        async def sender() -> None:
            for i in indices:  # one shared iterator: each body is sent once
                sent[i] = time.time()
                await self.post(bodies[i])

        await asyncio.gather(*(sender() for _ in range(concurrency)))
        return sent


# ----- measurements --------------------------------------------------------------------------------------


@dataclass
class LoadResult:
    bot: str
    updates: int
    concurrency: int
    seconds: float
    updates_per_s: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    rejected: int
    failed_replies: int
    cpu_percent: dict[str, float]
    bot_cpu_ms_per_update: float  # robust to other load on the machine, unlike updates/s


def latencies_ms(presses: Sequence[Press], sent: Sequence[float], replies: Replies) -> list[float]:
    return [(replies.arrived[p.key] - t) * 1000 for p, t in zip(presses, sent, strict=True)]


async def run_presses(
    fake: Fake, hook: Webhook, bot: Service, presses: Sequence[Press], concurrency: int
) -> tuple[list[float], Replies, float]:
    """Send the presses; wait for every edit; latencies (ms), the replies and the wall time (s)."""
    bodies = [p.update() for p in presses]  # serialised before the clock starts
    replies = Replies({p.key for p in presses}, "editMessageText")
    sent = await hook.post_all(bodies, concurrency)
    await wait_replies(fake, replies, REPLY_TIMEOUT, bot)
    wall = max(replies.arrived.values()) - min(sent)
    return latencies_ms(presses, sent, replies), replies, wall


class Profiler:
    """`py-spy record` of one process (on-CPU samples: the hot spots) until `stop()`."""

    def __init__(self, pid: int, out: Path) -> None:
        self.out = out
        py_spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
        argv = [py_spy, "record", "-p", str(pid), "-o", str(out), "-f", "raw", "-r", "200"]
        self.proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)  # py-spy writes its output on SIGINT
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)


async def load_bot(
    name: str,
    bot: Service,
    fake_service: Service,
    fake: Fake,
    hook: Webhook,
    users: Sequence[int],
    updates: int,
    concurrency: int,
    profile_dir: Path | None = None,
) -> LoadResult:
    per_user = math.ceil((updates + WARMUP_PRESSES) / len(users))
    seeded = await fake.seed(users, per_user)
    # Round-robin over users, so concurrent presses come from different users, as in real traffic.
    by_user: dict[int, list[Press]] = {}
    for press in seeded:
        by_user.setdefault(press.key[0], []).append(press)
    ordered = [p for group in itertools.zip_longest(*by_user.values()) for p in group if p is not None]
    warmup, measured = ordered[:WARMUP_PRESSES], ordered[WARMUP_PRESSES : WARMUP_PRESSES + updates]

    await run_presses(fake, hook, bot, warmup, concurrency)
    await fake.take_calls()
    hook.rejected = 0
    profiler = Profiler(bot.proc.pid, profile_dir / f"{name}.txt") if profile_dir else None
    cpu_before = {"bot": bot.cpu_seconds(), "fake": fake_service.cpu_seconds(), "load": time.process_time()}
    try:
        latencies, replies, wall = await run_presses(fake, hook, bot, measured, concurrency)
    finally:
        if profiler:
            profiler.stop()
    cpu_after = {"bot": bot.cpu_seconds(), "fake": fake_service.cpu_seconds(), "load": time.process_time()}
    return LoadResult(
        bot=name,
        updates=len(measured),
        concurrency=concurrency,
        seconds=wall,
        updates_per_s=len(measured) / wall,
        p50_ms=percentile(latencies, 50),
        p99_ms=percentile(latencies, 99),
        max_ms=max(latencies),
        rejected=hook.rejected,
        failed_replies=replies.failed,
        # Sampled around the whole measured phase, including the final wait for the replies.
        cpu_percent={k: 100 * (cpu_after[k] - cpu_before[k]) / wall for k in cpu_before},
        bot_cpu_ms_per_update=1000 * (cpu_after["bot"] - cpu_before["bot"]) / len(measured),
    )


async def start_users(
    fake: Fake, hook: Webhook, bot: Service, users: Sequence[dict[str, Any]], k: int
) -> None:
    """/start for each user (Astral creates the user then); waits for each greeting to reach the fake."""
    replies = Replies({(int(u["id"]), 0) for u in users}, "sendMessage")
    await hook.post_all([text_update(u, "/start") for u in users], k)
    await wait_replies(fake, replies, REPLY_TIMEOUT, bot)


@dataclass
class ChartPhase:
    sequential_presses: int
    press_interval_s: float
    idle_p50_ms: float
    idle_p99_ms: float
    loaded_p50_ms: float
    loaded_p99_ms: float
    loaded_max_ms: float
    window_s: float
    charts_delivered: int
    chart_users: int


async def fill_profile(fake: Fake, hook: Webhook, user: dict[str, Any], seeds: list[Press]) -> None:
    """Drive the profile conversation with webhook updates: edit date, time, place (+ pick the place)."""
    for field_name, text in zip(("date", "time", "place"), PROFILE, strict=True):
        await hook.post(seeds.pop().update(f"e:{field_name}"))
        await hook.post(text_update(user, text))
    last = (await fake.bot_messages(int(user["id"])))[-1]
    buttons = [b for row in (last.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]
    places = [b["callback_data"] for b in buttons if b.get("callback_data", "").startswith("pl:")]
    if places:  # an ambiguous name: take the first candidate, as a user would
        press = await fake.query_for(user, last, places[0])
        await hook.post(press.update(places[0]))


async def chart_phase(fake: Fake, hook: Webhook, bot: Service, presses_n: int) -> ChartPhase:
    menu_user, chart_users = 90_000_000, [90_000_001 + i for i in range(CHART_USERS)]
    menu_seeds = await fake.seed([menu_user], 2 * presses_n)
    chart_seeds = await fake.seed(chart_users, CHARTS_PER_USER_MAX + 4)
    by_user: dict[int, list[Press]] = {u: [] for u in chart_users}
    for press in chart_seeds:
        by_user[press.key[0]].append(press)
    users = {u: by_user[u][0].user for u in chart_users}
    await start_users(fake, hook, bot, [menu_seeds[0].user, *users.values()], CHART_USERS + 1)
    await asyncio.gather(*(fill_profile(fake, hook, users[u], by_user[u]) for u in chart_users))
    # One chart each before the window: checks the profiles are complete and warms the chart worker.
    await fake.take_calls()
    await asyncio.gather(*(hook.post(by_user[u].pop().update("c")) for u in chart_users))
    photos = {c.chat_id for c in await fake.take_calls() if c.method == "sendPhoto" and c.status == 200}
    if photos != set(chart_users):
        raise RuntimeError(f"charts were not delivered to every chart user:\n{bot.log_tail()}")

    async def sequential(presses: Sequence[Press]) -> tuple[list[float], Replies]:
        replies = Replies({p.key for p in presses}, "editMessageText")
        sent = []
        for press in presses:  # Astral answers the webhook after handling: one press at a time
            body = press.update()
            sent.append(time.time())
            await hook.post(body)
            await asyncio.sleep(max(0.0, sent[-1] + PRESS_INTERVAL - time.time()))
        await wait_replies(fake, replies, REPLY_TIMEOUT, bot)
        return latencies_ms(presses, sent, replies), replies

    idle, _ = await sequential(menu_seeds[:presses_n])

    stop = asyncio.Event()

    async def chart_loop(user_id: int) -> None:
        seeds = by_user[user_id]
        while seeds and not stop.is_set():  # bounded by the seeded messages
            await hook.post(seeds.pop().update("c"))

    loops = [asyncio.create_task(chart_loop(u)) for u in chart_users]
    try:
        await asyncio.sleep(1.0)  # let all 8 requests reach the bot and the chart queue fill
        window_start = time.time()
        loaded, replies = await sequential(menu_seeds[presses_n:])
        window_end = time.time()
    finally:
        stop.set()
        await asyncio.gather(*loops)
    replies.add(await fake.take_calls())
    charts = sum(
        1
        for c in replies.other
        if c.method == "sendPhoto" and c.status == 200 and window_start <= c.time <= window_end
    )
    return ChartPhase(
        sequential_presses=presses_n,
        press_interval_s=PRESS_INTERVAL,
        idle_p50_ms=percentile(idle, 50),
        idle_p99_ms=percentile(idle, 99),
        loaded_p50_ms=percentile(loaded, 50),
        loaded_p99_ms=percentile(loaded, 99),
        loaded_max_ms=max(loaded),
        window_s=window_end - window_start,
        charts_delivered=charts,
        chart_users=CHART_USERS,
    )


# ----- the run ---------------------------------------------------------------------------------------------


@dataclass
class Report:
    environment: dict[str, Any]
    load: list[LoadResult] = field(default_factory=list)
    charts: ChartPhase | None = None

    def ratios(self) -> dict[str, float]:
        by_name = {r.bot: r.updates_per_s for r in self.load}
        astral = by_name.get("astral")
        if astral is None:
            return {}
        return {f"astral/{name}": astral / rate for name, rate in by_name.items() if name != "astral"}


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


class Postgres:
    """A fresh database on the local PostgreSQL, dropped at the end."""

    def __init__(self) -> None:
        self.name = f"astral_bench_{secrets.token_hex(4)}"
        self.admin = "postgresql://postgres@127.0.0.1:5432/postgres"

    @property
    def url(self) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:5432/{self.name}"

    async def _execute(self, sql: str) -> None:
        import asyncpg

        conn = await asyncpg.connect(self.admin)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    async def create(self) -> None:
        await self._execute(f'CREATE DATABASE "{self.name}"')

    async def drop(self) -> None:
        await self._execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


async def run(args: argparse.Namespace, workdir: Path) -> Report:
    python = sys.executable
    fake_port = free_port()
    fake_url = f"http://{HOST}:{fake_port}"
    services: list[Service] = []
    postgres = Postgres() if args.postgres else None
    report = Report(
        environment={
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "database": "postgresql" if postgres else "sqlite",
            "bot_api_rate_limit": args.rate_limit,
            "python-telegram-bot": _version("python-telegram-bot"),
            "aiogram": _version("aiogram"),
            "sniffio": _version("sniffio"),
            "httpx": _version("httpx"),
            "uvicorn": _version("uvicorn"),
            "loadavg_1m_at_start": round(os.getloadavg()[0], 2),
            "updates": args.updates,
            "concurrency": args.concurrency,
        }
    )

    def start(name: str, argv: list[str], env: dict[str, str] | None = None) -> Service:
        service = Service(name, argv, workdir, env)
        services.append(service)
        return service

    timeout = aiohttp.ClientTimeout(total=120)
    connector = aiohttp.TCPConnector(limit=args.concurrency + CHART_USERS + 4)
    try:
        if postgres:
            await postgres.create()
        fake_service = start("fake", [python, str(Path(__file__).resolve()), "--serve-fake", str(fake_port)])
        await wait_until_up(fake_service, f"{fake_url}/_control/webhook", want_status=200)
        async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
            fake = Fake(session, fake_url)
            for index, name in enumerate(BOTS, start=1):
                if name not in args.bots:
                    continue
                port = free_port()
                hook = Webhook(session, f"http://{HOST}:{port}{WEBHOOK_PATH}")
                users = [index * 10_000_000 + i for i in range(USERS)]
                if name == "astral":
                    env = {
                        **os.environ,
                        "BOT_TOKEN": TOKEN,
                        "TELEGRAM_API_BASE_URL": fake_url,
                        "MODE": "webhook",
                        "WEBHOOK_BASE_URL": f"http://{HOST}:{port}",
                        "WEBHOOK_SECRET": SECRET,
                        "DATABASE_URL": postgres.url
                        if postgres
                        else f"sqlite+aiosqlite:///{workdir}/astral.db",
                        "HOST": HOST,
                        "PORT": str(port),
                        "CHART_WORKERS": "1",
                        "PTB_TIMEDELTA": "1",
                        "LOG_LEVEL": "WARNING",
                        "BOT_API_RATE_LIMIT": str(args.rate_limit),
                    }
                    bot = start(name, [python, "-m", "astralbot", "serve"], env)
                    await wait_until_up(bot, f"http://{HOST}:{port}/readyz", want_status=200)
                    profiles = [p.user for p in await fake.seed(users, 1)]  # the chats now exist in the fake
                    await start_users(fake, hook, bot, profiles, args.concurrency)
                else:
                    script = ROOT / "benchmarks" / "echo_bots" / f"{name}_echo.py"
                    argv = [python, str(script), "--api", fake_url, "--token", TOKEN, "--secret", SECRET]
                    bot = start(name, [*argv, "--port", str(port)])
                    await wait_until_up(bot, f"http://{HOST}:{port}/")
                result = await load_bot(
                    name, bot, fake_service, fake, hook, users, args.updates, args.concurrency, args.py_spy
                )
                report.load.append(result)
                if name == "astral":
                    report.charts = await chart_phase(fake, hook, bot, args.sequential)
                bot.stop()
    finally:
        for service in reversed(services):
            service.stop()
        if postgres:
            await postgres.drop()
    # Other work on the machine skews every figure: say how busy it was.
    report.environment["loadavg_1m_at_end"] = round(os.getloadavg()[0], 2)
    return report


def print_report(report: Report) -> None:
    env = report.environment
    print(
        f"Webhook load: {env['updates']} menu presses, {env['concurrency']} concurrent connections, "
        f"one fake Bot API process on loopback"
    )
    print(
        f"Python {env['python']}, {env['cpus']} CPUs, Astral on {env['database']} "
        f"(BOT_API_RATE_LIMIT={env['bot_api_rate_limit']:g}); "
        f"python-telegram-bot {env['python-telegram-bot']}, aiogram {env['aiogram']}, "
        f"sniffio {env['sniffio']}, httpx {env['httpx']}, uvicorn {env['uvicorn']}"
    )
    print(
        f"1-minute load average: {env['loadavg_1m_at_start']} at start, {env['loadavg_1m_at_end']} at end "
        "(this run's own 3 processes account for up to ~2)"
    )
    print()
    header = f"{'bot':<9} {'updates/s':>10} {'p50 ms':>9} {'p99 ms':>9} {'max ms':>9} {'wall s':>7}"
    print(
        header
        + f" {'non-200':>8} {'refused':>8} {'CPU% bot':>9} {'fake':>6} {'loadgen':>8} {'bot CPU ms/upd':>15}"
    )
    for r in report.load:
        cpu = r.cpu_percent
        print(
            f"{r.bot:<9} {r.updates_per_s:>10.1f} {r.p50_ms:>9.1f} {r.p99_ms:>9.1f} {r.max_ms:>9.1f} "
            f"{r.seconds:>7.2f} {r.rejected:>8} {r.failed_replies:>8} {cpu['bot']:>9.0f} {cpu['fake']:>6.0f} "
            f"{cpu['load']:>8.0f} {r.bot_cpu_ms_per_update:>15.2f}"
        )
    print("  (non-200: webhook answers other than 200; refused: editMessageText calls the fake refused)")
    for name, ratio in report.ratios().items():
        print(f"throughput {name}: {ratio:.2f}")
    c = report.charts
    if c is not None:
        print()
        print(
            f"Astral menu round-trip, one user pressing sequentially ({c.sequential_presses} presses, "
            f"one every {c.press_interval_s * 1000:.0f} ms at most):"
        )
        print(f"  idle:                       p50 {c.idle_p50_ms:8.1f} ms   p99 {c.idle_p99_ms:8.1f} ms")
        print(
            f"  {c.chart_users} users requesting charts:  p50 {c.loaded_p50_ms:8.1f} ms   "
            f"p99 {c.loaded_p99_ms:8.1f} ms   max {c.loaded_max_ms:.1f} ms"
        )
        print(f"  charts delivered in that {c.window_s:.1f} s window: {c.charts_delivered} (CHART_WORKERS=1)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=5000, help="menu presses per bot (default 5000)")
    parser.add_argument("--concurrency", type=int, default=20, help="concurrent connections (default 20)")
    parser.add_argument(
        "--sequential",
        type=int,
        default=SEQUENTIAL_PRESSES,
        help=f"menu presses of the one user, idle and under chart load (default {SEQUENTIAL_PRESSES})",
    )
    parser.add_argument("--quick", action="store_true", help="500 updates and 50 sequential presses")
    parser.add_argument("--postgres", action="store_true", help="Astral on a fresh DB on 127.0.0.1:5432")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--bots", default=",".join(BOTS), help=f"comma-separated subset of {','.join(BOTS)} (default: all)"
    )
    parser.add_argument(
        "--py-spy",
        type=Path,
        metavar="DIR",
        help="record each bot with py-spy (raw, on-CPU) during its measured load into DIR/<bot>.txt",
    )
    parser.add_argument(
        "--rate-limit",
        type=float,
        default=30.0,
        help="Astral's BOT_API_RATE_LIMIT (default 30, Telegram's limit; 0 = no overall cap, as the echo bots)",
    )
    parser.add_argument("--serve-fake", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_fake:
        serve_fake(args.serve_fake)
        return
    if args.quick:
        args.updates, args.sequential = 500, 50
    if args.updates < 1 or args.concurrency < 1:
        parser.error("--updates and --concurrency must be positive")
    args.bots = [name.strip() for name in args.bots.split(",") if name.strip()]
    if not args.bots or set(args.bots) - set(BOTS):
        parser.error(f"--bots takes names from {','.join(BOTS)}")
    if args.py_spy:
        args.py_spy.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="webhook_load_"))
    try:
        report = asyncio.run(run(args, workdir))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)  # failures carry the tail of the bot's log
    if args.json:
        out = {
            "environment": report.environment,
            "load": [vars(r) for r in report.load],
            "ratios": report.ratios(),
            "charts": vars(report.charts) if report.charts else None,
        }
        print(json.dumps(out, indent=2))
    else:
        print_report(report)


if __name__ == "__main__":
    main()
