import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.conversations import services
from coproduce.conversations.models import Conversation, Participant, Statement, Vote
from coproduce.groups.tests.factories import OrganiserFactory
from coproduce.notifications.models import Notification
from coproduce.projects.tests.factories import owned_project

from .factories import (
    ConversationFactory,
    SignedLinkFactory,
    StatementFactory,
    conversation_with,
    moderator,
    officer,
    organiser,
)

pytestmark = pytest.mark.django_db


def _open(by, **fields):
    defaults = {"question": "What next?", "description": "Tell us.", "scope": "borough"}
    return services.conversation_open(by=by, **(defaults | fields))


def test_an_officer_opens_a_borough_conversation_as_a_draft():
    """An officer's new conversation is being set up until it is opened."""
    conversation = _open(officer())
    assert conversation.status == Conversation.Status.DRAFT


def test_a_resident_cannot_open_a_conversation():
    """Residents may take part but not open conversations."""
    with pytest.raises(NotAllowed):
        _open(UserFactory())


def test_an_organiser_opens_one_for_their_own_project():
    """An organiser who runs a project may open a conversation for it."""
    person = organiser()
    project = owned_project(owner=person)
    conversation = _open(person, scope="project", project=project)
    assert conversation.project == project


def test_an_organiser_cannot_open_one_for_the_whole_borough():
    """Borough and ward conversations are for officers."""
    with pytest.raises(NotAllowed):
        _open(organiser())


def test_an_organiser_cannot_open_one_for_someone_elses_project():
    """Organisers open conversations only for what they run."""
    with pytest.raises(NotAllowed):
        _open(organiser(), scope="project", project=owned_project())


def test_a_ward_conversation_needs_its_ward():
    """Choosing a ward scope without a ward is refused on the ward field."""
    with pytest.raises(Refusal) as refusal:
        _open(officer(), scope="ward")
    assert refusal.value.field == "ward"


def test_the_group_must_be_one_the_organiser_organises():
    """An organiser cannot name someone else's group as running it."""
    person = organiser()
    project = owned_project(owner=person)
    other = OrganiserFactory().organisation
    with pytest.raises(Refusal):
        _open(person, scope="project", project=project, group=other)


def test_opening_needs_two_shown_statements():
    """A conversation with fewer than two statements cannot be opened."""
    owner = officer()
    conversation = ConversationFactory(opened_by=owner, status=Conversation.Status.DRAFT)
    StatementFactory(conversation=conversation)
    with pytest.raises(Refusal):
        services.conversation_publish(by=owner, conversation=conversation)


def test_opening_and_closing():
    """The owner opens a draft to everyone and can close it again."""
    owner = officer()
    conversation, _ = conversation_with(2, opened_by=owner, status=Conversation.Status.DRAFT)
    services.conversation_publish(by=owner, conversation=conversation)
    closed = services.conversation_close(by=owner, conversation=conversation)
    assert closed.status == Conversation.Status.CLOSED


def test_seed_statements_show_at_once():
    """A statement by the people running it is shown without moderation."""
    owner = officer()
    conversation = ConversationFactory(opened_by=owner)
    statement = services.statement_seed(by=owner, conversation=conversation, text="More markets")
    assert statement.status == Statement.Status.SHOWN


def test_seeds_wait_when_the_conversation_says_so():
    """With seeds_wait, even the owner's statements wait for a moderator."""
    owner = officer()
    conversation = ConversationFactory(opened_by=owner, seeds_wait=True)
    statement = services.statement_seed(by=owner, conversation=conversation, text="More markets")
    assert statement.status == Statement.Status.WAITING


def test_a_residents_statement_waits_for_a_moderator():
    """A participant's own statement is not shown until a moderator says yes."""
    statement = services.statement_add(
        by=UserFactory(), conversation=ConversationFactory(), text="  Cheaper   veg  "
    )
    assert (statement.status, statement.text) == (Statement.Status.WAITING, "Cheaper veg")


def test_the_same_statement_twice_is_refused():
    """A statement already said in the conversation is refused on the text field."""
    conversation = ConversationFactory()
    services.statement_add(by=UserFactory(), conversation=conversation, text="Cheaper veg")
    with pytest.raises(Refusal) as refusal:
        services.statement_add(by=UserFactory(), conversation=conversation, text="Cheaper veg")
    assert refusal.value.field == "text"


def test_a_statement_over_140_characters_is_refused():
    """Statements are short: 141 characters is refused."""
    with pytest.raises(Refusal):
        services.statement_add(by=UserFactory(), conversation=ConversationFactory(), text="a" * 141)


def test_only_owners_add_when_the_conversation_says_so():
    """When only the people running it add statements, a resident is refused."""
    conversation = ConversationFactory(adding=Conversation.Adding.OWNERS)
    with pytest.raises(NotAllowed):
        services.statement_add(by=UserFactory(), conversation=conversation, text="Cheaper veg")


