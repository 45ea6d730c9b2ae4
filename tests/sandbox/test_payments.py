"""Telegram Stars: sendInvoice validation, pre_checkout_query → successful_payment, refunds."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from telegram import Bot, LabeledPrice, Update
from telegram.error import BadRequest

from fakes.telegram import FakeTelegramServer


@pytest.fixture
async def chat_id(server: FakeTelegramServer) -> int:
    await server.user(401).send("/buy")
    return 401


async def send_stars_invoice(bot: Bot, chat_id: int, payload: str = "order:42") -> None:
    await bot.send_invoice(
        chat_id,
        "Full reading",
        "Your natal chart, in full",
        payload,
        "XTR",
        [LabeledPrice("Reading", 150)],
        provider_token="",
    )


async def test_invoice_validation(bot: Bot, chat_id: int) -> None:
    with pytest.raises(BadRequest, match="(?i)stars_invoice_invalid"):
        await bot.send_invoice(
            chat_id, "T", "D", "p", "XTR", [LabeledPrice("a", 1), LabeledPrice("b", 2)], provider_token=""
        )
    with pytest.raises(BadRequest, match="(?i)payment_provider_invalid"):
        await bot.send_invoice(chat_id, "T", "D", "p", "XTR", [LabeledPrice("a", 1)], provider_token="tok")
    with pytest.raises(BadRequest, match="(?i)invoice_payload_invalid"):
        await bot.send_invoice(chat_id, "T", "D", "x" * 129, "XTR", [LabeledPrice("a", 1)], provider_token="")


@pytest.fixture
async def checkout_answers(bot: Bot) -> AsyncIterator[list[Update]]:
    """A minimal bot loop: answers pre-checkout queries (rejecting payloads starting with 'stale')."""
    seen: list[Update] = []

    async def loop() -> None:
        offset = 0
        while True:
            for update in await bot.get_updates(offset=offset, timeout=1, read_timeout=5):
                offset = update.update_id + 1
                seen.append(update)
                query = update.pre_checkout_query
                if query is not None:
                    if query.invoice_payload.startswith("stale"):
                        await query.answer(ok=False, error_message="This order has expired")
                    else:
                        await query.answer(ok=True)

    task = asyncio.create_task(loop())
    yield seen
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_stars_purchase_and_refund(
    server: FakeTelegramServer, bot: Bot, chat_id: int, checkout_answers: list[Update]
) -> None:
    await send_stars_invoice(bot, chat_id)
    user = server.user(chat_id)
    invoice = await user.last_message()
    assert invoice is not None and invoice.invoice == {
        "title": "Full reading",
        "description": "Your natal chart, in full",
        "start_parameter": "",
        "currency": "XTR",
        "total_amount": 150,
    }
    outcome = await user.pay(invoice)
    assert outcome["status"] == "paid"
    charge_id = outcome["telegram_payment_charge_id"]
    for _ in range(200):
        if any(u.message and u.message.successful_payment for u in checkout_answers):
            break
        await asyncio.sleep(0.02)
    (paid_update,) = [u for u in checkout_answers if u.message and u.message.successful_payment]
    payment = paid_update.message.successful_payment
    assert (payment.currency, payment.total_amount, payment.invoice_payload) == ("XTR", 150, "order:42")
    assert payment.telegram_payment_charge_id == charge_id
    (pre_checkout,) = [u.pre_checkout_query for u in checkout_answers if u.pre_checkout_query]
    assert pre_checkout.invoice_payload == "order:42" and pre_checkout.from_user.id == chat_id

    second = await user.pay(invoice)
    assert second["telegram_payment_charge_id"] != charge_id  # every charge id is unique

    assert await bot.refund_star_payment(chat_id, charge_id)
    with pytest.raises(BadRequest, match="(?i)charge_already_refunded"):
        await bot.refund_star_payment(chat_id, charge_id)
    with pytest.raises(BadRequest, match="(?i)charge_not_found"):
        await bot.refund_star_payment(chat_id, "unknown-charge")


async def test_rejected_pre_checkout(
    server: FakeTelegramServer, bot: Bot, chat_id: int, checkout_answers: list[Update]
) -> None:
    await send_stars_invoice(bot, chat_id, payload="stale:7")
    user = server.user(chat_id)
    outcome = await user.pay(await user.last_message())
    assert outcome["status"] == "rejected"
    assert outcome["error_message"] == "This order has expired"
    assert server.state.charges == {}


async def test_unanswered_pre_checkout_times_out(server: FakeTelegramServer, bot: Bot, chat_id: int) -> None:
    server.state.pre_checkout_timeout = 0.3
    await send_stars_invoice(bot, chat_id)
    user = server.user(chat_id)
    outcome = await user.pay(await user.last_message())
    assert outcome["status"] == "timeout"
    with pytest.raises(BadRequest, match="(?i)query is too old"):
        await bot.answer_pre_checkout_query(outcome["pre_checkout_query_id"], ok=True)
