"""The patient's at-home session."""
