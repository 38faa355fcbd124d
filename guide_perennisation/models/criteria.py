"""The seven criteria for choosing a host structure."""

from __future__ import annotations

from .base import InlineMd, Record, Text


class Criterion(Record):
    title: Text
    description: InlineMd
    question: InlineMd
