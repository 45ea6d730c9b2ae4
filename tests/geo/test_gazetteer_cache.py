"""The on-disk cache of the place index: written once, read back identical, rebuilt when unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest

from astralbot.geo.gazetteer import load_gazetteer


def test_cache_round_trip_and_recovery(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    build = load_gazetteer.__wrapped__  # the uncached function: each call consults the file

    first = build()
    files = list((tmp_path / "astralbot").glob("gazetteer-*.pickle"))
    assert len(files) == 1

    second = build()  # loaded from the file this time
    assert second is not first
    assert [p.geoname_id for p in second.search("Москва")] == [p.geoname_id for p in first.search("Москва")]
    assert len(second) == len(first)

    files[0].write_bytes(b"not a pickle")  # a truncated or foreign file is replaced, not trusted
    third = build()
    assert third.search("Питер")[0].name == "Saint Petersburg"
    assert files[0].read_bytes() != b"not a pickle"