def test_a_moderator_approves_a_statement_and_its_author_is_told():
    """Approving shows the statement and notifies its author."""
    author = UserFactory()
    statement = services.statement_add(
        by=author, conversation=ConversationFactory(), text="Cheaper veg"
    )
    services.statement_decide(moderator=moderator(), pk=statement.pk, approve=True, reason="ok")
    statement.refresh_from_db()
    assert statement.status == Statement.Status.SHOWN
    assert Notification.objects.filter(recipient=author).count() == 1


def test_a_rejected_statement_is_never_shown():
    """Rejecting keeps the statement out, with the reason kept."""
    statement = services.statement_add(
        by=UserFactory(), conversation=ConversationFactory(), text="Cheaper veg"
    )
    services.statement_decide(moderator=moderator(), pk=statement.pk, approve=False, reason="Rude")
    statement.refresh_from_db()
    assert (statement.status, statement.moderation_reason) == (Statement.Status.REJECTED, "Rude")


def test_a_statement_is_decided_once():
    """A statement already decided cannot be decided again."""
    statement = StatementFactory(status=Statement.Status.WAITING)
    services.statement_decide(moderator=moderator(), pk=statement.pk, approve=True, reason="")
    with pytest.raises(Refusal):
        services.statement_decide(moderator=moderator(), pk=statement.pk, approve=False, reason="x")


def test_only_moderators_decide():
    """A resident cannot approve statements."""
    statement = StatementFactory(status=Statement.Status.WAITING)
    with pytest.raises(NotAllowed):
        services.statement_decide(moderator=UserFactory(), pk=statement.pk, approve=True, reason="")


def _participant(conversation):
    return services.participant_for_user(user=UserFactory(), conversation=conversation)


def test_a_vote_is_recorded_and_counted():
    """A first vote makes one row and adds one to the statement's counter."""
    conversation, (statement, _other) = conversation_with(2)
    services.vote_record(participant=_participant(conversation), statement=statement, value=1)
    statement.refresh_from_db()
    assert (statement.agree_count, statement.disagree_count, statement.pass_count) == (1, 0, 0)


def test_changing_a_vote_moves_the_count():
    """The last answer counts: the old counter goes down and the new one up, one row."""
    conversation, (statement, _other) = conversation_with(2)
    participant = _participant(conversation)
    services.vote_record(participant=participant, statement=statement, value=1)
    services.vote_record(participant=participant, statement=statement, value=-1)
    statement.refresh_from_db()
    assert (statement.agree_count, statement.disagree_count) == (0, 1)
    assert Vote.objects.get(participant=participant, statement=statement).value == -1


def test_the_same_vote_twice_changes_nothing():
    """Sending the same answer again leaves one vote and one count."""
    conversation, (statement, _other) = conversation_with(2)
    participant = _participant(conversation)
    for _ in range(3):
        services.vote_record(participant=participant, statement=statement, value=0)
    statement.refresh_from_db()
    assert (statement.pass_count, Vote.objects.count()) == (1, 1)


def test_a_waiting_statement_takes_no_votes():
    """Votes go only on shown statements."""
    conversation = ConversationFactory()
    statement = StatementFactory(conversation=conversation, status=Statement.Status.WAITING)
    with pytest.raises(Refusal):
        services.vote_record(participant=_participant(conversation), statement=statement, value=1)


def test_a_closed_conversation_takes_no_votes():
    """Once closed, votes are refused."""
    conversation, (statement, _other) = conversation_with(2, status=Conversation.Status.CLOSED)
    with pytest.raises(Refusal):
        services.vote_record(participant=_participant(conversation), statement=statement, value=1)


def test_a_vote_must_be_agree_disagree_or_pass():
    """Any other value is refused."""
    conversation, (statement, _other) = conversation_with(2)
    with pytest.raises(Refusal):
        services.vote_record(participant=_participant(conversation), statement=statement, value=2)


def test_joining_through_a_link_makes_a_participant_and_counts_it():
    """Each join makes a new participant without an account, and the link counts it."""
    link = SignedLinkFactory()
    participant = services.link_join(link=link)
    link.refresh_from_db()
    assert (participant.user, participant.link, link.joined) == (None, link, 1)


def test_a_closed_link_lets_nobody_new_join():
    """Closing a link refuses new joiners."""
    link = SignedLinkFactory()
    services.link_close(by=link.created_by, link=link)
    with pytest.raises(Refusal):
        services.link_join(link=link)
    assert Participant.objects.count() == 0


def test_only_those_running_it_make_links():
    """A resident cannot make a link."""
    with pytest.raises(NotAllowed):
        services.link_create(
            by=UserFactory(), conversation=ConversationFactory(), kind="street", label="Elm Road"
        )
