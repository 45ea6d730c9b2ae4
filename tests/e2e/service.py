"""The real `astralbot serve` as a child process, pointed at a fake Telegram server.

service = ServiceProcess.for_fake(fake, tmp_path, mode="webhook", database_url=url)
await service.start()          # waits for GET /readyz == 200
...
code = await service.terminate()  # SIGTERM, then the log is checked for shutdown errors
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import httpx

from fakes.telegram import FakeTelegramServer

WEBHOOK_SECRET = "e2e-secret_0123456789"
# Signs of a broken shutdown or a swallowed error; none may appear in a service's log.
FORBIDDEN_IN_LOG = (
    "Event loop is closed",
    "Cannot close a running event loop",
    "Task was destroyed but it is pending",
    "coroutine was never awaited",
)
_LOG_RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} [A-Z]+ ")
_HANDLER_FAILED = re.compile(r"handler \S+ failed on update (\d+)")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServiceProcess:
    """One `python -m astralbot serve` process with its own port and log file."""

    def __init__(self, env: dict[str, str], workdir: Path, *, name: str = "service") -> None:
        self.port = int(env["PORT"])
        self.env = env
        self.workdir = workdir
        self.log_path = workdir / f"{name}.log"
        self.expected_failures: set[int] = set()  # update_ids whose handler a test makes fail on purpose
        self.returncode: int | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._log_file: IO[bytes] | None = None

    @classmethod
    def for_fake(
        cls,
        fake: FakeTelegramServer | None,
        workdir: Path,
        *,
        mode: str = "polling",
        database_url: str,
        name: str = "service",
        extra: dict[str, str] | None = None,
    ) -> ServiceProcess:
        """Settings for the fake Telegram at `fake`, or the built-in sandbox when `fake` is None."""
        port = free_port()
        env = {
            key: value
            for key, value in os.environ.items()
            if "proxy" not in key.lower() and not key.startswith(("BOT_", "TELEGRAM_", "WEBHOOK_"))
        }
        env.update(
            {
                "MODE": mode,
                "DATABASE_URL": database_url,
                "HOST": "127.0.0.1",
                "PORT": str(port),
                "CHART_WORKERS": "1",
                "LOG_LEVEL": "INFO",
                "PTB_TIMEDELTA": "1",
                "PYTHONUNBUFFERED": "1",
            }
        )
        if fake is not None:
            env.update(
                {
                    "BOT_TOKEN": fake.token,
                    "TELEGRAM_API_BASE_URL": fake.url,  # the service appends /bot and /file/bot
                    "WEBHOOK_BASE_URL": f"http://127.0.0.1:{port}",
                    "WEBHOOK_SECRET": WEBHOOK_SECRET,
                }
            )
        env.update(extra or {})
        workdir.mkdir(parents=True, exist_ok=True)
        return cls(env, workdir, name=name)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    async def start(self, timeout: float = 60.0) -> None:
        """Start the process (appending to its log) and wait until /readyz answers 200."""
        self._log_file = self.log_path.open("ab")
        self.returncode = None
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "astralbot", "serve"],
            env=self.env,
            cwd=self.workdir,  # no stray .env from the repository is read
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        async with httpx.AsyncClient(timeout=2.0, trust_env=False) as client:
            while True:
                if self._proc.poll() is not None:
                    self._close_log()
                    raise RuntimeError(f"service exited with {self._proc.returncode}:\n{self.log_text()}")
                try:
                    response = await client.get(f"{self.url}/readyz")
                    if response.status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    self.kill()
                    raise TimeoutError(f"service not ready within {timeout}s:\n{self.log_text()}")
                await asyncio.sleep(0.1)

    async def terminate(self, timeout: float = 60.0) -> int:
        """SIGTERM and wait; returns the exit code."""
        assert self._proc is not None
        if self._proc.poll() is None:
            self._proc.send_signal(signal.SIGTERM)
        return await self.wait(timeout)

    async def wait(self, timeout: float = 60.0) -> int:
        assert self._proc is not None
        deadline = time.monotonic() + timeout
        while self._proc.poll() is None:
            if time.monotonic() > deadline:
                self.kill()
                raise TimeoutError(f"service did not stop within {timeout}s:\n{self.log_tail()}")
            await asyncio.sleep(0.05)
        self.returncode = self._proc.returncode
        self._close_log()
        return self.returncode

    def kill(self) -> int:
        assert self._proc is not None
        if self._proc.poll() is None:
            self._proc.kill()
        self.returncode = self._proc.wait(10)
        self._close_log()
        return self.returncode

    def _close_log(self) -> None:
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def log_tail(self, lines: int = 60) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])

    def log_problems(self, *, allowed_failures: Iterable[int] = ()) -> list[str]:
        """Forbidden phrases, and every traceback not explained by a handler failure a test provoked."""
        allowed = set(allowed_failures) | self.expected_failures
        text = self.log_text()
        problems = [phrase for phrase in FORBIDDEN_IN_LOG if phrase in text]
        record = ""
        for line in text.splitlines():
            if _LOG_RECORD.match(line):
                record = line
            elif line.startswith("Traceback"):
                failed = _HANDLER_FAILED.search(record)
                if failed is None or int(failed.group(1)) not in allowed:
                    problems.append(f"unexpected traceback after: {record or '<start of log>'}")
        return problems

    def assert_clean_stop(self, code: int | None = None) -> None:
        """After SIGTERM: exit code 0 and a log free of shutdown errors and unexplained tracebacks."""
        code = self.returncode if code is None else code
        problems = self.log_problems()
        assert code == 0 and not problems, f"exit code {code}, problems {problems}:\n{self.log_tail(120)}"


async def get_json(url: str, **kwargs: Any) -> tuple[int, Any]:
    async with httpx.AsyncClient(timeout=10.0, trust_env=False) as client:
        response = await client.get(url, **kwargs)
        try:
            return response.status_code, response.json()
        except ValueError:
            return response.status_code, response.text
