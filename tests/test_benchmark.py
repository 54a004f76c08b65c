"""The benchmark's corpus generator makes valid reports, and the benchmark runs end to end.

No timing assertions: only that every measurement is printed beside its floor.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import bench_corpus

BENCHMARK = Path(__file__).resolve().parent / "benchmark.py"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    return folder, bench_corpus.generate_corpus(folder, 30, seed=7)


def test_same_seed_gives_the_same_files_and_another_seed_others(corpus, tmp_path):
    folder, reports = corpus
    again = bench_corpus.generate_corpus(tmp_path / "again", 30, seed=7)
    assert [(folder / r.file_name).read_bytes() for r in reports] == \
           [(tmp_path / "again" / r.file_name).read_bytes() for r in again]
    other = bench_corpus.generate_corpus(tmp_path / "other", 30, seed=8)
    assert [r.title for r in other] != [r.title for r in reports]


def test_files_mix_encodings_line_ends_and_web_pages(corpus):
    folder, reports = corpus
    by_kind = {r.kind: (folder / r.file_name).read_bytes() for r in reports}
    assert set(by_kind) == set(bench_corpus.KIND_WEIGHTS)
    assert by_kind["utf8_bom_crlf"].startswith(b"\xef\xbb\xbf") and b"\r\n" in by_kind["utf8_bom_crlf"]
    with pytest.raises(UnicodeDecodeError):
        by_kind["gb18030"].decode("utf-8")
    assert by_kind["html_utf8"].lstrip().lower().startswith(b"<!doctype html>")
    assert len({(folder / r.file_name).read_bytes() for r in reports}) == len(reports)


def test_each_report_has_title_sections_signature_and_date(corpus):
    folder, reports = corpus
    for report in (r for r in reports if r.kind == "utf8"):
        lines = (folder / report.file_name).read_text(encoding="utf-8").splitlines()
        assert lines[0] == f"{report.agency}关于{report.report_year}年法治政府建设情况的报告"
        assert [line[:2] for line in lines if line[1:2] == "、"] == ["一、", "二、", "三、", "四、", "五、"]
        year, month, day = (int(part) for part in report.publish_date.split("-"))
        assert lines[-2:] == [report.agency, f"{year}年{month}月{day}日"]
        assert report.region in report.agency and report.level in ("province", "city", "district", "county")


def test_generated_reports_decode_and_extract_to_what_was_generated(corpus):
    extract = pytest.importorskip("app.core.extract").extract
    read_report = pytest.importorskip("app.core.readers").read_report
    folder, reports = corpus
    for report in reports:
        _, decoded = read_report(folder / report.file_name)
        extraction = extract(decoded.text)
        found = extraction.metadata
        assert (found.title, found.agency, found.report_year) == \
               (report.title, report.agency, report.report_year), report.file_name
        assert len([s for s in extraction.sections if s.level == 1 and s.category in
                    ("measures", "responsibility", "problems", "plans", "other")]) == 5, report.file_name
        assert extraction.figures, report.file_name


def test_benchmark_runs_end_to_end_and_prints_every_measurement_with_its_floor(tmp_path):
    for module in ("app.core.extract", "app.store.importer", "app.store.dataset", "app.gui.main_window"):
        pytest.importorskip(module)
    done = subprocess.run([sys.executable, str(BENCHMARK), "--reports", "20", "--switches", "5",
                           "--keep", str(tmp_path / "work")], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads(done.stdout)
    assert results["errors"] == {}
    assert results["import"]["reports"] == 20 and results["import"]["failed"] == 0
    measurements = [
        results["decode_extract"]["single_process_reports_per_s"], results["decode_extract"]["all_cores_mb_per_s"],
        results["import"]["seconds"], results["import"]["figures_per_s"],
        results["open_window"]["usable_s"], results["switch_report"]["p95_s"],
        results["search"]["three_plus_chars"], results["search"]["two_chars"],
        results["table"]["filter_s"], results["table"]["sort_s"], results["table"]["report_list_sort_s"],
        results["table"]["report_list_filter_s"], results["table"]["report_list_first_sort_s"],
        results["table"]["report_list_first_filter_s"], results["memory"]["window_peak_mb"],
        results["memory"]["window_peak_before_charts_mb"],
        results["export"]["csv_long_s"], results["export"]["xlsx_long_s"], results["memory"]["program_peak_mb"],
    ]
    for measurement in measurements:
        assert measurement["value"] is not None and measurement["floor"] is not None, measurement
    for targeted in (results["import"]["seconds"], results["open_window"]["usable_s"],
                     results["switch_report"]["p95_s"], results["export"]["xlsx_long_s"],
                     results["memory"]["program_peak_mb"]):
        assert "target" in targeted and "pass" in targeted
    assert results["export"]["csv_long_s"]["rows"] == results["import"]["figures"]
    assert results["machine"]["cpus"] >= 1
    assert results["database"]["mb"] > 0 and results["database"]["kb_per_report"] > 0
    saved = json.loads((tmp_path / "work" / "phases.json").read_text(encoding="utf-8"))
    assert list(saved) == list(benchmark_module().PHASE_ORDER)
    assert not (tmp_path / "work" / "floor.db").exists()


def benchmark_module():
    sys.path.insert(0, str(BENCHMARK.parent))
    import benchmark
    return benchmark


def test_targets_are_those_of_the_corpus_size_with_import_and_export_scaled():
    benchmark = benchmark_module()
    small, basis = benchmark.targets_for(20_000)
    assert basis == benchmark.TARGET_REPORTS
    assert small["import_s"] == 2 * benchmark.TARGETS["import_s"]
    assert small["window_usable_s"] == benchmark.TARGETS["window_usable_s"]
    large, basis = benchmark.targets_for(100_000)
    assert basis == 100_000 and large == benchmark.LARGE_TARGETS
    assert large["import_s"] == 300 and large["switch_p95_s"] == 0.050 and large["report_list_s"] == 0.100
    assert benchmark.targets_for(200_000)[0]["export_csv_s"] == 2 * large["export_csv_s"]
    phases = {"extract": {}, "import": {"reports_per_s": 40.0}, "import_floor": {"reports_per_s": 100.0},
              "search": {}, "export": {}, "gui": {"skipped": True}}
    assembled = benchmark.assemble(phases, n_reports=100_000, workers=2, head={})
    assert assembled["import"]["rate_to_floor"] == {"value": 0.4, "floor": None, "target": 0.5, "pass": False}
    assert "import.rate_to_floor" in assembled["misses"]
