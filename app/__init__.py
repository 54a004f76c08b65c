"""Report Reviewer: turn rule-of-law government reports into a reviewed dataset."""

__version__ = "0.1.0"
APP_NAME = "Report Reviewer"
