"""The five success factors of a transfer."""

from __future__ import annotations

from .base import InlineMd, Record, Text


class SuccessFactor(Record):
    title: Text
    description: InlineMd
