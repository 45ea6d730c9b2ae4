"""initial: users, events, processed_updates

Revision ID: 0001_initial
Revises:
Create Date: 2026-01-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Spelled out here rather than imported, so this migration never changes when the models do.
AUTO_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
INSTANT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("first_name", sa.String(256), nullable=False),
        sa.Column("language", sa.String(2), nullable=True),
        sa.Column("telegram_language", sa.String(16), nullable=True),
        sa.Column("display_name", sa.String(64), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("birth_time", sa.Time(), nullable=True),
        sa.Column("birth_time_known", sa.Boolean(), nullable=True),
        sa.Column("place_name", sa.String(200), nullable=True),
        sa.Column("place_country", sa.String(100), nullable=True),
        sa.Column("place_admin1", sa.String(200), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("timezone", sa.String(64), nullable=True),
        sa.Column("geoname_id", sa.Integer(), nullable=True),
        sa.Column("house_system", sa.String(16), server_default="placidus", nullable=False),
        sa.Column("pending_input", sa.String(16), nullable=True),
        sa.Column("pending_data", sa.JSON(), nullable=True),
        sa.Column("created_at", INSTANT, nullable=False),
        sa.Column("updated_at", INSTANT, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
    )
    op.create_table(
        "events",
        sa.Column("id", AUTO_ID, autoincrement=True, nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=True),
        sa.Column("name", sa.String(48), nullable=False),
        sa.Column("props", sa.JSON(), nullable=True),
        sa.Column("created_at", INSTANT, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
    )
    op.create_index("ix_events_user_id", "events", ["user_id"])
    op.create_index("ix_events_name", "events", ["name"])
    op.create_index("ix_events_created_at", "events", ["created_at"])
    op.create_table(
        "processed_updates",
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("processed_at", INSTANT, nullable=False),
        sa.PrimaryKeyConstraint("update_id", name="pk_processed_updates"),
    )


def downgrade() -> None:
    op.drop_table("processed_updates")
    op.drop_index("ix_events_created_at", table_name="events")
    op.drop_index("ix_events_name", table_name="events")
    op.drop_index("ix_events_user_id", table_name="events")
    op.drop_table("events")
    op.drop_table("users")
