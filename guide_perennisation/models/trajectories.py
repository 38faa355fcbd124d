"""The three trajectories observed after incubation."""

from __future__ import annotations

from .base import InlineMd, Record, Text


class Trajectory(Record):
    title: Text
    summary: InlineMd
