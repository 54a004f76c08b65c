"""The pure-Python core: decoding, extraction, checks and exports. Never imports Qt."""
