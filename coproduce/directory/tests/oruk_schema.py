"""The Open Referral UK 3.0 service structure, as a small JSON Schema, and a checker for it.

The jsonschema package is not installed, so `problems` understands the subset used here:
type, required, properties, items, enum, format "uuid", "date", "time", "date-time".
Field names and required keys follow the ORUK 3.0 profile (uk-profile/schema/*.json).
"""

import re
from typing import Any

UUID = {"type": "string", "format": "uuid"}
TEXT = {"type": "string"}
NUMBER = {"type": "number"}

TAXONOMY_TERM = {
    "type": "object",
    "required": ["id", "taxonomy"],
    "properties": {
        "id": UUID,
        "code": TEXT,
        "term": TEXT,
        "description": TEXT,
        "parent_id": UUID,
        "taxonomy": TEXT,
        "taxonomy_id": UUID,
        "term_uri": TEXT,
    },
}
ATTRIBUTE = {
    "type": "object",
    "required": ["id", "link_id", "taxonomy_term_id", "link_type", "taxonomy_term"],
    "properties": {
        "id": UUID,
        "link_id": UUID,
        "link_type": TEXT,
        "link_entity": {"type": "string", "enum": ["service"]},
        "taxonomy_term_id": UUID,
        "taxonomy_term": TAXONOMY_TERM,
    },
}
ADDRESS = {
    "type": "object",
    "required": ["id", "address_1", "postal_code", "country", "address_type"],
    "properties": {
        "id": UUID,
        "location_id": UUID,
        "address_1": TEXT,
        "city": TEXT,
        "postal_code": TEXT,
        "country": {"type": "string", "enum": ["GB"]},
        "address_type": {"type": "string", "enum": ["physical", "postal", "virtual"]},
    },
}
LOCATION = {
    "type": "object",
    "required": ["id", "name", "latitude", "longitude"],
    "properties": {
        "id": UUID,
        "name": TEXT,
        "description": TEXT,
        "latitude": NUMBER,
        "longitude": NUMBER,
        "addresses": {"type": "array", "items": ADDRESS},
        "accessibility": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id"],
                "properties": {"id": UUID, "location_id": UUID, "description": TEXT},
            },
        },
    },
}
SERVICE_AT_LOCATION = {
    "type": "object",
    "required": ["id", "service_id", "location_id", "location"],
    "properties": {"id": UUID, "service_id": UUID, "location_id": UUID, "location": LOCATION},
}
PHONE = {
    "type": "object",
    "required": ["id", "number"],
    "properties": {"id": UUID, "contact_id": UUID, "number": TEXT},
}
CONTACT = {
    "type": "object",
    "required": ["id", "service_id"],
    "properties": {
        "id": UUID,
        "service_id": UUID,
        "name": TEXT,
        "title": TEXT,
        "email": TEXT,
        "phones": {"type": "array", "items": PHONE},
    },
}
SCHEDULE = {
    "type": "object",
    "required": ["id", "freq", "byday"],
    "properties": {
        "id": UUID,
        "service_id": UUID,
        "service_at_location_id": UUID,
        "valid_from": {"type": "string", "format": "date"},
        "valid_to": {"type": "string", "format": "date"},
        "freq": {"type": "string", "enum": ["WEEKLY", "MONTHLY"]},
        "interval": NUMBER,
        "byday": {"type": "string", "format": "byday"},
        "opens_at": {"type": "string", "format": "time"},
        "closes_at": {"type": "string", "format": "time"},
        "description": TEXT,
    },
}
COST_OPTION = {
    "type": "object",
    "required": ["id", "service_id"],
    "properties": {
        "id": UUID,
        "service_id": UUID,
        "option": TEXT,
        "amount": NUMBER,
        "currency": {"type": "string", "enum": ["GBP"]},
        "amount_description": TEXT,
    },
}
ORGANIZATION = {
    "type": "object",
    "required": ["id", "name", "description"],
    "properties": {"id": UUID, "name": TEXT, "description": TEXT, "email": TEXT, "website": TEXT},
}
SERVICE = {
    "type": "object",
    "required": ["id", "name", "status", "url", "organization", "last_modified"],
    "properties": {
        "id": UUID,
        "organization_id": UUID,
        "name": TEXT,
        "description": TEXT,
        "url": TEXT,
        "email": TEXT,
        "status": {
            "type": "string",
            "enum": ["active", "inactive", "defunct", "temporarily closed"],
        },
        "fees": TEXT,
        "accreditations": TEXT,
        "eligibility_description": TEXT,
        "minimum_age": NUMBER,
        "maximum_age": NUMBER,
        "last_modified": {"type": "string", "format": "date-time"},
        "organization": ORGANIZATION,
        "service_at_locations": {"type": "array", "items": SERVICE_AT_LOCATION},
        "contacts": {"type": "array", "items": CONTACT},
        "schedules": {"type": "array", "items": SCHEDULE},
        "cost_options": {"type": "array", "items": COST_OPTION},
        "attributes": {"type": "array", "items": ATTRIBUTE},
    },
}
PAGE = {
    "type": "object",
    "required": [
        "total_items",
        "total_pages",
        "page_number",
        "size",
        "first_page",
        "last_page",
        "empty",
        "contents",
    ],
    "properties": {
        "total_items": {"type": "integer"},
        "total_pages": {"type": "integer"},
        "page_number": {"type": "integer"},
        "size": {"type": "integer"},
        "first_page": {"type": "boolean"},
        "last_page": {"type": "boolean"},
        "empty": {"type": "boolean"},
        "contents": {"type": "array", "items": SERVICE},
    },
}

FORMATS = {
    "uuid": re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
    "date": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "time": re.compile(r"^\d{2}:\d{2}:\d{2}$"),
    "date-time": re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"),
    "byday": re.compile(r"^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$"),
}
TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "integer": int,
    "number": (int, float),
}


def problems(value: Any, schema: dict, path: str = "$") -> list[str]:
    """Every way `value` breaks `schema`, each with its path; empty when it fits."""
    expected = TYPES[schema["type"]]
    is_bool = isinstance(value, bool)
    if not isinstance(value, expected) or (is_bool and schema["type"] != "boolean"):
        return [f"{path}: expected {schema['type']}, got {type(value).__name__}"]
    found = []
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{path}: {value!r} is not one of {schema['enum']}")
    if "format" in schema and not FORMATS[schema["format"]].match(value):
        found.append(f"{path}: {value!r} is not a {schema['format']}")
    if schema["type"] == "object":
        found += [
            f"{path}: missing {key}" for key in schema.get("required", []) if key not in value
        ]
        for key, child in schema.get("properties", {}).items():
            if key in value:
                found += problems(value[key], child, f"{path}.{key}")
    if schema["type"] == "array":
        for index, item in enumerate(value):
            found += problems(item, schema["items"], f"{path}[{index}]")
    return found
