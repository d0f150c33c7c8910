"""Pages for sharing out support: rounds, proposals and checks, voting, and results."""
