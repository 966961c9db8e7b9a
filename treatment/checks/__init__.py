"""The pre-dose check, shared by the at-home check-in and the in-clinic record."""
