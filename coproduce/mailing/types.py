"""What other apps hand to mailing, and what it tells them back."""

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Recipient:
    address: str  # email address; normalised (strip + lower) by mailing
    user_id: int | None = None  # the account, if any (for the subject access record)
    context: dict = field(default_factory=dict)  # merged into this person's email context
    unsubscribe_url: str = ""  # absolute one-click URL (RFC 8058 headers); "" = no header


@dataclass(frozen=True)
class Progress:
    total: int
    sent: int
    waiting: int  # not sent yet: waiting or being sent
    failed: int
    bounced: int
    skipped: int
    started_at: datetime | None
    finished_at: datetime | None

    @property
    def done(self) -> int:
        """Deliveries that will not change any more."""
        return self.sent + self.failed + self.bounced + self.skipped

    @property
    def percent(self) -> int:
        """How far through, as a whole percentage (100 when there is nothing to send)."""
        if not self.total:
            return 100
        return self.done * 100 // self.total
