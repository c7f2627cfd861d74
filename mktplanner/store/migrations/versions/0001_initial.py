"""The first schema: every level of the planning method.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "budget",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mode", sa.String(), nullable=False),
        sa.Column("basis", sa.String(), nullable=False),
        sa.Column("total_minor", sa.Integer(), nullable=False),
        sa.Column("rollover", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "channel",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("color", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "direction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("color", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("weekly_hours", sa.Float(), nullable=False),
        sa.Column("unplannable_share", sa.Float(), nullable=False),
        sa.Column("manager_id", sa.Integer(), nullable=True),
        sa.Column("active_from", sa.Date(), nullable=True),
        sa.Column("active_to", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["manager_id"], ["person.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_person_manager_id"), "person", ["manager_id"], unique=False)
    op.create_table(
        "plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("company", sa.String(), nullable=False),
        sa.Column("mission", sa.String(), nullable=False),
        sa.Column("values", sa.String(), nullable=False),
        sa.Column("currency", sa.String(), nullable=False),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("fiscal_year_start", sa.Integer(), nullable=False),
        sa.Column("default_weekly_hours", sa.Float(), nullable=False),
        sa.Column("plan_share", sa.Float(), nullable=False),
        sa.Column("jump_threshold", sa.Float(), nullable=False),
        sa.Column("tactical_start", sa.Date(), nullable=True),
        sa.Column("tactical_months", sa.Integer(), nullable=False),
        sa.Column("report_cadence", sa.String(), nullable=False),
        sa.Column("report_maker", sa.String(), nullable=False),
        sa.Column("report_reader", sa.String(), nullable=False),
        sa.Column("report_actor", sa.String(), nullable=False),
        sa.Column("created", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "swot_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("quadrant", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "channel_result",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("spend_minor", sa.Integer(), nullable=True),
        sa.Column("impressions", sa.Integer(), nullable=False),
        sa.Column("clicks", sa.Integer(), nullable=False),
        sa.Column("leads", sa.Integer(), nullable=False),
        sa.Column("customers", sa.Integer(), nullable=False),
        sa.Column("revenue_minor", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["channel_id"], ["channel.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("channel_id", "month"),
    )
    op.create_index(
        op.f("ix_channel_result_channel_id"), "channel_result", ["channel_id"], unique=False
    )
    op.create_table(
        "goal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("metric", sa.String(), nullable=False),
        sa.Column("unit", sa.String(), nullable=False),
        sa.Column("baseline", sa.Float(), nullable=True),
        sa.Column("target", sa.Float(), nullable=True),
        sa.Column("baseline_date", sa.Date(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["person.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_goal_owner_id"), "goal", ["owner_id"], unique=False)
    op.create_table(
        "hypothesis",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=True),
        sa.Column("test_budget_minor", sa.Integer(), nullable=False),
        sa.Column("start", sa.Date(), nullable=True),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("metric", sa.String(), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=True),
        sa.Column("result", sa.Float(), nullable=True),
        sa.Column("decision", sa.String(), nullable=False),
        sa.Column("learned", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["channel_id"], ["channel.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_hypothesis_channel_id"), "hypothesis", ["channel_id"], unique=False)
    op.create_table(
        "weekly_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("iso_year", sa.Integer(), nullable=False),
        sa.Column("iso_week", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("submitted_on", sa.Date(), nullable=True),
        sa.Column("approved_on", sa.Date(), nullable=True),
        sa.Column("approved_by_id", sa.Integer(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("note", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["approved_by_id"], ["person.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("person_id", "iso_year", "iso_week"),
    )
    op.create_index(
        op.f("ix_weekly_plan_approved_by_id"), "weekly_plan", ["approved_by_id"], unique=False
    )
    op.create_index(op.f("ix_weekly_plan_person_id"), "weekly_plan", ["person_id"], unique=False)
    op.create_table(
        "action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("direction_id", sa.Integer(), nullable=True),
        sa.Column("goal_id", sa.Integer(), nullable=True),
        sa.Column("channel_id", sa.Integer(), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("start", sa.Date(), nullable=True),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("budget_minor", sa.Integer(), nullable=True),
        sa.Column("expected_result", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("recurrence", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["channel_id"], ["channel.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["direction_id"], ["direction.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["goal_id"], ["goal.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["owner_id"], ["person.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_action_channel_id"), "action", ["channel_id"], unique=False)
    op.create_index(op.f("ix_action_direction_id"), "action", ["direction_id"], unique=False)
    op.create_index(op.f("ix_action_goal_id"), "action", ["goal_id"], unique=False)
    op.create_index(op.f("ix_action_owner_id"), "action", ["owner_id"], unique=False)
    op.create_table(
        "goal_swot",
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("swot_item_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["goal_id"], ["goal.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["swot_item_id"], ["swot_item.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("goal_id", "swot_item_id"),
    )
    op.create_index(op.f("ix_goal_swot_swot_item_id"), "goal_swot", ["swot_item_id"], unique=False)
    op.create_table(
        "measurement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["goal_id"], ["goal.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_measurement_goal_id"), "measurement", ["goal_id"], unique=False)
    op.create_table(
        "tows_option",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("internal_id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["external_id"], ["swot_item.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["goal_id"], ["goal.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["internal_id"], ["swot_item.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_tows_option_external_id"), "tows_option", ["external_id"], unique=False
    )
    op.create_index(op.f("ix_tows_option_goal_id"), "tows_option", ["goal_id"], unique=False)
    op.create_index(
        op.f("ix_tows_option_internal_id"), "tows_option", ["internal_id"], unique=False
    )
    op.create_table(
        "weekly_metric",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("weekly_plan_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("unit", sa.String(), nullable=False),
        sa.Column("planned", sa.Float(), nullable=False),
        sa.Column("actual", sa.Float(), nullable=True),
        sa.Column("not_measured", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["weekly_plan_id"], ["weekly_plan.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_weekly_metric_weekly_plan_id"), "weekly_metric", ["weekly_plan_id"], unique=False
    )
    op.create_table(
        "budget_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=True),
        sa.Column("action_id", sa.Integer(), nullable=True),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["action_id"], ["action.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["channel_id"], ["channel.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("month", "channel_id", "action_id"),
    )
    op.create_index(op.f("ix_budget_line_action_id"), "budget_line", ["action_id"], unique=False)
    op.create_index(op.f("ix_budget_line_channel_id"), "budget_line", ["channel_id"], unique=False)
    op.create_table(
        "control_point",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(), nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=True),
        sa.Column("action_id", sa.Integer(), nullable=True),
        sa.Column("controller_id", sa.Integer(), nullable=True),
        sa.Column("cadence", sa.String(), nullable=False),
        sa.Column("limit_minor", sa.Integer(), nullable=False),
        sa.Column("next_due", sa.Date(), nullable=True),
        sa.Column("note", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["action_id"], ["action.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["channel_id"], ["channel.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["controller_id"], ["person.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_control_point_action_id"), "control_point", ["action_id"], unique=False
    )
    op.create_index(
        op.f("ix_control_point_channel_id"), "control_point", ["channel_id"], unique=False
    )
    op.create_index(
        op.f("ix_control_point_controller_id"), "control_point", ["controller_id"], unique=False
    )
    op.create_table(
        "expense",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("is_refund", sa.Boolean(), nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=True),
        sa.Column("action_id", sa.Integer(), nullable=True),
        sa.Column("hypothesis_id", sa.Integer(), nullable=True),
        sa.Column("payee", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("import_key", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["action_id"], ["action.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["channel_id"], ["channel.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["hypothesis_id"], ["hypothesis.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("import_key"),
    )
    op.create_index(op.f("ix_expense_action_id"), "expense", ["action_id"], unique=False)
    op.create_index(op.f("ix_expense_channel_id"), "expense", ["channel_id"], unique=False)
    op.create_index(op.f("ix_expense_date"), "expense", ["date"], unique=False)
    op.create_index(op.f("ix_expense_hypothesis_id"), "expense", ["hypothesis_id"], unique=False)
    op.create_table(
        "weekly_task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("weekly_plan_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=True),
        sa.Column("occurrence", sa.Date(), nullable=True),
        sa.Column("end_product", sa.String(), nullable=False),
        sa.Column("est_hours", sa.Float(), nullable=False),
        sa.Column("actual_hours", sa.Float(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("regular", sa.Boolean(), nullable=False),
        sa.Column("unplanned", sa.Boolean(), nullable=False),
        sa.Column("carried", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["action_id"], ["action.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["weekly_plan_id"], ["weekly_plan.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_weekly_task_action_id"), "weekly_task", ["action_id"], unique=False)
    op.create_index(
        op.f("ix_weekly_task_weekly_plan_id"), "weekly_task", ["weekly_plan_id"], unique=False
    )
    op.create_table(
        "control_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("control_point_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("plan_minor", sa.Integer(), nullable=False),
        sa.Column("actual_minor", sa.Integer(), nullable=False),
        sa.Column("verdict", sa.String(), nullable=False),
        sa.Column("comment", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["control_point_id"], ["control_point.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_control_check_control_point_id"),
        "control_check",
        ["control_point_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_control_check_person_id"), "control_check", ["person_id"], unique=False
    )


def downgrade() -> None:
    op.drop_table("control_check")
    op.drop_table("weekly_task")
    op.drop_table("expense")
    op.drop_table("control_point")
    op.drop_table("budget_line")
    op.drop_table("weekly_metric")
    op.drop_table("tows_option")
    op.drop_table("measurement")
    op.drop_table("goal_swot")
    op.drop_table("action")
    op.drop_table("weekly_plan")
    op.drop_table("hypothesis")
    op.drop_table("goal")
    op.drop_table("channel_result")
    op.drop_table("swot_item")
    op.drop_table("plan")
    op.drop_table("person")
    op.drop_table("direction")
    op.drop_table("channel")
    op.drop_table("budget")
