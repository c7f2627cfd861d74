"""Use cases of the strategy pages: the SWOT board, the strategic options (TOWS) and the goals.

Edits are built here from the plan's current state and returned (not run): the UI pushes
them onto its undo stack, tests call ``edits.run`` / ``edits.undo``. Each function returns
one edit = one undo step, so a drag of three cards into another quadrant, or "make a goal"
from an option (a goal, two links and the option's reference), is undone at once.

Positions: items of one SWOT quadrant (and goals, options, actions) are ordered by
``position`` then ``id``. A move renumbers the target quadrant 0..n-1 and changes only the
rows whose quadrant or position really changes; gaps left behind in the source quadrant
are harmless (the order is kept).

Reads for these pages live here too (``goal_rows``, ``goal_links``, ``goal_actions``): each
costs a fixed number of statements whatever the plan's size. ``problems_of_update`` lets the
UI ask the domain's validation about a change before making it, so a refusal can be shown
next to the field instead of in a dialog.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import select, text

from mktplanner.domain.enums import ActionStatus, Quadrant
from mktplanner.domain.errors import DomainError, Problem
from mktplanner.domain.rules.validation import TITLE_MAX, validate
from mktplanner.domain.tables import (
    TABLE_BY_NAME,
    Action,
    Goal,
    GoalSwotLink,
    SwotItem,
    TowsOption,
)
from mktplanner.services.edits import (
    Composite,
    Deferred,
    DeleteRow,
    Edit,
    InsertRow,
    UpdateRow,
    table_of,
)
from mktplanner.store.planfile import PlanFile

Row = dict[str, Any]

QUADRANTS: tuple[str, ...] = tuple(q.value for q in Quadrant)  # S, W, O, T
INTERNAL = frozenset({"S", "W"})
EXTERNAL = frozenset({"O", "T"})


# --- small reads --------------------------------------------------------------------------


def _scalar(plan: PlanFile, sql: str, params: Mapping[str, Any] | None = None) -> Any:
    with plan.session() as s:
        return s.execute(text(sql), dict(params or {})).scalar()


def _next_position(plan: PlanFile, table: str, where: str = "", **params: Any) -> int:
    sql = f"SELECT coalesce(max(position), -1) + 1 FROM {table}"  # noqa: S608 - fixed names
    if where:
        sql += f" WHERE {where}"
    return int(_scalar(plan, sql, params) or 0)


def _quadrant_order(plan: PlanFile) -> dict[str, list[int]]:
    """The ids of each quadrant in display order."""
    order: dict[str, list[int]] = {q: [] for q in QUADRANTS}
    with plan.session() as s:
        for ident, quadrant in s.execute(
            text("SELECT id, quadrant FROM swot_item ORDER BY position, id")
        ).all():
            order.setdefault(str(quadrant), []).append(int(ident))
    return order


def _positions(plan: PlanFile) -> dict[int, tuple[str, int]]:
    with plan.session() as s:
        return {
            int(i): (str(q), int(p))
            for i, q, p in s.execute(text("SELECT id, quadrant, position FROM swot_item")).all()
        }


def _check_quadrant(quadrant: str) -> None:
    if quadrant not in QUADRANTS:
        raise DomainError(
            [Problem("quadrant", "unknown_value", {"value": quadrant, "allowed": list(QUADRANTS)})]
        )


# --- SWOT items ---------------------------------------------------------------------------


def add_swot_item(
    plan: PlanFile,
    quadrant: str,
    text_: str,
    *,
    weight: int = 3,
    source: str = "analysis",
    note: str = "",
) -> InsertRow:
    """A new card at the end of its quadrant."""
    _check_quadrant(quadrant)
    position = _next_position(plan, "swot_item", "quadrant = :q", q=quadrant)
    return InsertRow(
        SwotItem,
        {
            "quadrant": quadrant,
            "text": text_.strip(),
            "weight": weight,
            "source": source,
            "note": note,
            "position": position,
        },
        label="add_swot_item",
    )


def edit_swot_item(item_id: int, changes: Mapping[str, Any]) -> UpdateRow:
    return UpdateRow(SwotItem, item_id, dict(changes), label="edit_swot_item")


def delete_swot_items(item_ids: Sequence[int]) -> Edit:
    """Delete cards (with their links and the options built on them) as one step."""
    if not item_ids:
        raise DomainError([Problem("id", "required")])
    if len(item_ids) == 1:
        return DeleteRow(SwotItem, item_ids[0], label="delete_swot_item")
    return Composite("delete_swot_item", [DeleteRow(SwotItem, i) for i in item_ids])


def move_swot_items(
    plan: PlanFile, item_ids: Sequence[int], quadrant: str, before_id: int | None = None
) -> Edit | None:
    """Move cards into ``quadrant`` (their own or another), placed before ``before_id`` (a card
    of that quadrant) or at its end. The moved cards keep their relative order. ``None`` when
    nothing would change (dropped where they already are)."""
    _check_quadrant(quadrant)
    current = _positions(plan)
    order = _quadrant_order(plan)
    moving = [i for i in _unique(item_ids) if i in current]
    if not moving:
        return None
    # Keep the cards' visual order: by quadrant as shown, then by their place in it.
    rank = {ident: (QUADRANTS.index(q), n) for q in QUADRANTS for n, ident in enumerate(order[q])}
    moving.sort(key=lambda i: rank.get(i, (9, 0)))
    target = [i for i in order.get(quadrant, []) if i not in moving]
    at = target.index(before_id) if before_id in target else len(target)
    target[at:at] = moving
    updates: list[Edit] = []
    for position, ident in enumerate(target):
        q, p = current[ident]
        changes: dict[str, Any] = {}
        if q != quadrant:
            changes["quadrant"] = quadrant
        if p != position:
            changes["position"] = position
        if changes:
            updates.append(UpdateRow(SwotItem, ident, changes))
    if not updates:
        return None
    return Composite("move_swot_item", updates)


def _unique(ids: Iterable[int]) -> list[int]:
    seen: set[int] = set()
    out = []
    for i in ids:
        if i not in seen:
            seen.add(i)
            out.append(int(i))
    return out


# --- strategic options (TOWS) -------------------------------------------------------------


def tows_kind(internal_quadrant: str, external_quadrant: str) -> str:
    """SO (use), ST (defend), WO (improve) or WT (avoid)."""
    return f"{internal_quadrant}{external_quadrant}"


def _quadrants_of(plan: PlanFile, ids: Iterable[int]) -> dict[int, str]:
    wanted = [int(i) for i in ids]
    if not wanted:
        return {}
    marks = ", ".join(f":i{n}" for n in range(len(wanted)))
    params = {f"i{n}": v for n, v in enumerate(wanted)}
    with plan.session() as s:
        return {
            int(i): str(q)
            for i, q in s.execute(
                text(f"SELECT id, quadrant FROM swot_item WHERE id IN ({marks})"),  # noqa: S608
                params,
            ).all()
        }


def _check_pair(plan: PlanFile, internal_id: int, external_id: int) -> None:
    found = _quadrants_of(plan, (internal_id, external_id))
    problems = []
    if found.get(internal_id) not in INTERNAL:
        code = "unknown_reference" if internal_id not in found else "not_internal"
        problems.append(Problem("internal_id", code, {"value": found.get(internal_id)}))
    if found.get(external_id) not in EXTERNAL:
        code = "unknown_reference" if external_id not in found else "not_external"
        problems.append(Problem("external_id", code, {"value": found.get(external_id)}))
    if problems:
        raise DomainError(problems)


def add_tows_option(plan: PlanFile, internal_id: int, external_id: int, text_: str) -> InsertRow:
    """An option pairing a strength or weakness with an opportunity or threat."""
    _check_pair(plan, internal_id, external_id)
    return InsertRow(
        TowsOption,
        {
            "internal_id": internal_id,
            "external_id": external_id,
            "text": text_.strip(),
            "position": _next_position(plan, "tows_option"),
        },
        label="add_tows_option",
    )


def edit_tows_option(plan: PlanFile, option_id: int, changes: Mapping[str, Any]) -> UpdateRow:
    """Change an option's text or its pair (the pair is checked: S/W with O/T)."""
    changes = dict(changes)
    if "internal_id" in changes or "external_id" in changes:
        with plan.session() as s:
            row = s.execute(
                text("SELECT internal_id, external_id FROM tows_option WHERE id = :i"),
                {"i": option_id},
            ).first()
        if row is None:
            raise DomainError(
                [Problem("id", "not_found", {"table": "tows_option", "id": option_id})]
            )
        _check_pair(
            plan,
            int(changes.get("internal_id", row[0])),
            int(changes.get("external_id", row[1])),
        )
    return UpdateRow(TowsOption, option_id, changes, label="edit_tows_option")


