"""The API's reference for people, read from its own OpenAPI document. Plain Python.

Swagger UI fails WCAG 2.2 AA (nested controls, contrast, small targets) and needs
JavaScript; this reference is the same document drawn as a plain page, so it cannot drift
from what the API does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

REF_PREFIX = "#/components/schemas/"


@dataclass(frozen=True)
class Kind:
    text: str  # "text", "whole number", "list of Project", ...
    choices: tuple[str, ...] = ()
    shape: str = ""  # the name of a shape it refers to, for a link


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    required: bool
    description: str
    where: str = ""  # for parameters: "query" or "path"


@dataclass(frozen=True)
class Answer:
    status: str
    description: str
    shape: str


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    parameters: tuple[Field, ...]
    answers: tuple[Answer, ...]
    body: str = ""  # the shape of what it takes in its body, for a write
    needs_token: bool = False

    @property
    def anchor(self) -> str:
        # Reads keep their old anchors; a write on the same path is told apart by its method.
        words = self.path if self.method == "GET" else f"{self.method} {self.path}"
        return "op-" + "".join(c if c.isalnum() else "-" for c in words.lower()).strip("-")


@dataclass(frozen=True)
class Section:
    title: str
    operations: tuple[Operation, ...]


@dataclass(frozen=True)
class Shape:
    name: str
    description: str
    fields: tuple[Field, ...]


TYPE_WORDS = {
    "string": "text",
    "integer": "whole number",
    "number": "number",
    "boolean": "true or false",
    "object": "object",
}
FORMAT_WORDS = {"date-time": "date and time", "date": "date", "uri": "web address", "uuid": "UUID"}


def kind_of(schema: dict[str, Any]) -> Kind:
    """Say in words what a JSON Schema allows; null alternatives become "or nothing"."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix(REF_PREFIX)
        return Kind(name, shape=name)
    options = schema.get("anyOf") or schema.get("oneOf")
    if options:
        real = [option for option in options if option.get("type") != "null"]
        kinds = [kind_of(option) for option in real]
        text = " or ".join(kind.text for kind in kinds)
        if len(real) < len(options):
            text += " or nothing"
        choices = tuple(choice for kind in kinds for choice in kind.choices)
        shape = next((kind.shape for kind in kinds if kind.shape), "")
        return Kind(text, choices, shape)
    if schema.get("type") == "array":
        inner = kind_of(schema.get("items", {}))
        return Kind(f"list of {inner.text}", inner.choices, inner.shape)
    choices = tuple(str(choice) for choice in schema.get("enum", ()))
    words = FORMAT_WORDS.get(schema.get("format", ""), TYPE_WORDS.get(schema.get("type"), ""))
    limits = []
    if "minimum" in schema:
        limits.append(f"at least {schema['minimum']}")
    if "maximum" in schema:
        limits.append(f"at most {schema['maximum']}")
    if "maxLength" in schema:
        limits.append(f"up to {schema['maxLength']} characters")
    if limits:
        words = f"{words} ({', '.join(limits)})"
    return Kind(words or "any", choices)


def _parameter(raw: dict[str, Any]) -> Field:
    schema = raw.get("schema", {})
    return Field(
        name=raw["name"],
        kind=kind_of(schema),
        required=bool(raw.get("required")),
        description=raw.get("description") or schema.get("description", ""),
        where=raw.get("in", ""),
    )


def _answer(status: str, raw: dict[str, Any]) -> Answer:
    schema = raw.get("content", {}).get("application/json", {}).get("schema", {})
    return Answer(str(status), raw.get("description", ""), kind_of(schema).shape)


def _body(raw: dict[str, Any]) -> str:
    content = raw.get("requestBody", {}).get("content", {})
    return kind_of(content.get("application/json", {}).get("schema", {})).shape


def sections(document: dict[str, Any]) -> list[Section]:
    """The operations grouped by their first tag, in the document's order."""
    grouped: dict[str, list[Operation]] = {}
    for path, methods in document.get("paths", {}).items():
        for method, raw in methods.items():
            operation = Operation(
                method=method.upper(),
                path=path,
                summary=raw.get("summary", ""),
                description=raw.get("description", ""),
                parameters=tuple(_parameter(p) for p in raw.get("parameters", ())),
                answers=tuple(_answer(s, a) for s, a in raw.get("responses", {}).items()),
                body=_body(raw),
                needs_token=bool(raw.get("security")),
            )
            grouped.setdefault((raw.get("tags") or [""])[0], []).append(operation)
    return [Section(title, tuple(operations)) for title, operations in grouped.items()]


def shapes(document: dict[str, Any]) -> list[Shape]:
    """Every shape an answer can take, with its fields, by name."""
    found = []
    for name, schema in sorted(document.get("components", {}).get("schemas", {}).items()):
        required = set(schema.get("required", ()))
        fields = tuple(
            Field(
                name=field,
                kind=kind_of(raw),
                required=field in required,
                description=raw.get("description", ""),
            )
            for field, raw in schema.get("properties", {}).items()
        )
        choices = tuple(str(choice) for choice in schema.get("enum", ()))
        description = schema.get("description", "")
        if choices and not fields:
            description = (description + " One of: " + ", ".join(choices) + ".").strip()
        found.append(Shape(name, description, fields))
    return found
