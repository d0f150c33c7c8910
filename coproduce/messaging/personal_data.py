"""What messaging holds about a person (see coproduce/personal_data/registry.py).

A closing account leaves the threads it was in: its messages stay, so the conversation
still reads for the others, but name no one ("a former member"); its consent to share an
email address goes with it.
"""

from coproduce.personal_data.registry import Erasure, declare

declare(
    "messaging.Thread",
    field="member",
    kind="message_threads_started",
    erase=Erasure.ANONYMISE,
)
declare(
    "messaging.Participant",
    field="user",
    kind="message_threads",
    erase=Erasure.ANONYMISE,
    clear={"user": None, "email_shared_at": None, "last_read_at": None},
)
declare(
    "messaging.Message",
    field="sender",
    kind="messages_sent",
    erase=Erasure.ANONYMISE,
)
declare(
    "messaging.ContactProtection",
    field="user",
    kind="protections_from_direct_messages",
    erase=Erasure.DELETE,
)
