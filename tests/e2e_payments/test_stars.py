"""Paying with Telegram Stars, end to end: invoice, pre-checkout, payment, progress, the reading, the PDF,
free re-downloads, stale invoices and re-sent payment updates. Webhook mode, SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json
import uuid

from pypdf import PdfReader

from e2e.dialog import contains, has_button_prefix, press

from .conftest import PRICE_STARS, Shop
from .flow import (
    DOWNLOAD,
    MY_CHARTS,
    PROGRESS_RU,
    TEXT_LIMIT,
    calls_to,
    only_order,
    quiet,
    received_after,
    stars_invoice,
    wait_for_status,
)


async def test_stars_purchase_from_button_to_pdf(shop: Shop) -> None:
    user = shop.user(first_name="Вероника")
    invoice = await stars_invoice(user)

    # The invoice: Stars (XTR), one price from PRICE_STARS, no provider token, a payload naming the order.
    assert invoice.invoice is not None
    assert invoice.invoice["currency"] == "XTR" and invoice.invoice["total_amount"] == PRICE_STARS
    (sent,) = await calls_to(shop.fake, "sendInvoice", user.user_id)
    params = sent["params"]
    assert params["currency"] == "XTR"
    assert params.get("provider_token", "") == ""
    prices = json.loads(params["prices"]) if isinstance(params["prices"], str) else params["prices"]
    assert len(prices) == 1 and prices[0]["amount"] == PRICE_STARS
    order = await only_order(shop.database_url, user.user_id)
    assert order.status == "created" and order.currency == "XTR" and order.amount == PRICE_STARS
    assert uuid.UUID(params["payload"].removeprefix("order:")).hex == order.id

    paid = await user.pay(invoice)
    assert paid["status"] == "paid"
    pdf_message = await user.wait_for(lambda view: view.document is not None, timeout=60)
    done = await user.wait_for(contains(PROGRESS_RU[-1]), timeout=20)
    order = await wait_for_status(shop.database_url, user.user_id, "delivered", timeout=10)
    assert order.provider == "stars" and order.attempts == 1

    # One progress message, edited step by step: received → calculating → drawing → writing → done.
    (progress,) = [
        call for call in await calls_to(shop.fake, "sendMessage", user.user_id)
        if PROGRESS_RU[0] in call["params"]["text"]
    ]  # fmt: skip
    edits = [
        call["params"]["text"]
        for call in await calls_to(shop.fake, "editMessageText", user.user_id)
        if int(call["params"]["message_id"]) == done.message_id
    ]
    steps = [progress["params"]["text"], *edits]
    assert [next(i for i, s in enumerate(PROGRESS_RU) if s in step) for step in steps] == [0, 1, 2, 3, 4], (
        steps
    )

    # The wheel, the reading in several messages within Telegram's limit, the PDF; each exactly once.
    got = await received_after(user, invoice.message_id)
    assert len(got.photos) == 1 and len(got.documents) == 1
    assert max(size["width"] for size in got.photos[0].photo or []) >= 1000
    reading = [view for view in got.texts if view.message_id != done.message_id]
    assert len(reading) >= 2, [view.text[:60] for view in reading]
    assert all(0 < len(view.text) <= TEXT_LIMIT for view in reading)
    assert got.photos[0].message_id < reading[0].message_id < reading[-1].message_id < pdf_message.message_id
    pdf = await user.download(pdf_message)
    assert pdf.startswith(b"%PDF")
    cover = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Вероника" in cover, cover[:300]

    # "My charts" sends it again, free: no new invoice, no new order, the same PDF.
    chart_list = await press(user, MY_CHARTS, has_button_prefix(DOWNLOAD))
    (download,) = [b["callback_data"] for b in chart_list.buttons if b["callback_data"].startswith(DOWNLOAD)]
    last_before = max(view.message_id for view in await user.bot_messages())
    await press(user, download, lambda view: view.document is not None, timeout=30)
    again = await received_after(user, last_before)
    assert len(again.photos) == 1 and len(again.documents) == 1
    assert [view.text for view in again.texts] == [view.text for view in reading]
    assert await user.download(again.documents[0]) == pdf
    assert len(await calls_to(shop.fake, "sendInvoice", user.user_id)) == 1
    assert (await only_order(shop.database_url, user.user_id)).status == "delivered"


async def test_stale_invoice_is_rejected_at_pre_checkout(shop: Shop) -> None:
    user = shop.user()
    invoice = await stars_invoice(user)
    assert (await user.pay(invoice))["status"] == "paid"
    await user.wait_for(lambda view: view.document is not None, timeout=60)
    await wait_for_status(shop.database_url, user.user_id, "delivered")

    # The same invoice again: its order is paid, so pre-checkout says no, with the reason.
    second = await user.pay(invoice)
    assert second["status"] == "rejected"
    assert (
        second["error_message"] == "Этот счёт уже неактуален: он оплачен или отменён. Создайте новый в меню."
    )
    # answerPreCheckoutQuery names no chat: find the answer by the query's id.
    by_id = {
        call["params"]["pre_checkout_query_id"]: call
        for call in await shop.fake.calls("answerPreCheckoutQuery")
    }
    rejected = by_id[second["pre_checkout_query_id"]]["params"]
    assert str(rejected["ok"]).lower() == "false"
    await quiet(2.5)
    got = await received_after(user, invoice.message_id)
    assert len(got.documents) == 1 and len(got.photos) == 1
    assert [c for c in shop.fake.state.charges.values() if c.user_id == user.user_id] != []
    assert len([c for c in shop.fake.state.charges.values() if c.user_id == user.user_id]) == 1
    assert (await only_order(shop.database_url, user.user_id)).attempts == 1


async def test_resent_successful_payment_delivers_nothing_more(shop: Shop) -> None:
    user = shop.user()
    invoice = await stars_invoice(user)
    paid = await user.pay(invoice)
    await user.wait_for(lambda view: view.document is not None, timeout=60)
    await wait_for_status(shop.database_url, user.user_id, "delivered")

    # Telegram re-sends the successful_payment update (it thinks the webhook failed).
    (update_id,) = [
        update_id
        for update_id, update in shop.fake.state.history.items()
        if (update.get("message") or {}).get("successful_payment", {}).get("telegram_payment_charge_id")
        == paid["telegram_payment_charge_id"]
    ]
    await shop.fake.resend(update_id)
    await quiet(3.0)
    assert all(pending.update_id != update_id for pending in shop.fake.state.pending), "not re-delivered"
    got = await received_after(user, invoice.message_id)
    assert len(got.documents) == 1 and len(got.photos) == 1
    assert len(await calls_to(shop.fake, "sendDocument", user.user_id)) == 1
    order = await only_order(shop.database_url, user.user_id)
    assert order.status == "delivered" and order.attempts == 1
