"""Collision avoidance on a circle: spread glyphs that are too close, moving each as little as possible."""

from __future__ import annotations

from collections.abc import Sequence


def spread_on_circle(angles: Sequence[float], min_gap: float) -> list[float]:
    """Display angles (degrees, same order as `angles`) at least `min_gap` apart around the circle.

    Points that are too close form a cluster laid out evenly around the mean of its true angles
    (least total displacement); clusters that then touch merge, until none overlap. The circle is
    cut at its widest empty arc so a cluster never straddles the cut at the start.
    """
    n = len(angles)
    if n < 2:
        return [a % 360.0 for a in angles]
    gap = min(min_gap, 360.0 / n)
    order = sorted(range(n), key=lambda i: (angles[i] % 360.0, i))
    values = [angles[i] % 360.0 for i in order]
    empty_after = [(values[(k + 1) % n] - values[k]) % 360.0 for k in range(n)]
    empty_after[-1] = empty_after[-1] or 360.0  # all points equal: the whole circle is free
    cut = max(range(n), key=lambda k: empty_after[k])
    start = (cut + 1) % n
    members = [order[(start + j) % n] for j in range(n)]
    linear = [values[(start + j) % n] + (360.0 if start + j >= n else 0.0) for j in range(n)]

    # Each cluster is a list of positions into `members`/`linear`, in increasing angle.
    clusters: list[list[float]] = [[v] for v in linear]
    keys: list[list[int]] = [[j] for j in range(n)]

    def first(cluster: list[float]) -> float:
        return sum(cluster) / len(cluster) - (len(cluster) - 1) * gap / 2.0

    def last(cluster: list[float]) -> float:
        return first(cluster) + (len(cluster) - 1) * gap

    for _ in range(n + 1):
        merged = True
        while merged:
            merged = False
            for i in range(len(clusters) - 1):
                if last(clusters[i]) + gap > first(clusters[i + 1]) + 1e-9:
                    clusters[i : i + 2] = [clusters[i] + clusters[i + 1]]
                    keys[i : i + 2] = [keys[i] + keys[i + 1]]
                    merged = True
                    break
        if len(clusters) == 1 or last(clusters[-1]) + gap <= first(clusters[0]) + 360.0 + 1e-9:
            break
        # The last cluster grew into the first one across the cut: move the first behind it.
        clusters = [*clusters[1:], [v + 360.0 for v in clusters[0]]]
        keys = [*keys[1:], keys[0]]

    result = [0.0] * n
    for cluster, cluster_keys in zip(clusters, keys, strict=True):
        base = first(cluster)
        for j, key in enumerate(cluster_keys):
            result[members[key]] = (base + j * gap) % 360.0
    return result
