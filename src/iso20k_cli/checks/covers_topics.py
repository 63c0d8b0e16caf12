"""``covers_topics``: the evidence covers every listed topic; missing topics are named.

Each topic is met when any of its phrases appears in the text of the item's evidence
(words compared as in titles: case, punctuation and plurals set aside). It judges,
for example, that management review minutes cover the inputs the standard expects,
or that an audit programme covers every clause over its cycle.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from iso20k_cli.checks.base import CheckContext, CheckSpec, Outcome, graded
from iso20k_cli.severity import Severity
from iso20k_cli.text.normalise import joined, words

NAME = "covers_topics"
EXAMPLE = """- type: covers_topics
  what: inputs to management review
  basis: "9.3"
  topics:
    - name: status of actions from previous reviews
      any_of: [previous actions, actions from previous, action log]
    - name: audit results
      any_of: [audit results, internal audit, audit findings]"""
LABEL = "expected topics not covered"
METHOD = (
    "topics: the evidence covers every expected topic (for example the inputs a management "
    "review must consider)"
)
READS_CONTENT = True


class Topic(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=2)
    any_of: tuple[str, ...] = Field(min_length=1)


class Spec(CheckSpec):
    type: Literal["covers_topics"]
    what: str = "the expected topics"
    topics: tuple[Topic, ...] = Field(min_length=1)
    basis: str | None = None


def run(spec: Spec, ctx: CheckContext) -> list[Outcome]:
    readable = [f for f in ctx.files if f.readable and f.text]
    paths = tuple(f.path for f in ctx.files)
    if not readable:
        return [
            Outcome(
                NAME,
                Severity.OBSERVATION,
                f"whether '{ctx.item.title}' covers {spec.what} cannot be judged: its content "
                "could not be read",
                "Provide a readable copy, or confirm the coverage by hand.",
                paths,
                spec.basis,
            )
        ]
    body = " ".join(joined(words(f.text)) for f in readable)
    missing = [t.name for t in spec.topics if not any(joined(words(p)) in body for p in t.any_of)]
    if not missing:
        return [Outcome(NAME, None, f"covers {spec.what} ({len(spec.topics)} topics)")]
    return [
        Outcome(
            NAME,
            graded(spec, Severity.MINOR),
            f"'{ctx.item.title}' does not cover {len(missing)} of {len(spec.topics)} of "
            f"{spec.what}: {'; '.join(missing)}",
            f"Cover the missing topics ({'; '.join(missing)}), or show where they are covered.",
            paths,
            spec.basis,
        )
    ]
