"""Follow-up tasks, alerts, safety checks and reminders."""
