"""Telegram's formatted-text rules: HTML / MarkdownV2 parsing into plain text + entities, and trimming.

Error texts follow tdlib (``can't parse entities: ...``) so that a bot tested here fails the same way
it would against the real server. Entity offsets and lengths are in UTF-16 code units, as in the API.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from astralbot.sandbox.errors import BotApiError, bad_request

Entity = dict[str, Any]

_HTML_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TAG_NAME = re.compile(r"[A-Za-z0-9-]*")
_ATTR_NAME = re.compile(r"[A-Za-z0-9_-]*")
_WHITESPACE = " \t\r\n"


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_error(reason: str) -> BotApiError:
    return bad_request(f"can't parse entities: {reason}")


def _byte_offset(source: str, index: int) -> int:
    return len(source[:index].encode())


@dataclass
class _OpenTag:
    name: str
    start: int  # UTF-16 offset in the output
    attrs: dict[str, str]
    language: str | None = None
    children: list[str] = field(default_factory=list)


class _Output:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += utf16_len(text)

    def text(self) -> str:
        return "".join(self.parts)


def _decode_entity(source: str, at: int) -> tuple[str, int] | None:
    end = source.find(";", at + 1, at + 12)
    if end == -1:
        return None
    name = source[at + 1 : end]
    if name in _NAMED_ENTITIES:
        return _NAMED_ENTITIES[name], end + 1
    code: int | None = None
    if re.fullmatch(r"#[0-9]{1,7}", name):
        code = int(name[1:])
    elif re.fullmatch(r"#[xX][0-9a-fA-F]{1,6}", name):
        code = int(name[2:], 16)
    if code is None or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return None
    return chr(code), end + 1


def _read_attributes(source: str, pos: int, tag: str, tag_at: int) -> tuple[dict[str, str], int]:
    attrs: dict[str, str] = {}
    n = len(source)
    while True:
        while pos < n and source[pos] in _WHITESPACE:
            pos += 1
        if pos >= n:
            raise parse_error(f"Unclosed start tag at byte offset {_byte_offset(source, tag_at)}")
        if source[pos] == ">":
            return attrs, pos + 1
        if source[pos] == "/" and source.startswith("/>", pos):
            raise parse_error(f'Unsupported start tag "{tag}/" at byte offset {_byte_offset(source, tag_at)}')
        name_match = _ATTR_NAME.match(source, pos)
        name = name_match.group(0).lower() if name_match else ""
        if not name:
            raise parse_error(
                f'Empty attribute name in the tag "{tag}" at byte offset {_byte_offset(source, pos)}'
            )
        pos += len(name)
        while pos < n and source[pos] in _WHITESPACE:
            pos += 1
        if pos < n and source[pos] == "=":
            pos += 1
            while pos < n and source[pos] in _WHITESPACE:
                pos += 1
            if pos >= n:
                raise parse_error(f"Unclosed start tag at byte offset {_byte_offset(source, tag_at)}")
            quote = source[pos]
            if quote in "\"'":
                close = source.find(quote, pos + 1)
                if close == -1:
                    raise parse_error(f"Unclosed start tag at byte offset {_byte_offset(source, tag_at)}")
                value, pos = source[pos + 1 : close], close + 1
            else:
                start = pos
                while pos < n and source[pos] not in _WHITESPACE and source[pos] != ">":
                    pos += 1
                value = source[start:pos]
            attrs[name] = _decode_text(value)
        else:
            attrs[name] = ""


def _decode_text(value: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(value):
        if value[i] == "&" and (decoded := _decode_entity(value, i)) is not None:
            out.append(decoded[0])
            i = decoded[1]
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def _close_entity(tag: _OpenTag, end: int, stack: list[_OpenTag], entities: list[Entity]) -> None:
    length = end - tag.start
    kind = _HTML_TAGS[tag.name]
    if tag.name == "code" and stack and stack[-1].name == "pre":
        # <pre><code class="language-x"> is one pre entity carrying the language.
        language = tag.attrs.get("class", "")
        if language.startswith("language-") and len(language) > len("language-"):
            stack[-1].language = language.removeprefix("language-")
        return
    if length <= 0:
        return
    entity: Entity = {"type": kind, "offset": tag.start, "length": length}
    if kind == "text_link":
        href = tag.attrs.get("href", "").strip()
        if not href:
            return
        match = re.fullmatch(r"tg://user\?id=(\d+)", href)
        if match:
            entity = {
                "type": "text_mention",
                "offset": tag.start,
                "length": length,
                "user": {"id": int(match.group(1)), "is_bot": False, "first_name": ""},
            }
        else:
            entity["url"] = href
    elif kind == "pre" and tag.language:
        entity["language"] = tag.language
    elif kind == "custom_emoji":
        entity["custom_emoji_id"] = tag.attrs.get("emoji-id", "")
    elif kind == "blockquote" and "expandable" in tag.attrs:
        entity["type"] = "expandable_blockquote"
    entities.append(entity)


def parse_html(source: str) -> tuple[str, list[Entity]]:
    out = _Output()
    stack: list[_OpenTag] = []
    entities: list[Entity] = []
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "&":
            decoded = _decode_entity(source, i)
            if decoded is None:
                out.add("&")
                i += 1
            else:
                out.add(decoded[0])
                i = decoded[1]
            continue
        if ch != "<":
            nxt = i
            while nxt < n and source[nxt] not in "<&":
                nxt += 1
            out.add(source[i:nxt])
            i = nxt
            continue
        if i + 1 < n and source[i + 1] == "/":
            close = source.find(">", i)
            if close == -1:
                raise parse_error(f"Unclosed end tag at byte offset {_byte_offset(source, i)}")
            name = source[i + 2 : close].strip(_WHITESPACE).lower()
            if not stack:
                raise parse_error(f"Unexpected end tag at byte offset {_byte_offset(source, i)}")
            top = stack.pop()
            if top.name != name:
                raise parse_error(
                    f"Unmatched end tag at byte offset {_byte_offset(source, i)}, "
                    f'expected "</{top.name}>", found "</{name}>"'
                )
            _close_entity(top, out.length, stack, entities)
            i = close + 1
            continue
        name_match = _TAG_NAME.match(source, i + 1)
        name = name_match.group(0).lower() if name_match else ""
        if name not in _HTML_TAGS:
            raise parse_error(f'Unsupported start tag "{name}" at byte offset {_byte_offset(source, i)}')
        attrs, i_next = _read_attributes(source, i + 1 + len(name), name, i)
        if name == "span" and attrs.get("class") != "tg-spoiler":
            at = _byte_offset(source, i)
            raise parse_error(f'Tag "span" must have class "tg-spoiler" at byte offset {at}')
        if name == "tg-emoji" and not attrs.get("emoji-id"):
            at = _byte_offset(source, i)
            raise parse_error(f'Tag "tg-emoji" must have attribute "emoji-id" at byte offset {at}')
        stack.append(_OpenTag(name=name, start=out.length, attrs=attrs))
        i = i_next
    if stack:
        raise parse_error(f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return out.text(), entities


_MD2_RESERVED = set("_*[]()~`>#+-=|{}.!")
_MD2_MARKERS = {"*": "bold", "_": "italic", "__": "underline", "~": "strikethrough", "||": "spoiler"}


def parse_markdown_v2(source: str) -> tuple[str, list[Entity]]:
    """A compact MarkdownV2 parser: markers, code, pre, links, and the reserved-character rule."""
    out = _Output()
    entities: list[Entity] = []
    open_markers: list[tuple[str, int, int]] = []  # marker, output offset, source index
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "\\" and i + 1 < n:
            out.add(source[i + 1])
            i += 2
            continue
        if source.startswith("```", i):
            close = source.find("```", i + 3)
            if close == -1:
                raise parse_error(f"Can't find end of Pre entity at byte offset {_byte_offset(source, i)}")
            body = source[i + 3 : close]
            language, _, rest = body.partition("\n") if "\n" in body else ("", "", body)
            start = out.length
            out.add(rest.replace("\\`", "`").replace("\\\\", "\\"))
            entity: Entity = {"type": "pre", "offset": start, "length": out.length - start}
            if language:
                entity["language"] = language
            entities.append(entity)
            i = close + 3
            continue
        if ch == "`":
            close = source.find("`", i + 1)
            if close == -1:
                raise parse_error(f"Can't find end of Code entity at byte offset {_byte_offset(source, i)}")
            start = out.length
            out.add(source[i + 1 : close].replace("\\\\", "\\"))
            entities.append({"type": "code", "offset": start, "length": out.length - start})
            i = close + 1
            continue
        if ch == "[":
            close = source.find("](", i)
            end = source.find(")", close + 2) if close != -1 else -1
            if close == -1 or end == -1:
                at = _byte_offset(source, i)
                raise parse_error(f"Can't find end of TextUrl entity at byte offset {at}")
            inner_text, inner_entities = parse_markdown_v2(source[i + 1 : close])
            start = out.length
            for inner in inner_entities:
                entities.append({**inner, "offset": inner["offset"] + start})
            out.add(inner_text)
            entities.append(
                {
                    "type": "text_link",
                    "offset": start,
                    "length": out.length - start,
                    "url": source[close + 2 : end],
                }
            )
            i = end + 1
            continue
        marker = source[i : i + 2] if source[i : i + 2] in ("__", "||") else ch
        if marker in _MD2_MARKERS:
            if open_markers and open_markers[-1][0] == marker:
                _, start, _ = open_markers.pop()
                if out.length > start:
                    kind = _MD2_MARKERS[marker]
                    entities.append({"type": kind, "offset": start, "length": out.length - start})
            else:
                open_markers.append((marker, out.length, i))
            i += len(marker)
            continue
        if ch in _MD2_RESERVED:
            raise parse_error(f"Character '{ch}' is reserved and must be escaped with the preceding '\\'")
        out.add(ch)
        i += 1
    if open_markers:
        marker, _, at = open_markers[-1]
        kind = _MD2_MARKERS[marker].capitalize()
        raise parse_error(f"Can't find end of {kind} entity at byte offset {_byte_offset(source, at)}")
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return out.text(), entities


def format_text(text: str, parse_mode: str | None, entities: list[Entity] | None) -> tuple[str, list[Entity]]:
    """Apply parse_mode (or explicit entities), then trim surrounding whitespace like Telegram."""
    mode = (parse_mode or "").strip()
    if mode.lower() == "html":
        plain, parsed = parse_html(text)
    elif mode == "MarkdownV2":
        plain, parsed = parse_markdown_v2(text)
    elif mode in ("", "Markdown"):
        # Legacy Markdown is rarely used; treat it as plain text rather than guessing its quirks.
        plain, parsed = text, list(entities or [])
    else:
        raise bad_request("unsupported parse_mode")
    return _trim(plain, parsed)


def _trim(text: str, entities: list[Entity]) -> tuple[str, list[Entity]]:
    stripped_left = text.lstrip(_WHITESPACE)
    shift = utf16_len(text) - utf16_len(stripped_left)
    trimmed = stripped_left.rstrip(_WHITESPACE)
    limit = utf16_len(trimmed)
    kept: list[Entity] = []
    for entity in entities:
        start = max(entity["offset"] - shift, 0)
        end = min(entity["offset"] + entity["length"] - shift, limit)
        if end > start:
            kept.append({**entity, "offset": start, "length": end - start})
    return trimmed, kept