def tows_to_goal(plan: PlanFile, option_id: int, title: str | None = None) -> Edit:
    """Make a goal of an option: a new goal (titled by the option unless ``title``) linked to
    both of the option's SWOT items, and the option pointing at it, as one undo step."""
    with plan.session() as s:
        row = s.execute(
            text("SELECT internal_id, external_id, text, goal_id FROM tows_option WHERE id = :i"),
            {"i": option_id},
        ).first()
    if row is None:
        raise DomainError([Problem("id", "not_found", {"table": "tows_option", "id": option_id})])
    internal_id, external_id, option_text, goal_id = row
    if goal_id is not None:
        raise DomainError([Problem("goal_id", "has_goal", {"goal_id": goal_id})])
    name = (title if title is not None else str(option_text)).strip()
    if len(name) > TITLE_MAX:
        name = name[: TITLE_MAX - 1].rstrip() + "…"
    goal = InsertRow(
        Goal,
        {"title": name, "position": _next_position(plan, "goal")},
        label="add_goal",
    )

    def then(first: Edit) -> Edit:
        assert isinstance(first, InsertRow)
        new_goal = first.key
        links = [
            InsertRow(GoalSwotLink, {"goal_id": new_goal, "swot_item_id": item})
            for item in _unique((int(internal_id), int(external_id)))
        ]
        return Composite(
            "goal_from_option",
            [*links, UpdateRow(TowsOption, option_id, {"goal_id": new_goal})],
        )

    return Deferred("goal_from_option", goal, then)


