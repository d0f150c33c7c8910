from .funding import (
    ApplicationForm,
    FundingFilterForm,
    OpportunityForm,
    OutcomeForm,
)
from .items import ItemFilterForm, ItemForm, ReplyForm

__all__ = [
    "ApplicationForm",
    "FundingFilterForm",
    "ItemFilterForm",
    "ItemForm",
    "OpportunityForm",
    "OutcomeForm",
    "ReplyForm",
]
