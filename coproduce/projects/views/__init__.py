"""Pages of projects (projects.py) and of taking part in them (contributions.py)."""