def goal_of(edit: Edit) -> int | None:
    """The id of the goal a ``tows_to_goal`` or ``add_goal`` edit made (after it ran)."""
    if isinstance(edit, Deferred):
        edit = edit.first
    if isinstance(edit, InsertRow) and edit.table.name == "goal":
        key = edit.key
        return int(key) if key is not None else None
    return None


# --- goals --------------------------------------------------------------------------------


def add_goal(plan: PlanFile, title: str, **values: Any) -> InsertRow:
    """A new goal at the end of the list."""
    row = {"title": title.strip(), "position": _next_position(plan, "goal"), **values}
    return InsertRow(Goal, row, label="add_goal")


def edit_goal(goal_id: int, changes: Mapping[str, Any]) -> UpdateRow:
    return UpdateRow(Goal, goal_id, dict(changes), label="edit_goal")


def set_goal_links(plan: PlanFile, goal_id: int, swot_ids: Iterable[int]) -> Edit | None:
    """Link the goal to exactly these SWOT items (one step); ``None`` when already so."""
    wanted = set(_unique(swot_ids))
    with plan.session() as s:
        have = {
            int(r[0])
            for r in s.execute(
                text("SELECT swot_item_id FROM goal_swot WHERE goal_id = :g"), {"g": goal_id}
            ).all()
        }
    known = _quadrants_of(plan, wanted)
    missing = wanted - set(known)
    if missing:
        raise DomainError(
            [Problem("swot_item_id", "unknown_reference", {"value": sorted(missing)[0]})]
        )
    parts: list[Edit] = [
        DeleteRow(GoalSwotLink, (goal_id, item)) for item in sorted(have - wanted)
    ] + [
        InsertRow(GoalSwotLink, {"goal_id": goal_id, "swot_item_id": item})
        for item in sorted(wanted - have)
    ]
    if not parts:
        return None
    return Composite("link_goal", parts)


def add_goal_action(
    plan: PlanFile,
    goal_id: int,
    title: str,
    *,
    owner_id: int | None = None,
    start: dt.date | None = None,
    due: dt.date | None = None,
    status: str = ActionStatus.PLANNED.value,
) -> InsertRow:
    """A tactical action serving the goal (it appears in the tactical plan as well)."""
    return InsertRow(
        Action,
        {
            "title": title.strip(),
            "goal_id": goal_id,
            "owner_id": owner_id,
            "start": start,
            "due": due,
            "status": status,
            "position": _next_position(plan, "action"),
        },
        label="add_action",
    )


# --- asking before writing ----------------------------------------------------------------


def problems_of_update(
    plan: PlanFile, table: str, key: Any, changes: Mapping[str, Any]
) -> list[Problem]:
    """What the domain's validation would say about ``changes`` to row ``key`` (nothing is
    written). The same rules ``UpdateRow`` applies, so an empty list means it will pass."""
    model = TABLE_BY_NAME[table]
    tbl = table_of(model)
    pk = list(tbl.primary_key.columns)
    with plan.session() as s:
        current = s.execute(select(tbl).where(pk[0] == key)).mappings().first()
    if current is None:
        return [Problem("id", "not_found", {"table": table, "id": key})]
    names = {c.name for c in tbl.columns}
    unknown = sorted(set(changes) - names)
    if unknown:
        return [Problem(unknown[0], "unknown_field")]
    merged = dict(current)
    merged.update(changes)
    for name, value in changes.items():
        if isinstance(value, float) and not math.isfinite(value):
            return [Problem(name, "not_a_number")]
    return validate(table, merged)


