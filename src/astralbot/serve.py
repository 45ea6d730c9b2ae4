"""`astralbot serve`: uvicorn and the PTB Application in ONE event loop, with an ordered shutdown.

Start:    migrate → start chart workers → HTTP server up (webhooks answer 503 until the bot runs)
          → Application initialized and started → webhook set, or polling started.
Shutdown: (SIGTERM/SIGINT) stop taking updates → finish in-flight updates and jobs → stop the
          Application → stop the HTTP server → stop workers → close the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Iterator

import uvicorn

from astralbot.app import Runtime, build_runtime
from astralbot.bot.setup import publish_commands
from astralbot.config import Settings
from astralbot.store.migrate import upgrade

log = logging.getLogger("astralbot.serve")


class _Server(uvicorn.Server):
    """uvicorn without its own signal handlers: the runtime owns shutdown order."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


async def serve(settings: Settings) -> None:
    runtime = build_runtime(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)

    await upgrade(runtime.db)
    await runtime.pool.warm_up()
    server = _Server(
        uvicorn.Config(
            runtime.web,
            host=settings.host,
            port=settings.port,
            lifespan="off",
            log_config=None,
            access_log=False,
            # X-Forwarded-For is judged by the YooKassa webhook against TRUSTED_PROXIES only; uvicorn
            # would otherwise rewrite the peer from it for any request coming from loopback.
            proxy_headers=False,
            timeout_graceful_shutdown=30,
        )
    )
    server_task = asyncio.create_task(server.serve(), name="http-server")
    lag_task = asyncio.create_task(runtime.metrics.watch_loop_lag(), name="loop-lag")
    try:
        await _wait_started(server, server_task)
        await _run_bot(runtime, stop)
    finally:
        if runtime.sandbox is not None:
            await runtime.sandbox.aclose()  # wakes long polls so the HTTP server can close at once
        server.should_exit = True
        with contextlib.suppress(asyncio.CancelledError):
            await server_task
        lag_task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await lag_task
        runtime.pool.close()
        await runtime.db.dispose()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)
        log.info("stopped")


async def _wait_started(server: uvicorn.Server, task: asyncio.Task[None]) -> None:
    while not server.started:
        if task.done():
            task.result()  # re-raises the bind error, for example
            raise RuntimeError("HTTP server stopped during start-up")
        await asyncio.sleep(0.02)


async def _run_bot(runtime: Runtime, stop: asyncio.Event) -> None:
    app = runtime.application
    settings = runtime.settings
    recovery: asyncio.Task[None] | None = None
    async with app:  # initialize() … shutdown()
        await app.start()
        try:
            await publish_commands(app)
            if settings.mode == "webhook":
                runtime.gate.open = True
                base = settings.webhook_base_url or f"http://127.0.0.1:{settings.port}"
                await app.bot.set_webhook(
                    f"{base}/webhook/telegram",
                    secret_token=runtime.webhook_secret,
                    allowed_updates=["message", "callback_query", "pre_checkout_query"],
                    max_connections=settings.max_concurrent_updates,
                )
            else:
                assert app.updater is not None
                await app.bot.delete_webhook()
                await app.updater.start_polling(
                    allowed_updates=["message", "callback_query", "pre_checkout_query"], timeout=25
                )
            # Paid orders left unfinished by a crash or restart are resumed now, then periodically.
            recovery = asyncio.create_task(_sweeps(runtime), name="order-recovery")
            log.info("ready: %s mode%s", settings.mode, " (sandbox)" if settings.sandbox else "")
            if settings.sandbox:
                log.info("sandbox chat: http://%s:%s/sandbox", settings.host, settings.port)
            await stop.wait()
            log.info("shutting down")
        finally:
            if app.updater is not None and app.updater.running:
                await app.updater.stop()
            # New webhook requests get 503 (Telegram re-sends them later); those being handled finish.
            await runtime.gate.close_and_drain(grace=30.0)
            if recovery is not None:
                recovery.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await recovery
            # Deliveries in progress finish; an order cut off here is resumed by the next start.
            await runtime.delivery.drain()
            await app.stop()


async def _sweeps(runtime: Runtime) -> None:
    """The periodic safety nets: resume unfinished paid orders; confirm card payments still pending."""
    async with asyncio.TaskGroup() as group:
        group.create_task(runtime.delivery.recover_forever())
        if runtime.payments.yookassa_enabled:
            group.create_task(runtime.payments.poll_forever(runtime.settings.recovery_interval_seconds))
