"""What people holds about a person (see coproduce/personal_data/registry.py)."""

from coproduce.personal_data.registry import Erasure, declare

# The profile goes, and with it the skills on it (skills declares those).
declare("people.Profile", field="user", kind="profile", erase=Erasure.DELETE)