def problems_of_insert(table: str, values: Mapping[str, Any]) -> list[Problem]:
    """What validation would say about a new row with ``values`` (the model's defaults apply)."""
    model = TABLE_BY_NAME[table]
    tbl = table_of(model)
    try:
        obj = model(**values)
    except (TypeError, ValueError):
        return [Problem("", "wrong_type", {"expected": table})]
    row = {c.name: getattr(obj, c.name) for c in tbl.columns}
    return validate(table, row)


# --- reads of the goals page --------------------------------------------------------------


def goal_rows(plan: PlanFile, today: dt.date | None = None) -> list[Row]:
    """Every goal as the goals page lists it: ``views.goals`` columns plus ``smart`` (the
    domain's ``SmartResult``), ``smart_letters`` ("SM-RT"), ``swot_ids``, ``expected``
    (progress expected today) and ``track`` (on_track / off_track / reached / unknown).
    Five statements whatever the number of goals."""
    from mktplanner.domain.rules.goals import goal_status
    from mktplanner.domain.rules.smart import SmartInput, check_smart
    from mktplanner.services import views

    today = today or dt.date.today()
    rows = views.goals(plan)
    profile = views.plan_profile(plan)
    links: dict[int, list[int]] = {}
    points: dict[int, list[tuple[dt.date, float]]] = {}
    with plan.session() as s:
        for goal_id, item in s.execute(
            text("SELECT goal_id, swot_item_id FROM goal_swot ORDER BY goal_id, swot_item_id")
        ).all():
            links.setdefault(int(goal_id), []).append(int(item))
        for goal_id, day, value in s.execute(
            text("SELECT goal_id, date, value FROM measurement ORDER BY goal_id, date, id")
        ).all():
            points.setdefault(int(goal_id), []).append(
                (dt.date.fromisoformat(str(day)[:10]), float(value))
            )
    mission = bool((profile.mission or "").strip())
    for row in rows:
        ids = links.get(row["id"], [])
        smart = check_smart(
            SmartInput(
                title=row["title"] or "",
                metric=row["metric"] or "",
                baseline=row["baseline"],
                target=row["target"],
                deadline=row["deadline"],
                baseline_date=row["baseline_date"],
                linked_swot_count=len(ids),
                mission_nonempty=mission,
                jump_threshold=profile.jump_threshold,
            )
        )
        status = goal_status(
            points.get(row["id"], []),
            row["baseline"],
            row["target"],
            row["baseline_date"],
            row["deadline"],
            today,
        )
        row["swot_ids"] = ids
        row["smart"] = smart
        row["smart_letters"] = smart.letters
        row["expected"] = status.expected
        row["track"] = str(status.track)
    return rows


def goal_links(plan: PlanFile, goal_id: int) -> list[Row]:
    """The SWOT items a goal is linked to (id, quadrant, text), in the board's order."""
    with plan.session() as s:
        result = s.execute(
            text(
                """
                SELECT s.id, s.quadrant, s.text FROM goal_swot g
                JOIN swot_item s ON s.id = g.swot_item_id
                WHERE g.goal_id = :g
                ORDER BY CASE s.quadrant WHEN 'S' THEN 0 WHEN 'W' THEN 1 WHEN 'O' THEN 2
                         ELSE 3 END, s.position, s.id
                """
            ),
            {"g": goal_id},
        ).mappings()
        return [dict(r) for r in result]


def goal_actions(plan: PlanFile, goal_id: int) -> list[Row]:
    """The tactical actions serving a goal: title, owner, dates, status (in the plan's order)."""
    with plan.session() as s:
        result = s.execute(
            text(
                """
                SELECT a.id, a.title, a.owner_id, p.name AS owner_name, a.start, a.due,
                       a.status, a.position
                FROM action a LEFT JOIN person p ON p.id = a.owner_id
                WHERE a.goal_id = :g
                ORDER BY coalesce(a.start, a.due, '9999-12-31'), a.position, a.id
                """
            ),
            {"g": goal_id},
        ).mappings()
        rows = [dict(r) for r in result]
    for row in rows:
        for name in ("start", "due"):
            value = row.get(name)
            row[name] = dt.date.fromisoformat(str(value)[:10]) if value else None
    return rows
