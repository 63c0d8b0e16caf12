"""The lexicon recognition uses: the catalogue's vocabulary, with its genres."""

from __future__ import annotations

from iso20k_cli.catalogue.model import Genre
from iso20k_cli.catalogue.model import Vocabulary as CatalogueVocabulary
from iso20k_cli.text.lexicon import COORDINATION, INVERSION, MARKERS, NoVocabulary, Tokens
from iso20k_cli.text.lexicon import Lexicon as _Lexicon
from iso20k_cli.text.normalise import words

Lexicon = _Lexicon[Genre]
"""A lexicon whose genre words say which :class:`Genre` a title names."""

__all__ = ["COORDINATION", "INVERSION", "MARKERS", "Lexicon", "Tokens", "spelled_lexicon"]


def spelled_lexicon(vocabulary: CatalogueVocabulary) -> Lexicon:
    """A lexicon of the words as written: synonyms and translations, but no code or
    abbreviation read as the phrase it stands for ("SEV1" stays "sev1", not a major
    incident; "CAB" stays "cab"), for where a code alone says too little."""
    return Lexicon(
        NoVocabulary(
            terms={
                source: target
                for source, target in vocabulary.terms.items()
                if len(words(source)) > 1 or len(words(target)) == 1
            },
            stopwords=vocabulary.stopwords,
        )
    )
