"""A reading as plain data: a title and themed sections of paragraphs, ready for any renderer."""

from __future__ import annotations

import html
from dataclasses import dataclass

# Theme codes let renderers (the PDF report) group sections without parsing headings.
THEMES: tuple[str, ...] = (
    "notes",
    "intro",
    "core",
    "personal",
    "social",
    "generational",
    "houses",
    "angles",
    "nodes",
    "aspects",
    "closing",
)


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]
    theme: str


@dataclass(frozen=True, slots=True)
class Reading:
    title: str
    sections: tuple[Section, ...]

    def as_text(self) -> str:
        """Plain text: title, then each heading and its paragraphs, blocks separated by blank lines."""
        blocks = [self.title]
        for section in self.sections:
            blocks.append(section.heading)
            blocks.extend(section.paragraphs)
        return "\n\n".join(blocks)

    def as_html(self) -> str:
        """Telegram HTML: <b> for the title and headings, <i> for notes; every text is escaped."""
        blocks = [f"<b>{html.escape(self.title)}</b>"]
        for section in self.sections:
            blocks.append(f"<b>{html.escape(section.heading)}</b>")
            if section.theme == "notes":
                blocks.extend(f"<i>{html.escape(p)}</i>" for p in section.paragraphs)
            else:
                blocks.extend(html.escape(p) for p in section.paragraphs)
        return "\n\n".join(blocks)
