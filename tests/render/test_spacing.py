import pytest

from astralbot.render.spacing import spread_on_circle


def circular_gap(a: float, b: float) -> float:
    return abs((a - b + 180.0) % 360.0 - 180.0)


@pytest.mark.parametrize(
    "angles",
    [
        [52.1, 54.3, 58.9],
        [278.4, 283.9, 292.6, 303.2, 310.2],
        [358.0, 359.5, 0.5, 2.0],  # a cluster straddling 0° Aries
        [10.0, 10.0, 10.0, 10.0],
        [float(i) for i in range(0, 360, 5)],  # more points than fit: the gap shrinks to 360/n
    ],
)
def test_spread_points_keep_the_minimum_gap(angles: list[float]) -> None:
    gap = min(7.0, 360.0 / len(angles))
    placed = spread_on_circle(angles, 7.0)
    for i in range(len(placed)):
        for j in range(i + 1, len(placed)):
            assert circular_gap(placed[i], placed[j]) >= gap - 1e-6


def test_points_far_apart_do_not_move() -> None:
    angles = [0.0, 90.0, 180.0, 270.0]
    assert spread_on_circle(angles, 7.0) == pytest.approx(angles)


def test_a_cluster_is_centred_on_its_true_positions_and_keeps_order() -> None:
    placed = spread_on_circle([100.0, 101.0, 102.0], 7.0)
    assert placed == pytest.approx([94.0, 101.0, 108.0])


def test_a_cluster_across_zero_stays_around_zero() -> None:
    placed = spread_on_circle([359.0, 1.0], 7.0)
    assert circular_gap(placed[0], 356.5) < 1e-6
    assert circular_gap(placed[1], 3.5) < 1e-6
