"""A minimal aiogram 3 echo bot on aiogram's aiohttp webhook handler (a baseline for webhook_load.py).

A button press gets what Astral's menu press does: answerCallbackQuery, then editMessageText with a
one-button keyboard. A message gets one sendMessage. `SimpleRequestHandler` answers the webhook at
once and handles the update in the background (aiogram's default).

Run: python benchmarks/echo_bots/aiogram_echo.py --api http://127.0.0.1:PORT --token T --secret S --port P
"""

from __future__ import annotations

import argparse
import logging

from aiogram import Bot, Dispatcher, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web

KEYBOARD = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="Menu", callback_data="m")]])
WEBHOOK_PATH = "/webhook/telegram"

router = Router()


@router.callback_query()
async def on_press(query: CallbackQuery) -> None:
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.edit_text("Menu", reply_markup=KEYBOARD)


@router.message()
async def on_message(message: Message) -> None:
    await message.answer(message.text or "?", reply_markup=KEYBOARD)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api", required=True, help="fake Bot API base URL, without /bot")
    parser.add_argument("--token", required=True)
    parser.add_argument("--secret", required=True)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)

    session = AiohttpSession(api=TelegramAPIServer.from_base(args.api))
    bot = Bot(args.token, session=session)
    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    app = web.Application()
    SimpleRequestHandler(dispatcher=dispatcher, bot=bot, secret_token=args.secret).register(
        app, path=WEBHOOK_PATH
    )
    setup_application(app, dispatcher, bot=bot)
    web.run_app(app, host="127.0.0.1", port=args.port, print=None)


if __name__ == "__main__":
    main()
