"""The SQLite store: schema, migrations, reports, figures, review edits and undo."""
