"""A minimal python-telegram-bot echo bot on PTB's own `run_webhook` (a baseline for webhook_load.py).

A button press gets what Astral's menu press does: answerCallbackQuery, then editMessageText with a
one-button keyboard. A message gets one sendMessage. Defaults are PTB's (sequential processing).

Run: python benchmarks/echo_bots/ptb_echo.py --api http://127.0.0.1:PORT --token T --secret S --port P
"""

from __future__ import annotations

import argparse
import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, ContextTypes, MessageHandler, filters

KEYBOARD = InlineKeyboardMarkup([[InlineKeyboardButton("Menu", callback_data="m")]])
WEBHOOK_PATH = "webhook/telegram"


async def on_press(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer()
    await query.edit_message_text("Menu", reply_markup=KEYBOARD)


async def on_message(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    assert message is not None
    await message.chat.send_message(message.text or "?", reply_markup=KEYBOARD)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api", required=True, help="fake Bot API base URL, without /bot")
    parser.add_argument("--token", required=True)
    parser.add_argument("--secret", required=True)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)

    app = (
        Application.builder()
        .token(args.token)
        .base_url(f"{args.api}/bot")
        .base_file_url(f"{args.api}/file/bot")
        .build()
    )
    app.add_handler(CallbackQueryHandler(on_press))
    app.add_handler(MessageHandler(filters.ALL, on_message))
    app.run_webhook(
        listen="127.0.0.1",
        port=args.port,
        url_path=WEBHOOK_PATH,
        secret_token=args.secret,
        webhook_url=f"http://127.0.0.1:{args.port}/{WEBHOOK_PATH}",
        allowed_updates=["message", "callback_query"],
    )


if __name__ == "__main__":
    main()
