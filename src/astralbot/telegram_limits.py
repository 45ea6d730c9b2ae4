"""Telegram's size limits, and splitting long texts to fit them."""

from __future__ import annotations

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_DATA_LIMIT = 64  # bytes


def split_text(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split at paragraph boundaries (blank lines), then lines, then words, so that no part exceeds
    `limit` characters. Paragraphs are never cut while they fit, which keeps the HTML tags we use
    (always opened and closed within one paragraph) balanced in every part."""
    parts: list[str] = []
    current = ""
    for paragraph in _pieces(text.strip(), limit):
        candidate = f"{current}\n\n{paragraph}" if current else paragraph
        if len(candidate) <= limit:
            current = candidate
        else:
            parts.append(current)
            current = paragraph
    if current:
        parts.append(current)
    return parts


def _pieces(text: str, limit: int) -> list[str]:
    out: list[str] = []
    for paragraph in text.split("\n\n"):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        if len(paragraph) <= limit:
            out.append(paragraph)
        else:
            out.extend(_hard_split(paragraph, limit))
    return out


def _hard_split(paragraph: str, limit: int) -> list[str]:
    # A single paragraph longer than a message: cut at the last line break or space that fits.
    chunks = []
    rest = paragraph
    while len(rest) > limit:
        cut = rest.rfind("\n", 0, limit)
        if cut <= 0:
            cut = rest.rfind(" ", 0, limit)
        if cut <= 0:
            cut = limit
        chunks.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        chunks.append(rest)
    return chunks
