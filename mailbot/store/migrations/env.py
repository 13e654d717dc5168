"""Alembic's entry point: runs the revisions on the connection ``open_database`` hands over.

``mailbot.store.database.upgrade`` builds the Alembic Config in code and puts its open connection in
``config.attributes["connection"]``, so the SQLite settings made on connect (foreign keys, WAL) hold
during migrations too. For writing a new revision by hand, ``alembic -x url=sqlite:///dev.db
revision --autogenerate -m "…"`` with ``script_location`` pointed here works as well.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from mailbot.store.models import Base

config = context.config
target_metadata = Base.metadata


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
    )
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    if context.is_offline_mode():
        raise SystemExit("mailbot migrations run online only, on the database they change")
    connection = config.attributes.get("connection")
    if connection is not None:
        run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("give the database as -x url=…")
    engine = create_engine(url)
    with engine.begin() as connection:
        run(connection)
    engine.dispose()


main()
