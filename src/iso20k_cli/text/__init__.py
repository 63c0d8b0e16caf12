"""Words as every stage compares them: normalisation, and a vocabulary's lexicon."""
