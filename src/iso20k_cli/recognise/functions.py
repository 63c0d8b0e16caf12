"""Whose folder a file is filed in: the organisation's other functions.

A consultant reads "HR/Code of Discipline - Incident Reporting.pdf" or
"Estates/Incident Reporting Procedure (H&S).pdf" as those functions' documents before
reading their titles: an incident there is a disciplinary or a safety one. The
vocabulary names each function by the folder names that file its documents
(``functions``); a folder named for one alone ("HR", "01 Human Resources", "Estates
Department") files that function's documents, where "Finance and IT" or "HR Systems
Support" is named for more than the function and says nothing.
"""

from __future__ import annotations

from iso20k_cli.catalogue.model import Catalogue
from iso20k_cli.recognise.vocabulary import INVERSION, Lexicon, Tokens

# Words a folder adds to a function's name without naming anything more.
_FOLDER_WORDS = frozenset(
    {"department", "dept", "team", "office", "division", "unit", "directorate", "shared",
     "document", "documents", "folder", "files", "area", "abteilung", "afdeling", "service"}
)  # fmt: skip
# Folders read from the file upwards: a function's folder is near the top of a share.
_MAX_DEPTH = 8


class Functions:
    """The vocabulary's functions by the canonical words of their folder names."""

    def __init__(self, catalogue: Catalogue, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._names: dict[Tokens, str] = {}
        for function, names in catalogue.vocabulary.functions.items():
            for name in names:
                if tokens := self._bare(lexicon.canon_text(name)):
                    self._names.setdefault(tokens, function)

    def filed_with(self, path: str) -> tuple[str, str] | None:
        """The function whose folder ``path`` is filed in, and that folder, if any."""
        if not self._names:
            return None
        for folder in path.split("/")[:-1][:_MAX_DEPTH]:
            function = self._names.get(self._bare(self._lexicon.cached(folder)))
            if function is not None:
                return function, folder
        return None

    @staticmethod
    def _bare(tokens: Tokens) -> Tokens:
        """A folder's name without the words that name no function ("01", "Department of");
        an "and" stays, so "Finance and IT" (its "IT" a stop word) is not "Finance"."""
        kept = [t for t in tokens if t not in _FOLDER_WORDS and not t.isdigit()]
        while kept and kept[0] == INVERSION:
            kept.pop(0)
        while kept and kept[-1] == INVERSION:
            kept.pop()
        return tuple(kept)
