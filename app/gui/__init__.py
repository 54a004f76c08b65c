"""The Qt reviewer window. Imports the core and the store, never the other way round."""
