import factory
from django.utils.text import slugify

from coproduce.places.models import Place, Street, Ward

# A small square around central London, counter-clockwise, as GeoJSON wants.
SQUARE = {
    "type": "Polygon",
    "coordinates": [
        [[-0.11, 51.49], [-0.09, 51.49], [-0.09, 51.51], [-0.11, 51.51], [-0.11, 51.49]]
    ],
}


class WardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ward

    name = factory.Sequence(lambda n: f"Test Ward {n}")
    slug = factory.LazyAttribute(lambda ward: slugify(ward.name))
    boundary = factory.LazyFunction(lambda: dict(SQUARE))
    centre_latitude = 51.5
    centre_longitude = -0.1


class StreetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Street

    name = factory.Sequence(lambda n: f"Test Street {n:05d}")
    ward = factory.SubFactory(WardFactory)
    centre_latitude = 51.5
    centre_longitude = -0.1


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    kind = Place.Kind.BUILDING
    name = factory.Sequence(lambda n: f"Test Place {n:05d}")
    ward = factory.SubFactory(WardFactory)
    latitude = 51.5
    longitude = -0.1
