"""The metrics table model and its filter proxy, without a view, over a seeded database."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from review_fixtures import audit_rows, seeded_db, seeded_template  # noqa: F401

from app.gui.metrics_filter import NO_INDICATOR, REVIEWED, MetricsFilterProxy
from app.gui.metrics_model import Column, MetricsModel
from app.gui.roles import Role


@pytest.fixture
def store(seeded_db):
    from app.store.database import open_store
    opened = open_store(str(seeded_db), create=False)
    yield opened
    opened.close()


@pytest.fixture
def loaded(store):
    """(model, proxy, report_id) for the report with the most figures."""
    report_id = max(store.report_ids(), key=lambda rid: len(store.figures(rid)))
    model = MetricsModel(store)
    model.set_rows(store.figures(report_id))
    proxy = MetricsFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy, report_id


def test_models_pass_qt_model_tester(qtmodeltester, loaded):
    model, proxy, _ = loaded
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)


def test_rows_show_the_figures(loaded, store):
    model, _, report_id = loaded
    figures = store.figures(report_id)
    assert model.rowCount() == len(figures) > 0
    first = figures[0]
    assert model.index(0, Column.UNIT).data() == first.unit
    assert model.index(0, Column.VALUE).data(Role.SORT) == first.value
    assert model.index(0, 0).data(Role.FIGURE_ID) == first.id


@pytest.mark.parametrize("column, typed, expected", [
    (Column.VALUE, "1,234", {"value": 1234.0}),
    (Column.VALUE, "１２.５", {"value": 12.5}),
    (Column.VALUE, "twelve", None),
    (Column.VALUE, "inf", None),
    (Column.UNIT, "人次", {"unit": "人次"}),
    (Column.UNIT, "12件", None),
    (Column.UNIT, "", None),
    (Column.QUALIFIER, "more_than", {"qualifier": "more_than"}),
    (Column.QUALIFIER, "lots", None),
    (Column.INDICATOR, "cases_filed", {"indicator": "cases_filed"}),
    (Column.INDICATOR, "", {"indicator": None}),
    (Column.INDICATOR, "made_up", None),
])
def test_typed_values_are_validated(column, typed, expected):
    assert MetricsModel.validate(column, typed) == expected


def test_set_data_writes_a_correction_and_keeps_the_extracted_unit(loaded, store, seeded_db):
    model, _, report_id = loaded
    figure = model.figure_at(0)
    new_unit = "人次" if figure.unit != "人次" else "件"
    assert model.setData(model.index(0, Column.UNIT), new_unit)
    stored = store.figure(figure.id)
    assert stored.unit == new_unit and stored.status == "corrected" and stored.x_unit == figure.x_unit
    assert model.index(0, Column.STATUS).data(Role.STATUS) == "corrected"
    assert audit_rows(seeded_db, "correct")[-1]["figure_id"] == figure.id


def test_headline_checkbox_and_note(loaded, store):
    model, _, _ = loaded
    figure = model.figure_at(0)
    assert model.setData(model.index(0, Column.HEADLINE), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert store.figure(figure.id).headline
    assert model.setData(model.index(0, Column.NOTE), "two activities")
    assert store.figure(figure.id).note == "two activities"
    assert store.figure(figure.id).status == figure.status  # a note is not a correction


def test_filters_match_a_plain_python_filter(loaded, store):
    model, proxy, report_id = loaded
    store.confirm([model.figure_at(0).id])
    model.set_rows(store.figures(report_id))
    figures = model.figures()
    proxy.set_status("confirmed")
    assert proxy.rowCount() == 1
    proxy.set_status(REVIEWED)
    assert proxy.rowCount() == sum(f.status != "pending" for f in figures)
    proxy.set_status(None)
    proxy.set_min_confidence(0.6)
    assert proxy.rowCount() == sum(f.confidence >= 0.6 for f in figures)
    proxy.set_min_confidence(0)
    proxy.set_indicator(NO_INDICATOR)
    assert proxy.rowCount() == sum(not f.indicator for f in figures)
    proxy.set_indicator(None)
    proxy.set_qualifier("more_than")
    assert proxy.rowCount() == sum(f.qualifier == "more_than" for f in figures)
    proxy.set_qualifier(None)
    proxy.set_category("measures")
    assert proxy.rowCount() == sum(f.section_category == "measures" for f in figures)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_indicator_column_sorts_by_the_names_it_shows(loaded, language, monkeypatch):
    from app.gui import metrics_model
    monkeypatch.setattr(metrics_model, "interface_language", lambda: language)
    _model, proxy, _ = loaded
    proxy.sort(Column.INDICATOR, Qt.SortOrder.AscendingOrder)
    shown = [proxy.index(row, Column.INDICATOR).data() for row in range(proxy.rowCount())]
    named = [name for name in shown if name]
    assert len(set(named)) >= 3 and named == sorted(named)
    assert shown == sorted(shown)  # figures without an indicator (shown empty) come first


def test_sorting_by_value_uses_numbers(loaded):
    model, proxy, _ = loaded
    proxy.sort(Column.VALUE, Qt.SortOrder.DescendingOrder)
    values = [proxy.index(row, Column.VALUE).data(Role.SORT) for row in range(proxy.rowCount())]
    assert values == sorted(values, reverse=True)
