"""Box statistics, yearly medians and agency types, against values worked out by hand."""
from app.core.agency_types import OTHER, agency_type, agency_type_name
import random
import statistics

from app.core.chart_stats import box_stats


def test_box_of_nine_values_with_one_outlier():
    values = [3, 1, 4, 1, 5, 9, 2, 6, 100]
    # sorted 1 1 2 3 4 5 6 9 100: median 4; lower half 1 1 2 3 -> q1 1.5; upper 5 6 9 100 -> q3 7.5
    # IQR 6, fences -7.5 .. 16.5: 100 is out, the whiskers end at 1 and 9
    box = box_stats(values)
    assert (box.n, box.q1, box.median, box.q3, box.low, box.high) == (9, 1.5, 4, 7.5, 1, 9)
    assert box.outliers == (8,)
    assert box_stats([]) is None
    single = box_stats([7])
    assert (single.q1, single.median, single.q3, single.outliers) == (7, 7, 7, ())


def test_box_quartiles_are_the_medians_of_the_halves_for_any_count():
    rng = random.Random(3)
    for n in range(1, 40):
        values = [rng.choice((rng.randint(0, 20), rng.lognormvariate(2, 1.5))) for _ in range(n)]
        ordered = sorted(values)
        box = box_stats(values)
        lower, upper = ordered[:n // 2] or ordered, ordered[(n + 1) // 2:] or ordered
        assert (box.n, box.median) == (n, statistics.median(values))
        assert (box.q1, box.q3) == (statistics.median(lower), statistics.median(upper))
        fence = 1.5 * (box.q3 - box.q1)
        assert box.outliers == tuple(i for i, v in enumerate(values) if not box.q1 - fence <= v <= box.q3 + fence)
        inside = [v for v in ordered if box.q1 - fence <= v <= box.q3 + fence]
        assert (box.low, box.high) == (inside[0], inside[-1])


def test_agency_type_from_the_end_of_the_name():
    assert agency_type("重庆市渝北区卫生健康委员会") == "health"
    assert agency_type("某市市场监督管理局") == "market_regulation"
    assert agency_type("某县司法局") == "justice"
    assert agency_type("某市人民政府") == "government"
    assert agency_type("某区生态环境局") == "environment"
    assert agency_type("某某协会") == OTHER
    assert agency_type(None) is None and agency_type("  ") is None
    assert agency_type_name("health", "zh_CN") == "卫生健康" and agency_type_name("health") == "Health commission"
