"""Filtering and sorting of the metrics table.

Filters read the FigureRow behind each source row directly (no display strings parsed back),
so filtering a few hundred figures stays instant.
"""
from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel

from app.gui.roles import Role

NO_INDICATOR = "__none__"  # filter value for figures that have no indicator yet
REVIEWED = "__reviewed__"  # filter value for every status but pending
CONFLICT = "__conflict__"  # filter value for figures whose reviewers disagreed (merge)


def refilter(proxy: QSortFilterProxyModel, change) -> None:
    """Apply a filter setting; Qt 6.10 deprecates invalidateFilter() for begin/endFilterChange()."""
    if hasattr(proxy, "beginFilterChange"):
        proxy.beginFilterChange()
        change()
        proxy.endFilterChange()
    else:
        change()
        proxy.invalidateFilter()


class MetricsFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(Role.SORT)
        self._status: str | None = None
        self._indicator: str | None = None
        self._category: str | None = None
        self._qualifier: str | None = None
        self._min_confidence = 0.0

    def set_status(self, status: str | None) -> None:
        refilter(self, lambda: setattr(self, "_status", status or None))

    def set_indicator(self, indicator: str | None) -> None:
        refilter(self, lambda: setattr(self, "_indicator", indicator or None))

    def set_category(self, category: str | None) -> None:
        refilter(self, lambda: setattr(self, "_category", category or None))

    def set_qualifier(self, qualifier: str | None) -> None:
        refilter(self, lambda: setattr(self, "_qualifier", qualifier or None))

    def set_min_confidence(self, minimum: float) -> None:
        refilter(self, lambda: setattr(self, "_min_confidence", float(minimum)))

    def is_filtering(self) -> bool:
        return any((self._status, self._indicator, self._category, self._qualifier, self._min_confidence))

    def filterAcceptsRow(self, source_row, source_parent) -> bool:
        figure = self.sourceModel().figure_at(source_row)
        if self._status == REVIEWED:
            if figure.status == "pending":
                return False
        elif self._status == CONFLICT:
            if not self.sourceModel().conflict_decisions(figure.id):
                return False
        elif self._status and figure.status != self._status:
            return False
        if self._indicator == NO_INDICATOR:
            if figure.indicator:
                return False
        elif self._indicator and figure.indicator != self._indicator:
            return False
        if self._category and figure.section_category != self._category:
            return False
        if self._qualifier and figure.qualifier != self._qualifier:
            return False
        return figure.confidence >= self._min_confidence
