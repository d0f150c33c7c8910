"""Pages for surveys: making and running them, answering them, and their results."""
