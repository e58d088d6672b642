import numpy as np
import pytest

from newsfuse.arrays import distinct


@pytest.mark.parametrize("size", [0, 1, 2, 7, 1000])
def test_distinct_is_numpy_unique(size: int) -> None:
    values = np.random.default_rng(size).integers(0, max(size // 3, 1), size)
    assert np.array_equal(distinct(values), np.unique(values))
    assert distinct(values).dtype == values.dtype


def test_distinct_keeps_its_input() -> None:
    values = np.array([3, 1, 3, 2])
    assert distinct(values).tolist() == [1, 2, 3]
    assert values.tolist() == [3, 1, 3, 2]
