"""The ceiling for `make bench-load`: a bare python-telegram-bot echo bot behind the same kind of
webhook (Starlette + uvicorn, as in PTB's custom-webhook example), nothing else.

Reads TELEGRAM_BOT_TOKEN, TELEGRAM_API_BASE_URL, WEBHOOK_LISTEN, WEBHOOK_SECRET from the
environment.
"""

from __future__ import annotations

import asyncio
import os

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None and update.effective_message.text is not None
    await update.effective_message.reply_text(update.effective_message.text)


async def main() -> None:
    base = os.environ["TELEGRAM_API_BASE_URL"]
    app = (
        Application.builder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(base)
        .updater(None)
        .build()
    )
    app.add_handler(MessageHandler(filters.TEXT, echo))
    secret = os.environ["WEBHOOK_SECRET"]

    async def telegram(request: Request) -> Response:
        if request.headers.get("X-Telegram-Bot-Api-Secret-Token") != secret:
            return PlainTextResponse("forbidden", status_code=403)
        await app.update_queue.put(Update.de_json(await request.json(), app.bot))
        return PlainTextResponse("ok")

    async def healthz(request: Request) -> Response:
        return PlainTextResponse("ok")

    web = Starlette(
        routes=[Route("/telegram", telegram, methods=["POST"]), Route("/healthz", healthz)]
    )
    host, port = os.environ["WEBHOOK_LISTEN"].rsplit(":", 1)
    server = uvicorn.Server(
        uvicorn.Config(web, host=host, port=int(port), log_level="warning", access_log=False)
    )
    async with app:
        await app.start()
        await server.serve()
        await app.stop()


if __name__ == "__main__":
    asyncio.run(main())
