"""Text processing: Chinese script conversion, normalisation."""
