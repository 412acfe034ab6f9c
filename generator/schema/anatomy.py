"""Anatomy: muscles, tendons, bones, joints and fascia that matter to runners."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Entity, Markdown, Text
from .figure import BodyRegion, Image

Structure = Literal["muscle", "muscle-group", "tendon", "bone", "joint", "fascia", "ligament", "nerve"]
Region = Literal["trunk", "hip-pelvis", "thigh", "knee", "lower-leg", "ankle-foot"]


class Anatomy(Entity):
    structure: Structure = Field(description="What kind of structure this is.")
    region: Region = Field(description="Body region, used to group the anatomy index.")
    functions: list[Text] = Field(min_length=1, description="Actions or functions, precise wording.")
    running_role: Markdown = Field(description="What it does during running, for the student.")
    plain: Text = Field(description="Plain-language description a runner understands.")
    external_ids: dict[str, Text] = Field(
        default_factory=dict, description="Identifiers in anatomy ontologies, e.g. {uberon: 'UBERON:0001375'}."
    )
    body_map: list[BodyRegion] = Field(
        default_factory=list, description="Body-map regions this structure covers, e.g. [hip-side, gluteal].")
    images: list[Image] = Field(default_factory=list, description="Your own pictures from content/media/.")
