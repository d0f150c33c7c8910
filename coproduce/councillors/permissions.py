"""Who may do what with councillors' seats, surgeries and questions.

Officers add councillors to wards. Being a councillor rests on an accepted seat: the seat's
person answers its questions and holds its surgeries (ADR 0026).
"""

MANAGE_COUNCILLORS = "councillors.manage_councillors"


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def can_manage_councillors(user) -> bool:
    return _signed_in(user) and user.has_perm(MANAGE_COUNCILLORS)


def holds(user, seat) -> bool:
    """Whether this person is the councillor of this accepted seat."""
    return _signed_in(user) and seat.is_public and seat.person_id == user.pk


def can_answer(user, question) -> bool:
    return holds(user, question.seat)


def can_schedule_surgery(user, seat) -> bool:
    """The councillor, or an officer for them, while the seat is accepted."""
    return seat.is_public and (holds(user, seat) or can_manage_councillors(user))


def can_ask(user, seat) -> bool:
    """Any signed-in resident may ask an accepted councillor, except the councillor."""
    return _signed_in(user) and seat.is_public and seat.person_id != user.pk
