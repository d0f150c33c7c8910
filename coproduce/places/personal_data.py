"""What places holds about a person (see coproduce/personal_data/registry.py).

Places and photos belong to the borough once added; only the link to who added them goes.
"""

from coproduce.personal_data.registry import Erasure, declare

declare("places.Place", field="added_by", kind="places_added", erase=Erasure.ANONYMISE)
declare(
    "places.PlacePhoto", field="uploaded_by", kind="place_photos_added", erase=Erasure.ANONYMISE
)
