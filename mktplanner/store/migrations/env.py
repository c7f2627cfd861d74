"""Alembic environment: always driven from code (store/migrate.py) with a ready connection."""

from alembic import context
from sqlmodel import SQLModel

import mktplanner.domain.tables  # noqa: F401  (registers the tables on SQLModel.metadata)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite needs table rebuilds for most ALTERs
    compare_type=True,
)
context.run_migrations()
