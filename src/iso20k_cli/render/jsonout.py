"""``--format json``: the whole Assessment as one JSON document (see README for the contract)."""

from __future__ import annotations

import json

from iso20k_cli.assess.model import Assessment


def render_json(assessment: Assessment) -> str:
    data = assessment.model_dump(mode="json")
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
