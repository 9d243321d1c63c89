"""Indexes for the API's incident list: sorting and filtering by killed, injured, type and map box.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_incidents_killed_best", "incidents", ["killed_best"])
    op.create_index("ix_incidents_injured_best", "incidents", ["injured_best"])
    op.create_index("ix_incidents_event_type", "incidents", ["event_type"])
    op.create_index("ix_incidents_lon_lat", "incidents", ["lon", "lat"])


def downgrade() -> None:
    op.drop_index("ix_incidents_lon_lat", "incidents")
    op.drop_index("ix_incidents_event_type", "incidents")
    op.drop_index("ix_incidents_injured_best", "incidents")
    op.drop_index("ix_incidents_killed_best", "incidents")
