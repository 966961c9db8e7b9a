"""What every capability writes about a session for the others to read: its board state."""
