"""What skills holds about a person (see coproduce/personal_data/registry.py)."""

from coproduce.personal_data.registry import Erasure, declare

# Each skill a person holds, with its evidence and recognition.
declare("skills.PersonSkill", field="profile__user", kind="skills", erase=Erasure.DELETE)
