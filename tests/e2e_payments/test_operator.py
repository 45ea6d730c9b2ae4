"""`astralbot orders`: the operator lists orders and re-sends one through the running service."""

from __future__ import annotations

import time
import uuid

from .conftest import Shop
from .flow import astralbot, calls_to, only_order, quiet, stars_invoice, wait_for_status


async def test_orders_lists_and_resend_delivers_again(shop: Shop) -> None:
    user = shop.user()
    invoice = await stars_invoice(user)
    await user.pay(invoice)
    first_pdf = await user.wait_for(lambda view: view.document is not None, timeout=60)
    order = await wait_for_status(shop.database_url, user.user_id, "delivered")
    order_id = str(uuid.UUID(order.id))

    code, listing = await astralbot(shop.service.env, "orders")
    assert code == 0, listing
    (line,) = [line for line in listing.splitlines() if order_id in line]
    assert "delivered" in line and str(user.user_id) in line

    resent_at = time.time()
    code, output = await astralbot(shop.service.env, "orders", "resend", order_id)
    assert code == 0, output
    # The running service's recovery sweep (every second here) picks the order up again.
    second_pdf = await user.wait_for(
        lambda view: view.document is not None and view.message_id > first_pdf.message_id, timeout=60
    )
    await wait_for_status(shop.database_url, user.user_id, "delivered", timeout=20)
    await quiet(2.0)
    assert len(await calls_to(shop.fake, "sendDocument", user.user_id, since=resent_at)) == 1
    assert await user.download(second_pdf) == await user.download(first_pdf), "the stored chart is reused"
    assert len(await calls_to(shop.fake, "sendInvoice", user.user_id)) == 1
    assert (await only_order(shop.database_url, user.user_id)).status == "delivered"

    code, listing = await astralbot(shop.service.env, "orders")
    (line,) = [line for line in listing.splitlines() if order_id in line]
    assert "delivered" in line
