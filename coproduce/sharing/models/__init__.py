from .funding import (
    Funder,
    FundingApplication,
    FundingFollow,
    FundingOpportunity,
    FundingReminder,
    FundingTheme,
)
from .items import Item, ItemPhoto, ItemReply, Reservation

__all__ = [
    "Funder",
    "FundingApplication",
    "FundingFollow",
    "FundingOpportunity",
    "FundingReminder",
    "FundingTheme",
    "Item",
    "ItemPhoto",
    "ItemReply",
    "Reservation",
]
