"""Pages of the toolkit: guides (views/guides.py) and courses (views/courses.py)."""
