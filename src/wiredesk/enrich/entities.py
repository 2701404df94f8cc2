"""The places, people and organisations of one story (an article or a brief): the spots
the finders give, put together into entities with stable ids and every mention.

- places and named organisations: the gazetteer (``gazetteer.py``), the dateline's place
  too;
- ministries and armed forces: cue words (``organisations.py``);
- people and bare roles: names by shape and cue (``people.py``), keyed by
  ``person_key`` so that one person has one id across stories and languages.
"""

from __future__ import annotations

import re

from wiredesk.enrich.cues import FIRST_NAMES
from wiredesk.enrich.gazetteer import find_names
from wiredesk.enrich.organisations import find_organisations
from wiredesk.enrich.people import find_people, person_key
from wiredesk.enrich.spots import Block, Spot
from wiredesk.model import DATELINE_BLOCK, HEADLINE_BLOCK, Entity, Mention

# A role "of" an organisation: "woordvoerder van het ministerie", "spokesman for the army".
_ROLE_OF = re.compile(
    r" (?:van (?:het |de )?|of (?:the )?|for (?:the )?|des |du |de la |de l'|der )"
)


def find_spots(blocks: list[Block], language: str | None) -> list[Spot]:
    """Every spot of the story's blocks, in reading order."""
    named: list[Spot] = []
    for block in blocks:
        for found in find_names(block.text, language):
            if block.index == DATELINE_BLOCK and found.named.type != "place":
                continue
            named.append(
                Spot(
                    type=found.named.type,
                    id=found.named.id,
                    name=found.named.name,
                    block=block.index,
                    start=found.start,
                    end=found.end,
                    country=found.named.country,
                    is_adjective=found.is_adjective,
                )
            )
    texts = {block.index: block.text for block in blocks}
    named = [spot for spot in named if not _is_first_name(spot, texts[spot.block])]
    places = [spot for spot in named if spot.type == "place"]
    home = next((spot.country for spot in places if spot.block == DATELINE_BLOCK), None)
    if home is None:  # no dateline: the country the story names first
        home = next((spot.country for spot in places if spot.country), None)
    organisations = find_organisations(blocks, places, home)
    taken = named + organisations
    people = find_people(blocks, taken)
    spots = [*taken, *people]
    _key_people([spot for spot in spots if spot.type == "person"])
    _link_roles(blocks, spots)
    spots.sort(key=lambda spot: (reading_order(spot.block), spot.start))
    return spots


def _is_first_name(spot: Spot, text: str) -> bool:
    """A place that is a first name before a surname: "Jordan Bardella", "Vladimir Poetin";
    ``text`` is the spot's block's."""
    if text[spot.start : spot.end] not in FIRST_NAMES or spot.block == DATELINE_BLOCK:
        return False
    rest = text[spot.end : spot.end + 2]
    return len(rest) == 2 and rest[0] == " " and rest[1].isupper()


# The headline's and the dateline's places in reading order (a body block's is its index
# plus two).
_READING_ORDER = {HEADLINE_BLOCK: 0, DATELINE_BLOCK: 1}


def reading_order(block: int) -> int:
    """Where a block comes when the story is read: the headline, the dateline, the body."""
    return _READING_ORDER.get(block, block + 2)


def _key_people(people: list[Spot]) -> None:
    """Give each person spot its id and the fullest name the story gives: one key for a
    surname, or for a full name where the story names two people of one surname."""
    full_names: dict[str, set[str]] = {}
    for spot in people:
        if " " in spot.name:
            full_names.setdefault(person_key(spot.name), set()).add(spot.name)
    for spot in people:
        key = person_key(spot.name)
        names = full_names.get(key, set())
        if len(names) > 1:
            full = spot.name if spot.name in names else sorted(names)[0]
            spot.id = "person:" + "-".join(person_key(part) for part in full.split())
            spot.name = full
        else:
            spot.id = f"person:{key}"
            spot.name = max(names, key=len) if names else spot.name
    roles: dict[str, str] = {}
    for spot in people:
        if spot.role is not None and spot.id is not None:
            roles.setdefault(spot.id, spot.role)
    for spot in people:
        if spot.role is None and spot.id is not None:
            spot.role = roles.get(spot.id)


def _link_roles(blocks: list[Block], spots: list[Spot]) -> None:
    """A role gets the organisation it is said to be of ("woordvoerder van het ministerie van
    Buitenlandse Zaken"); a bare role later in the story ("de woordvoerder") gets what the
    first one of its kind got."""
    texts = {block.index: block.text for block in blocks}
    organisations = [spot for spot in spots if spot.type == "organisation"]
    seen: dict[str, Spot] = {}
    roles = [spot for spot in spots if spot.type == "role"]
    for spot in sorted(roles, key=lambda spot: (reading_order(spot.block), spot.start)):
        if spot.role is None:
            continue
        text = texts[spot.block]
        for organisation in organisations:
            if organisation.block != spot.block or organisation.start < spot.end:
                continue
            if _ROLE_OF.fullmatch(text[spot.end : organisation.start]):
                spot.id, spot.country = organisation.id, organisation.country
                break
        if spot.id is None and spot.role in seen:
            spot.id = seen[spot.role].id
        if spot.id is not None:
            seen.setdefault(spot.role, spot)


def entities_of(spots: list[Spot], texts: dict[int, str]) -> tuple[Entity, ...]:
    """The entities the spots name, in the order the story first names them."""
    mentions: dict[str, list[Mention]] = {}
    first: dict[str, Spot] = {}
    for spot in spots:
        if spot.type == "role" or spot.id is None:
            continue
        first.setdefault(spot.id, spot)
        mentions.setdefault(spot.id, []).append(
            Mention(
                text=texts[spot.block][spot.start : spot.end],
                block=spot.block,
                start=spot.start,
                end=spot.end,
            )
        )
    return tuple(
        Entity(
            type=spot.type,  # type: ignore[arg-type]  # roles are left out above
            id=entity_id,
            name=spot.name,
            mentions=tuple(mentions[entity_id]),
        )
        for entity_id, spot in first.items()
    )
